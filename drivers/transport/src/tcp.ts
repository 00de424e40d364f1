import { connect, type Socket } from 'node:net';
import createDebug from 'debug';
import type { Transport, TransportCloseReason, TransportOpener } from './transport';
import { TransportListeners } from './transport-listeners';

const debug = createDebug('kiosk:transport');

/**
 * A network printer's raw port (TCP 9100, "JetDirect"/"AppSocket"): the ESC/POS stream goes in,
 * real-time status bytes come back on the same connection. Most units take one connection at a
 * time and drop it after an idle timeout (often 90–300 s); the driver's 3 s status polling keeps
 * it busy, and a drop is a `lost` close the driver reconnects from.
 */
export interface TcpTransportOptions {
  host: string;
  port?: number;
  /** No SYN-ACK within this: the printer is off or unplugged (absent). 3 s covers a busy LAN. */
  connectTimeoutMs?: number;
  /** TCP keep-alive probe delay: a printer whose cable was pulled is noticed within ~10 s + probes. */
  keepAliveMs?: number;
}

export const RAW_PRINTER_PORT = 9100;

/** Errors that mean "nobody there" rather than a configuration problem. */
const ABSENT_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ETIMEDOUT',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** `host:port` or `host` (port 9100); `[::1]:9100` for IPv6. */
export function parseTcpAddress(address: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+))(?::(\d{1,5}))?$/.exec(address.trim());
  const host = match?.[1] ?? match?.[2];
  const port = match?.[3] !== undefined ? Number(match[3]) : RAW_PRINTER_PORT;
  if (!host || port < 1 || port > 65535) throw new RangeError(`not a host[:port]: ${address}`);
  return { host, port };
}

export function tcpTransportOpener(options: TcpTransportOptions): TransportOpener {
  const { host, port = RAW_PRINTER_PORT, connectTimeoutMs = 3000, keepAliveMs = 10_000 } = options;
  return () =>
    new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        debug('tcp %s:%d: no answer within %d ms', host, port, connectTimeoutMs);
        resolve(undefined);
      }, connectTimeoutMs);
      socket.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        socket.destroy();
        if (ABSENT_CODES.has(error.code ?? '')) {
          debug('tcp %s:%d absent: %s', host, port, error.code);
          resolve(undefined);
        } else {
          reject(error);
        }
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true); // status requests are 3 bytes: do not let Nagle hold them
        socket.setKeepAlive(true, keepAliveMs);
        debug('tcp %s:%d open', host, port);
        resolve(socketTransport(socket, `tcp:${host}:${port}`));
      });
    });
}

/** Any connected socket as a Transport (the client above, or a simulator's accepted socket). */
export function socketTransport(socket: Socket, label: string): Transport {
  return new SocketTransport(socket, label);
}

class SocketTransport implements Transport {
  private readonly listeners = new TransportListeners();
  private closed = false;
  private closingByHost = false;

  constructor(
    private readonly socket: Socket,
    readonly label: string,
  ) {
    socket.on('data', (chunk: Buffer) =>
      this.listeners.emitData(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    );
    socket.on('error', (error: NodeJS.ErrnoException) =>
      debug('%s error: %s', label, error.code ?? error.message),
    );
    socket.on('close', (hadError: boolean) =>
      this.finish(
        this.closingByHost
          ? { kind: 'closed-by-host' }
          : { kind: 'lost', message: hadError ? 'socket error' : 'peer closed' },
      ),
    );
  }

  get isOpen(): boolean {
    return !this.closed && !this.socket.destroyed;
  }

  write(bytes: Uint8Array): Promise<void> {
    if (!this.isOpen) return Promise.reject(new Error(`${this.label} is closed`));
    return new Promise((resolve, reject) =>
      this.socket.write(bytes, (error) => (error ? reject(error) : resolve())),
    );
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (reason: TransportCloseReason) => void): () => void {
    return this.listeners.onClose(listener);
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closingByHost = true;
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      // FIN after what was written; the kernel still delivers buffered bytes.
      this.socket.end(() => this.socket.destroy());
    });
  }

  private finish(reason: TransportCloseReason): void {
    if (this.closed) return;
    this.closed = true;
    debug('%s closed (%s)', this.label, reason.kind === 'lost' ? reason.message : reason.kind);
    this.listeners.emitClose(reason);
  }
}
