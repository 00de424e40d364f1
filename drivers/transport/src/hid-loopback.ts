import { EventEmitter } from 'node:events';
import type { HidDeviceHandle, HidDeviceInfo, HidModule } from './hid';
import { fromOutputReport, toInputReports } from './hid-reports';
import { createMemoryLink, type MemoryLink } from './memory';
import type { Transport } from './transport';

/**
 * A stand-in for node-hid with one simulated device behind it (DESIGN §4 rule 4: real,
 * simulated, mocked — one interface). The driver opens it through the real `hidTransportOpener`,
 * so its output reports are split and its input reports reassembled exactly as on hardware; the
 * simulator sees a plain byte stream (the device end of a memory link). Extra interfaces that
 * never answer are listed before it, as a reader's keyboard interface may be.
 */
export interface HidLoopbackOptions {
  device: HidDeviceInfo & { path: string };
  /** Interfaces that enumerate first but never answer (probing must skip them). */
  others?: (HidDeviceInfo & { path: string })[];
  reportSize?: number;
  /** Connects the simulator to the device end of a fresh link on every open. */
  attach(device: Transport): void;
}

export interface HidLoopback {
  readonly module: HidModule;
  /** Pulls the USB cable: open handles report a read error, enumeration finds nothing. */
  unplug(): void;
  plug(): void;
}

export function createHidLoopback(options: HidLoopbackOptions): HidLoopback {
  const reportSize = options.reportSize ?? 64;
  let plugged = true;
  const open = new Set<LoopbackHandle>();

  class LoopbackHandle extends EventEmitter implements HidDeviceHandle {
    private readonly link: MemoryLink | undefined;
    private closed = false;

    constructor(path: string) {
      super();
      if (!plugged || ![options.device, ...(options.others ?? [])].some((d) => d.path === path)) {
        throw new Error(`cannot open device with path ${path}`);
      }
      if (path === options.device.path) {
        this.link = createMemoryLink({ label: 'hid-loopback' });
        options.attach(this.link.device);
        this.link.host.onData((bytes) => {
          for (const report of toInputReports(bytes, reportSize))
            this.emit('data', Buffer.from(report));
        });
      }
      open.add(this);
    }

    write(values: number[]): number {
      if (this.closed || !plugged) throw new Error('Cannot write to hid device');
      const decoded = fromOutputReport(Uint8Array.from(values));
      if (decoded.ok) void this.link?.host.write(decoded.data);
      return values.length;
    }

    close(): void {
      this.closed = true;
      open.delete(this);
      void this.link?.host.close();
    }

    pull(): void {
      this.link?.unplug();
      this.emit('error', new Error('could not read from HID device'));
    }
  }

  const module: HidModule = {
    HID: LoopbackHandle,
    devices: () => (plugged ? [...(options.others ?? []), options.device] : []),
  };
  return {
    module,
    unplug() {
      plugged = false;
      for (const handle of [...open]) handle.pull();
    },
    plug() {
      plugged = true;
    },
  };
}
