/**
 * SW3, the status byte of every reply (GA 467 family, "返回状态码" table). SW1 and SW2 are 00.
 */
export const Sw3 = {
  ok: 0x90, // 操作成功
  cardFound: 0x9f, // 寻找证/卡成功
  itemEmpty: 0x91, // 证/卡中此项无内容
  checksumError: 0x10, // 接收业务终端数据的校验和错
  lengthError: 0x11, // 接收业务终端数据的长度错
  commandError: 0x21, // 接收业务终端的命令错误
  unauthorised: 0x23, // 越权操作
  unknownError: 0x24, // 无法识别的错误
  cardAuthFailed: 0x31, // 证/卡认证机具失败
  samAuthFailed: 0x32, // 机具认证证/卡失败
  verifyFailed: 0x33, // 信息验证失败
  unknownCardType: 0x40, // 无法识别的证/卡类型
  readFailed: 0x41, // 读证/卡操作失败
  randomFailed: 0x47, // 取随机数失败
  samSelfTestFailed: 0x60, // SAM 自检失败
  samNotAuthorised: 0x66, // SAM 未经授权
  noCard: 0x80, // 找证/卡失败
  selectFailed: 0x81, // 选取证/卡失败
} as const;

export type Sw3Name = keyof typeof Sw3;

const descriptions: Record<Sw3Name, string> = {
  ok: 'ok',
  cardFound: 'card found',
  itemEmpty: 'item empty',
  checksumError: 'reader saw a checksum error in our command',
  lengthError: 'reader saw a length error in our command',
  commandError: 'command error',
  unauthorised: 'unauthorised operation',
  unknownError: 'unknown error',
  cardAuthFailed: 'card failed to authenticate the SAM',
  samAuthFailed: 'SAM failed to authenticate the card',
  verifyFailed: 'information verification failed',
  unknownCardType: 'unknown card type',
  readFailed: 'card read failed',
  randomFailed: 'random number failed',
  samSelfTestFailed: 'SAM self-test failed',
  samNotAuthorised: 'SAM not authorised',
  noCard: 'no card',
  selectFailed: 'card select failed',
};

export function sw3Name(sw3: number): Sw3Name | undefined {
  for (const [name, code] of Object.entries(Sw3)) {
    if (code === sw3) return name as Sw3Name;
  }
  return undefined;
}

/** `SW3 41 (card read failed)`: for messages and debug logs (never carries card data). */
export function describeSw3(sw3: number): string {
  const name = sw3Name(sw3);
  const hex = sw3.toString(16).toUpperCase().padStart(2, '0');
  return `SW3 ${hex} (${name ? descriptions[name] : 'undocumented'})`;
}
