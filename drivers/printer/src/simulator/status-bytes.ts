import { StatusBit, STATUS_FIXED_BITS, type StatusRequest } from '../protocol/status';

/** The simulated printer's condition, as its knobs set it. */
export interface SimulatedCondition {
  paper: 'ok' | 'low' | 'out';
  coverOpen: boolean;
  offline: boolean;
  cutterError: boolean;
}

export const isStopped = (c: SimulatedCondition): boolean =>
  c.paper === 'out' || c.coverOpen || c.offline || c.cutterError;

/** The DLE EOT n reply a real printer in this condition sends (bits as in protocol/status.ts). */
export function realtimeStatusByte(c: SimulatedCondition, n: StatusRequest): number {
  let byte = STATUS_FIXED_BITS;
  switch (n) {
    case 1:
      if (isStopped(c)) byte |= StatusBit.offline;
      break;
    case 2:
      if (c.coverOpen) byte |= StatusBit.coverOpen;
      if (c.paper === 'out') byte |= StatusBit.paperEndStop;
      if (c.cutterError) byte |= StatusBit.errorOccurred;
      break;
    case 3:
      if (c.cutterError) byte |= StatusBit.autocutterError;
      break;
    case 4:
      if (c.paper !== 'ok') byte |= StatusBit.paperNearEnd;
      if (c.paper === 'out') byte |= StatusBit.paperEnd;
      break;
  }
  return byte;
}

/** GS r 1 reply: bits 0,1 near end, bits 2,3 paper end; bit 4 is 0 (unlike DLE EOT). */
export function paperStatusByte(c: SimulatedCondition): number {
  return (c.paper !== 'ok' ? 0x03 : 0) | (c.paper === 'out' ? 0x0c : 0);
}

export interface SimulatedIdentity {
  firmware: string;
  maker: string;
  model: string;
}

/** GS I n reply: `_` text NUL for n = 65 (firmware), 66 (maker), 67 (model); nothing else. */
export function printerIdReply(identity: SimulatedIdentity, n: number): Uint8Array | undefined {
  const text =
    n === 65
      ? identity.firmware
      : n === 66
        ? identity.maker
        : n === 67
          ? identity.model
          : undefined;
  if (text === undefined) return undefined;
  return Uint8Array.of(0x5f, ...Buffer.from(text, 'ascii'), 0x00);
}
