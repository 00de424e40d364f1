import { existsSync } from 'node:fs';
import createDebug from 'debug';
import { SerialPort } from 'serialport';
import type { Transport, TransportCloseReason, TransportOpener } from './transport';
import { TransportListeners } from './transport-listeners';

const debug = createDebug('kiosk:transport');

/**
 * Serial ports (RS-232, USB-serial adapters, the CDC-ACM port of most ID-card readers) through
 * `serialport`. Framing is 8N1, no flow control: what every SAM reader and ESC/POS printer
 * on a serial line expects. 115200 baud is the SAM readers' default; printers are often 9600
 * or 115200 (set with the printer's self-test menu).
 */
export interface SerialTransportOptions {
  path: string;
  baudRate?: number;
  /**
   * How often to check that the device node still exists. Unplugging a USB-serial adapter (or
   * ending socat) hangs the tty up: read() then returns 0 bytes forever, and serialport's unix
   * reader retries such reads without end instead of reporting a disconnect (serialport
   * bindings-cpp issue #162), so no `close` event ever comes. udev removes the node on unplug,
   * so its absence is our disconnect signal. 1 s bounds both the detection delay and the
   * wasted spinning.
   */
  presenceCheckMs?: number;
}

/** Messages the native bindings give when the port is missing or vanished mid-open. */
const ABSENT =
  /no such file|no such device|file not found|cannot find the file|ENOENT|ENODEV|ENXIO/i;

export function serialTransportOpener(options: SerialTransportOptions): TransportOpener {
  const { path, baudRate = 115200, presenceCheckMs = 1000 } = options;
  return async () => {
    // On Unix a missing node is the common "unplugged" case; checking first avoids a native
    // error. Windows COM ports have no node to check: the open error tells instead.
    const deviceNode = path.startsWith('/');
    if (deviceNode && !existsSync(path)) return undefined;
    const port = new SerialPort({
      path,
      baudRate,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      autoOpen: false,
    });
    try {
      await new Promise<void>((resolve, reject) =>
        port.open((error) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (ABSENT.test(message)) {
        debug('serial %s absent: %s', path, message);
        return undefined;
      }
      // Permission denied, port locked by another process…: a configuration problem, not absence.
      throw error;
    }
    debug('serial %s open at %d 8N1', path, baudRate);
    return new SerialTransport(
      `serial:${path}`,
      port,
      deviceNode ? path : undefined,
      presenceCheckMs,
    );
  };
}

class SerialTransport implements Transport {
  private readonly listeners = new TransportListeners();
  private closingByHost = false;
  private closed = false;
  private lostMessage: string | undefined;
  private readonly presence: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly label: string,
    private readonly port: SerialPort,
    /** The device node to watch (Unix); `undefined` for Windows COM ports. */
    node: string | undefined,
    presenceCheckMs: number,
  ) {
    if (node) {
      this.presence = setInterval(() => {
        if (existsSync(node) || !this.port.isOpen) return;
        this.lostMessage = 'device node disappeared';
        this.port.close();
      }, presenceCheckMs);
      this.presence.unref();
    }
    port.on('data', (chunk: Buffer) => {
      const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      this.listeners.emitData(bytes);
    });
    // serialport emits `close` with a DisconnectedError when the device goes away (USB pulled,
    // pty peer gone) and with nothing when we closed it ourselves.
    port.on('close', (error: Error | null) => {
      this.finish(
        this.closingByHost && !error
          ? { kind: 'closed-by-host' }
          : { kind: 'lost', message: error?.message ?? this.lostMessage ?? 'port closed' },
      );
    });
    port.on('error', (error: Error) => debug('%s error: %s', label, error.message));
  }

  get isOpen(): boolean {
    return !this.closed && this.port.isOpen;
  }

  write(bytes: Uint8Array): Promise<void> {
    if (!this.isOpen) return Promise.reject(new Error(`${this.label} is closed`));
    // Resolve once the bytes left the OS buffer (drain), so a caller's reply timeout starts
    // when the device could actually have the command.
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(bytes), (error) => {
        if (error) return reject(error);
        this.port.drain((drainError) => (drainError ? reject(drainError) : resolve()));
      });
    });
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (reason: TransportCloseReason) => void): () => void {
    return this.listeners.onClose(listener);
  }

  close(): Promise<void> {
    if (this.closed || !this.port.isOpen) {
      this.finish({ kind: 'closed-by-host' });
      return Promise.resolve();
    }
    this.closingByHost = true;
    return new Promise((resolve) => {
      this.port.close(() => {
        this.finish({ kind: 'closed-by-host' });
        resolve();
      });
    });
  }

  private finish(reason: TransportCloseReason): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.presence);
    debug('%s closed (%s)', this.label, reason.kind === 'lost' ? reason.message : reason.kind);
    this.listeners.emitClose(reason);
  }
}
