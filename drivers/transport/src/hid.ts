import createDebug from 'debug';
import { fromInputReport, toOutputReports } from './hid-reports';
import type { Transport, TransportCloseReason, TransportOpener } from './transport';
import { TransportListeners } from './transport-listeners';

const debug = createDebug('kiosk:transport');

/**
 * USB HID devices through node-hid (DESIGN §2.3 layer 2). The stream is carried in reports as
 * `hid-reports.ts` describes. node-hid is loaded lazily (dynamic import) so hosts and tests where
 * its native module cannot load still run: the device is then simply absent.
 *
 * On Linux we select the `hidraw` backend before first use: the default libusb backend needs
 * libusb-1.0, which the kiosk images do not ship, and it would detach the kernel driver.
 */

/** The subset of node-hid's `HID` class we use; tests inject a fake. */
export interface HidDeviceHandle {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  write(values: number[]): number;
  close(): void;
  removeAllListeners(): unknown;
}

export interface HidDeviceInfo {
  path?: string | undefined;
  vendorId: number;
  productId: number;
}

/** The subset of the node-hid module we use. */
export interface HidModule {
  HID: new (path: string) => HidDeviceHandle;
  devices(): HidDeviceInfo[];
  setDriverType?(type: 'hidraw' | 'libusb'): void;
}

export interface HidTransportOptions {
  /** A hidraw path such as `/dev/hidraw3`; otherwise the first device matching vendor (and product). */
  path?: string;
  vendorId?: number;
  productId?: number;
  /** Report size in bytes as the device's report descriptor declares it (64 for full-speed). */
  reportSize?: number;
  /** Loads node-hid; tests pass a fake. Resolves `undefined` when it cannot load. */
  loadHid?: () => Promise<HidModule | undefined>;
}

let nodeHid: Promise<HidModule | undefined> | undefined;

/** Loads node-hid once, selecting hidraw on Linux; `undefined` when the native module is missing. */
export function loadNodeHid(): Promise<HidModule | undefined> {
  nodeHid ??= import('node-hid').then(
    (imported) => {
      const mod = imported as unknown as HidModule & { default?: HidModule };
      const hid = mod.default ?? mod;
      if (process.platform === 'linux') hid.setDriverType?.('hidraw');
      return hid;
    },
    (error: unknown) => {
      debug('node-hid cannot load: %s', error instanceof Error ? error.message : String(error));
      return undefined;
    },
  );
  return nodeHid;
}

export function hidTransportOpener(options: HidTransportOptions): TransportOpener {
  const reportSize = options.reportSize ?? 64;
  const load = options.loadHid ?? loadNodeHid;
  return async () => {
    const hid = await load();
    if (!hid) return undefined;
    const path = options.path ?? findPath(hid, options);
    if (!path) return undefined;
    let device: HidDeviceHandle;
    try {
      device = new hid.HID(path);
    } catch (error) {
      // node-hid reports a vanished device and a permission problem with the same message
      // ("cannot open device with path …"); both leave the device unusable, so: absent.
      debug('hid %s cannot open: %s', path, error instanceof Error ? error.message : error);
      return undefined;
    }
    debug('hid %s open, %d-byte reports', path, reportSize);
    return new HidTransport(`hid:${path}`, device, reportSize);
  };
}

function findPath(hid: HidModule, options: HidTransportOptions): string | undefined {
  return matchingPaths(hid, options)[0];
}

/** hidraw paths of every interface matching vendor (and product), in enumeration order. */
function matchingPaths(hid: HidModule, options: HidDeviceFilter): string[] {
  if (options.vendorId === undefined) {
    throw new Error('HID device selection needs a path or a vendorId (and optionally a productId)');
  }
  const paths = hid
    .devices()
    .filter(
      (d) =>
        d.vendorId === options.vendorId &&
        (options.productId === undefined || d.productId === options.productId),
    )
    .flatMap((d) => (d.path ? [d.path] : []));
  return [...new Set(paths)];
}

export interface HidDeviceFilter {
  vendorId?: number;
  productId?: number;
  loadHid?: () => Promise<HidModule | undefined>;
}

/**
 * Every hidraw path matching vendor (and product). A reader often enumerates several interfaces
 * (e.g. a keyboard-wedge interface beside the vendor one); the caller probes each to find the
 * one that speaks its protocol. Empty when node-hid cannot load.
 */
export async function listHidPaths(filter: HidDeviceFilter): Promise<string[]> {
  const hid = await (filter.loadHid ?? loadNodeHid)();
  return hid ? matchingPaths(hid, filter) : [];
}

class HidTransport implements Transport {
  private readonly listeners = new TransportListeners();
  private closed = false;

  constructor(
    readonly label: string,
    private readonly device: HidDeviceHandle,
    private readonly reportSize: number,
  ) {
    device.on('data', (report) => {
      const decoded = fromInputReport(new Uint8Array(report));
      if (!decoded.ok) {
        debug('%s dropped a malformed input report (%s)', label, decoded.error.code);
        return;
      }
      if (decoded.data.length === 0) return;
      this.listeners.emitData(decoded.data);
    });
    // node-hid emits `error` when a read fails, which is what unplugging looks like.
    device.on('error', (error) => this.finish({ kind: 'lost', message: error.message }));
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`${this.label} is closed`));
    try {
      for (const report of toOutputReports(bytes, this.reportSize)) {
        this.device.write(Array.from(report));
      }
      return Promise.resolve();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.finish({ kind: 'lost', message });
      return Promise.reject(new Error(`${this.label}: ${message}`));
    }
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (reason: TransportCloseReason) => void): () => void {
    return this.listeners.onClose(listener);
  }

  close(): Promise<void> {
    this.finish({ kind: 'closed-by-host' });
    return Promise.resolve();
  }

  private finish(reason: TransportCloseReason): void {
    if (this.closed) return;
    this.closed = true;
    this.device.removeAllListeners();
    // A late read error after close must not become an unhandled 'error' event.
    this.device.on('error', () => undefined);
    try {
      this.device.close();
    } catch (error) {
      debug('%s close: %s', this.label, error instanceof Error ? error.message : error);
    }
    debug('%s closed (%s)', this.label, reason.kind === 'lost' ? reason.message : reason.kind);
    this.listeners.emitClose(reason);
  }
}
