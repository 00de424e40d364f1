/**
 * The byte pipe every driver talks through (DESIGN §2.3 layer 2). Serial, HID, TCP and the
 * in-memory link all implement it, so a driver never knows which one it has: bytes never touch
 * I/O in the protocol layer, and I/O never knows the protocol.
 */
export interface Transport {
  /** A short human label for logs and status, e.g. `serial:/dev/ttyUSB0` or `memory:idcard`. */
  readonly label: string;
  /** Resolves when the bytes were handed to the OS (or the peer, for memory). Rejects when closed. */
  write(bytes: Uint8Array): Promise<void>;
  /** Every chunk as it arrives; chunks have no relation to frame boundaries. Returns an unsubscribe. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once when the link goes away (unplugged, closed by either side). */
  onClose(listener: (reason: TransportCloseReason) => void): () => void;
  readonly isOpen: boolean;
  close(): Promise<void>;
}

export type TransportCloseReason = { kind: 'closed-by-host' } | { kind: 'lost'; message: string };

/** Opens a transport; returns `undefined` when the device is not there (an absent device is a status, not an error). */
export type TransportOpener = () => Promise<Transport | undefined>;
