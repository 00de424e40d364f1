import { constants, existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import createDebug from 'debug';
import type { Transport, TransportCloseReason, TransportOpener } from './transport';
import { TransportListeners } from './transport-listeners';

const debug = createDebug('kiosk:transport');

/**
 * The Linux USB printer class device (`usblp` driver): `/dev/usb/lp0`, a character device whose
 * write() sends to the printer's bulk-out endpoint and whose read() returns what the printer sent
 * on bulk-in (the DLE EOT answers), for printers whose interface is bidirectional (protocol 2;
 * `cat /sys/class/usbmisc/lp0/device/ieee1284_id` answers for those).
 *
 * Node has no readiness notification for such a file, and a blocking read() would hold a libuv
 * worker thread for as long as the printer stays silent, so the device is opened O_NONBLOCK:
 * reads return EAGAIN when there is nothing and are repeated every `readPollMs`; writes that
 * meet EAGAIN (the previous USB transfer still running) are retried every `writeRetryMs`.
 */
export interface UsblpTransportOptions {
  path: string;
  /**
   * Between reads while the printer is silent. A DLE EOT answer waits at most this long in the
   * kernel; 10 ms is invisible next to the 1 s reply timeout and costs ~100 syscalls a second.
   */
  readPollMs?: number;
  /** After EAGAIN on write: a 64-byte USB transfer takes well under 1 ms; 5 ms is plenty. */
  writeRetryMs?: number;
  /** How often to check the node still exists (udev removes it on unplug): 1 s, as for serial. */
  presenceCheckMs?: number;
}

const ABSENT_CODES = new Set(['ENOENT', 'ENODEV', 'ENXIO']);
const AGAIN_CODES = new Set(['EAGAIN', 'EWOULDBLOCK']);

export function usblpTransportOpener(options: UsblpTransportOptions): TransportOpener {
  const { path, readPollMs = 10, writeRetryMs = 5, presenceCheckMs = 1000 } = options;
  return async () => {
    if (!existsSync(path)) return undefined;
    let handle: FileHandle;
    try {
      handle = await open(path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (ABSENT_CODES.has(code)) return undefined;
      // EACCES (no udev rule), EBUSY (CUPS holds it): configuration, not absence.
      throw error;
    }
    debug('usblp %s open', path);
    return new UsblpTransport(`usblp:${path}`, path, handle, {
      readPollMs,
      writeRetryMs,
      presenceCheckMs,
    });
  };
}

class UsblpTransport implements Transport {
  private readonly listeners = new TransportListeners();
  private closed = false;
  private writing: Promise<unknown> = Promise.resolve();
  private readonly presence: ReturnType<typeof setInterval>;
  private readTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly label: string,
    private readonly path: string,
    private readonly handle: FileHandle,
    private readonly timing: Required<Omit<UsblpTransportOptions, 'path'>>,
  ) {
    this.presence = setInterval(() => {
      if (!existsSync(this.path)) this.lose('device node disappeared');
    }, timing.presenceCheckMs);
    this.presence.unref();
    void this.readOnce();
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`${this.label} is closed`));
    const copy = bytes.slice();
    const run = this.writing.then(() => this.writeAll(copy));
    this.writing = run.catch(() => undefined);
    return run;
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (reason: TransportCloseReason) => void): () => void {
    return this.listeners.onClose(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.finish({ kind: 'closed-by-host' });
    await this.handle.close().catch(() => undefined);
  }

  private async writeAll(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      if (this.closed) throw new Error(`${this.label} is closed`);
      try {
        const { bytesWritten } = await this.handle.write(
          bytes,
          offset,
          bytes.length - offset,
          null,
        );
        offset += bytesWritten;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (!AGAIN_CODES.has(code)) {
          this.lose(`write: ${code || (error as Error).message}`);
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, this.timing.writeRetryMs));
      }
    }
  }

  private async readOnce(): Promise<void> {
    if (this.closed) return;
    const buffer = Buffer.alloc(256);
    try {
      const { bytesRead } = await this.handle.read(buffer, 0, buffer.length, null);
      if (bytesRead > 0 && !this.closed) {
        this.listeners.emitData(new Uint8Array(buffer.subarray(0, bytesRead)));
        void this.readOnce(); // more may be waiting
        return;
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (this.closed) return;
      if (code === 'EINVAL') {
        // A unidirectional interface: no status can ever come back; the driver will see the
        // printer as offline (no DLE EOT answers), which is the truth for this wiring.
        debug('%s cannot be read (unidirectional printer interface)', this.label);
        return;
      }
      if (!AGAIN_CODES.has(code)) {
        this.lose(`read: ${code || (error as Error).message}`);
        return;
      }
    }
    this.readTimer = setTimeout(() => void this.readOnce(), this.timing.readPollMs);
    this.readTimer.unref();
  }

  private lose(message: string): void {
    if (this.closed) return;
    this.finish({ kind: 'lost', message });
    void this.handle.close().catch(() => undefined);
  }

  private finish(reason: TransportCloseReason): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.presence);
    clearTimeout(this.readTimer);
    debug('%s closed (%s)', this.label, reason.kind === 'lost' ? reason.message : reason.kind);
    this.listeners.emitClose(reason);
  }
}
