import { openLinkedPtyPair, type LinkedPtyPair } from '../../../transport/src/linked-pty-pair';
import { serialTransportOpener } from '../../../transport/src/serial';
import type { IdCardSimulator } from './id-card-simulator';

/**
 * A simulated reader on a real serial line (DESIGN §2.3 layer 4): the simulator sits on one end
 * of a socat pty pair, the driver or kioskctl opens the other by a stable path. `unplug()` ends
 * socat (the path disappears, as when a USB-serial adapter is pulled); `plug()` brings it back.
 */
export interface PtySimulator {
  /** What the host opens: `kioskctl idcard read --port <portPath>`. */
  readonly portPath: string;
  readonly plugged: boolean;
  unplug(): Promise<void>;
  plug(): Promise<void>;
  close(): Promise<void>;
}

export async function startPtySimulator(
  sim: IdCardSimulator,
  portPath: string,
): Promise<PtySimulator> {
  let pair: LinkedPtyPair | undefined;
  let detach: (() => void) | undefined;
  const plug = async () => {
    if (pair) return;
    const next = await openLinkedPtyPair(portPath);
    const device = await serialTransportOpener({ path: next.devicePath })();
    if (!device) {
      await next.close();
      throw new Error(`the simulator side ${next.devicePath} did not open`);
    }
    detach = sim.attach(device);
    const close = next.close;
    pair = {
      ...next,
      close: async () => {
        detach?.();
        await device.close();
        await close();
      },
    };
  };
  const unplug = async () => {
    const current = pair;
    pair = undefined;
    await current?.close();
  };
  await plug();
  return {
    portPath,
    get plugged() {
      return pair !== undefined;
    },
    plug,
    unplug,
    close: unplug,
  };
}
