import type { Transport } from '../../../transport/src/transport';

/**
 * How the simulated reader puts a reply on the wire. A pty (or the memory link) delivers bytes
 * instantly, but a real SAM reader's UART sends one byte per 10 bit times (8N1: start + 8 data +
 * stop): at 115200 baud a 1295-byte reply takes 112.4 ms. With `baudRate` set, replies are
 * written in small pieces, each when its last byte would have left a real UART, measured from
 * when the command itself would have finished arriving. `chunkSize` alone splits replies into
 * separate writes (exercises reassembly on a real port).
 */
export interface WirePacing {
  /** Real serial timing at this rate; undefined = as fast as the link goes. */
  baudRate?: number;
  /** Bytes per write; with `baudRate` the default is 32 (2.8 ms at 115200). */
  chunkSize?: number;
}

/** 8N1: a start bit, 8 data bits, a stop bit. */
export const BITS_PER_BYTE = 10;
const PACED_CHUNK = 32;

export function wireTimeMs(bytes: number, baudRate: number): number {
  return (bytes * BITS_PER_BYTE * 1000) / baudRate;
}

const sleepUntil = (due: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));

/**
 * Writes `reply` on `device` as `pacing` says. `commandArrivedAt` (performance.now()) and
 * `commandLength` place the start of the reply after the command's own wire time.
 */
export async function writeReply(
  device: Transport,
  reply: Uint8Array,
  pacing: WirePacing,
  command: { arrivedAt: number; length: number },
): Promise<void> {
  const { baudRate } = pacing;
  const chunkSize = Math.max(1, pacing.chunkSize ?? (baudRate ? PACED_CHUNK : reply.length));
  const start = baudRate ? command.arrivedAt + wireTimeMs(command.length, baudRate) : 0;
  for (let offset = 0; offset < reply.length; offset += chunkSize) {
    const chunk = reply.subarray(offset, offset + chunkSize);
    if (baudRate) {
      await sleepUntil(start + wireTimeMs(offset + chunk.length, baudRate));
    } else if (offset > 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!device.isOpen) return;
    await device.write(chunk).catch(() => undefined);
  }
}
