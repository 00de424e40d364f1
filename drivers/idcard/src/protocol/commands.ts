import { encodeCommand } from './frame';

/**
 * The SAM command set (GA 467 family, "命令" table: CMD + PARA byte pairs). None of these
 * commands carries data.
 */
export const commands = {
  /** 10 FF: reset the SAM (复位 SAM). */
  'reset-sam': { cmd: 0x10, para: 0xff },
  /** 11 FF: SAM status check (SAM 状态检测); replies 90 when the SAM is healthy. */
  'sam-status': { cmd: 0x11, para: 0xff },
  /** 12 FF: read the SAM's 16-byte management number (读 SAM 管理信息). */
  'sam-id': { cmd: 0x12, para: 0xff },
  /** 20 01: find card (寻找证/卡); 9F = found, 80 = none in the field. */
  'find-card': { cmd: 0x20, para: 0x01 },
  /** 20 02: select card (选取证/卡); 90 = selected, 81 = failed. */
  'select-card': { cmd: 0x20, para: 0x02 },
  /** 30 01: read text + photo (读机读文字信息和相片信息): the 1295-byte reply. */
  'read-text-photo': { cmd: 0x30, para: 0x01 },
  /** 30 10: read text + photo + fingerprint (读文字、相片和指纹信息). */
  'read-text-photo-fingerprint': { cmd: 0x30, para: 0x10 },
  /** 30 03: read the appended address (读追加住址信息); 91 = none. */
  'read-appended-address': { cmd: 0x30, para: 0x03 },
} as const;

export type CommandName = keyof typeof commands;

/**
 * 60 0x: set the reader's serial baud rate (设置 SAM 串口波特率). PARA picks the rate; the reader
 * answers 90 at the old rate and listens at the new one afterwards.
 */
export const SET_BAUD_CMD = 0x60;
export const baudRateParas = {
  115200: 0x00,
  57600: 0x01,
  38400: 0x02,
  19200: 0x03,
  9600: 0x04,
} as const;
export type SamBaudRate = keyof typeof baudRateParas;

export function encodeNamedCommand(name: CommandName): Uint8Array {
  const { cmd, para } = commands[name];
  return encodeCommand(cmd, para);
}

export function encodeSetBaud(baudRate: SamBaudRate): Uint8Array {
  return encodeCommand(SET_BAUD_CMD, baudRateParas[baudRate]);
}

/** The name of a command frame's CMD/PARA pair, or `undefined` when we do not know it. */
export function commandNameOf(cmd: number, para: number): CommandName | undefined {
  for (const [name, code] of Object.entries(commands)) {
    if (code.cmd === cmd && code.para === para) return name as CommandName;
  }
  return undefined;
}

/** What a command frame asks (the simulator's side), including set-baud. */
export type DecodedCommand =
  { name: CommandName } | { name: 'set-baud'; baudRate: SamBaudRate } | { name: 'unknown' };

export function decodeCommand(cmd: number, para: number): DecodedCommand {
  const name = commandNameOf(cmd, para);
  if (name) return { name };
  if (cmd === SET_BAUD_CMD) {
    for (const [rate, code] of Object.entries(baudRateParas)) {
      if (code === para) return { name: 'set-baud', baudRate: Number(rate) as SamBaudRate };
    }
  }
  return { name: 'unknown' };
}
