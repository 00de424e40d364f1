import type { Transport, TransportCloseReason } from './transport';

/**
 * The listener half every transport shares: data to whoever listens, and one close notice, after
 * which everyone is forgotten (a closed transport never speaks again).
 */
export class TransportListeners implements Pick<Transport, 'onData' | 'onClose'> {
  private readonly data = new Set<(chunk: Uint8Array) => void>();
  private readonly close = new Set<(reason: TransportCloseReason) => void>();

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.data.add(listener);
    return () => this.data.delete(listener);
  }

  onClose(listener: (reason: TransportCloseReason) => void): () => void {
    this.close.add(listener);
    return () => this.close.delete(listener);
  }

  emitData(chunk: Uint8Array): void {
    for (const listener of this.data) listener(chunk);
  }

  emitClose(reason: TransportCloseReason): void {
    for (const listener of this.close) listener(reason);
    this.close.clear();
    this.data.clear();
  }
}
