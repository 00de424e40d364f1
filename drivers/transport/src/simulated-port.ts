import { createMemoryLink, type MemoryLink } from './memory';
import type { Transport, TransportOpener } from './transport';

/**
 * A simulated device behind a pluggable cable (DESIGN §4 rule 4: real, simulated, mocked — one
 * interface). Every `open()` while plugged makes a fresh memory link and hands its device end to
 * `attach` (the simulator), exactly as re-enumeration gives a real driver a fresh port; `unplug()`
 * pulls the cable (both ends close with `lost`) and `open()` then finds nothing until `plug()`.
 */
export interface SimulatedPortOptions {
  label: string;
  /** Deliver writes in chunks of at most this many bytes (exercises reassembly). */
  chunkSize?: number;
  /** Milliseconds between chunks: the "slow bytes" knob. */
  chunkDelayMs?: number;
  /** Connects the simulator to the device end of a new link. */
  attach(device: Transport): void;
}

export interface SimulatedPort {
  readonly open: TransportOpener;
  readonly plugged: boolean;
  unplug(): void;
  plug(): void;
}

export function createSimulatedPort(options: SimulatedPortOptions): SimulatedPort {
  let plugged = true;
  let current: MemoryLink | undefined;
  return {
    open: () => {
      if (!plugged) return Promise.resolve(undefined);
      current = createMemoryLink({
        label: options.label,
        chunkSize: options.chunkSize,
        chunkDelayMs: options.chunkDelayMs,
      });
      options.attach(current.device);
      return Promise.resolve(current.host);
    },
    get plugged() {
      return plugged;
    },
    unplug() {
      plugged = false;
      current?.unplug();
      current = undefined;
    },
    plug() {
      plugged = true;
    },
  };
}
