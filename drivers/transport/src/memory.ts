import type { Transport, TransportCloseReason } from './transport';
import { TransportListeners } from './transport-listeners';

/**
 * Two connected in-memory transports: what one end writes, the other receives. Used by the
 * simulated devices in development and by driver tests. Delivery is asynchronous (a microtask
 * or the configured delay) so drivers meet the same interleavings as on a real port.
 */
export interface MemoryLinkOptions {
  label: string;
  /** Split every write into chunks of at most this many bytes (exercises frame reassembly). */
  chunkSize?: number;
  /** Milliseconds between chunks (0 = next macrotask). */
  chunkDelayMs?: number;
}

export interface MemoryLink {
  host: Transport;
  device: Transport;
  /** Simulates the cable being pulled: both ends close with `lost`. */
  unplug(): void;
}

export function createMemoryLink(options: MemoryLinkOptions): MemoryLink {
  const a = new MemoryEnd(`memory:${options.label}`, options);
  const b = new MemoryEnd(`memory:${options.label}:device`, options);
  a.peer = b;
  b.peer = a;
  return {
    host: a,
    device: b,
    unplug() {
      a.shutdown({ kind: 'lost', message: 'unplugged' });
      b.shutdown({ kind: 'lost', message: 'unplugged' });
    },
  };
}

class MemoryEnd implements Transport {
  peer: MemoryEnd | undefined;
  private open = true;
  private readonly listeners = new TransportListeners();
  /** Deliveries are chained so chunks arrive in order even with delays. */
  private delivery: Promise<void> = Promise.resolve();

  constructor(
    readonly label: string,
    private readonly options: MemoryLinkOptions,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  write(bytes: Uint8Array): Promise<void> {
    if (!this.open || !this.peer) return Promise.reject(new Error(`${this.label} is closed`));
    const peer = this.peer;
    const copy = bytes.slice();
    const size = this.options.chunkSize ?? copy.length;
    const delay = this.options.chunkDelayMs ?? 0;
    for (let offset = 0; offset < copy.length; offset += Math.max(1, size)) {
      const chunk = copy.subarray(offset, offset + Math.max(1, size));
      this.delivery = this.delivery.then(async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        peer.receive(chunk);
      });
    }
    return Promise.resolve();
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (reason: TransportCloseReason) => void): () => void {
    return this.listeners.onClose(listener);
  }

  close(): Promise<void> {
    this.shutdown({ kind: 'closed-by-host' });
    this.peer?.shutdown({ kind: 'lost', message: 'peer closed' });
    return Promise.resolve();
  }

  receive(chunk: Uint8Array): void {
    if (!this.open) return;
    this.listeners.emitData(chunk);
  }

  shutdown(reason: TransportCloseReason): void {
    if (!this.open) return;
    this.open = false;
    this.listeners.emitClose(reason);
  }
}
