import createDebug from 'debug';
import { hidTransportOpener, listHidPaths, type HidModule } from '../../transport/src/hid';
import { serialTransportOpener } from '../../transport/src/serial';
import { listSerialPaths, type SerialPortInfo } from '../../transport/src/serial-list';
import type { Transport, TransportOpener } from '../../transport/src/transport';
import { defaultIdCardDelays } from './delays';
import { checkSamStatus } from './probe';
import { SamLink } from './sam-link';

const debug = createDebug('kiosk:idcard');

/**
 * Where the reader is: a serial port (USB-serial adapter or the reader's CDC-ACM port; 115200 8N1
 * unless `baudRate` says otherwise) or a USB HID interface, named by its device path or by USB
 * vendor/product id.
 */
export type IdCardPort =
  | {
      transport: 'serial';
      path?: string | undefined;
      vendorId?: number | undefined;
      productId?: number | undefined;
      baudRate?: number | undefined;
    }
  | {
      transport: 'hid';
      path?: string | undefined;
      vendorId?: number | undefined;
      productId?: number | undefined;
      reportSize?: number | undefined;
    };

/** Seams for tests: how ports are listed and HID is loaded. */
export interface PortSelectionDeps {
  listSerial?: () => Promise<SerialPortInfo[]>;
  loadHid?: () => Promise<HidModule | undefined>;
  /** How long a candidate has to answer 11 FF. */
  probeTimeoutMs?: number;
}

/**
 * A transport opener for the configured reader. By path: that port (the driver's own probe then
 * decides whether it is a reader). By vendor/product id: every matching port is a candidate and
 * the first whose SAM answers the status check (11 FF → 90) wins, so a second adapter of the same
 * model, or a reader's keyboard interface, is never mistaken for it. When candidates exist but
 * none answers, the first is returned anyway and the driver's probe reports why (`no-answer`,
 * `sam-fault`); when there is none, the reader is absent.
 */
export function idCardOpener(port: IdCardPort, deps: PortSelectionDeps = {}): TransportOpener {
  const openerFor = (path: string): TransportOpener =>
    port.transport === 'serial'
      ? serialTransportOpener({ path, ...(port.baudRate ? { baudRate: port.baudRate } : {}) })
      : hidTransportOpener({
          path,
          ...(port.reportSize ? { reportSize: port.reportSize } : {}),
          ...(deps.loadHid ? { loadHid: deps.loadHid } : {}),
        });
  if (port.path) return openerFor(port.path);
  const filter = { vendorId: port.vendorId, productId: port.productId };
  const candidates = () =>
    port.transport === 'serial'
      ? listSerialPaths({ ...filter, ...(deps.listSerial ? { list: deps.listSerial } : {}) })
      : listHidPaths({ ...filter, ...(deps.loadHid ? { loadHid: deps.loadHid } : {}) });
  const probeTimeoutMs = deps.probeTimeoutMs ?? defaultIdCardDelays.quickReplyTimeoutMs;
  return async () => {
    const paths = await candidates();
    for (const path of paths) {
      const transport = await openerFor(path)().catch(() => undefined);
      if (!transport) continue;
      if (await answersSamStatus(transport, probeTimeoutMs)) {
        debug('reader found at %s', transport.label);
        return transport;
      }
      await transport.close();
    }
    const first = paths[0];
    return first === undefined ? undefined : openerFor(first)();
  };
}

async function answersSamStatus(transport: Transport, timeoutMs: number): Promise<boolean> {
  const link = new SamLink(transport, {
    replyTimeoutMs: timeoutMs,
    quickReplyTimeoutMs: timeoutMs,
  });
  const status = await checkSamStatus(link);
  link.release();
  return status.ok;
}
