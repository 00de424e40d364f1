/**
 * The terminal's devices, as configured: each one real (serial, HID) or simulated, behind the same
 * driver (DESIGN §4 rule 4). The manager turns driver statuses into the views the renderer and the
 * heartbeat show, and exposes the simulators to the dev panel.
 */
import { join } from 'node:path';
import type { DeviceState, DeviceStatusView, PrintedReceiptView } from '../../shared/views';
import { assertNever } from '../../shared/result';
import type { KioskConfig } from '../config/schema';
import {
  createIdCardReader,
  type IdCardReader,
  type IdCardReaderStatus,
} from '../../../drivers/idcard/src/driver';
import { createReceiptPrinter, type ReceiptPrinter } from '../../../drivers/printer/src/driver';
import type { PrinterStatus } from '../../../drivers/printer/src/protocol/status';
import { serialTransportOpener } from '../../../drivers/transport/src/serial';
import { tcpTransportOpener } from '../../../drivers/transport/src/tcp';
import { usblpTransportOpener } from '../../../drivers/transport/src/usblp';
import { createPrinterCounters, type PrinterCounters } from './printer-counters';
import { idCardOpener } from '../../../drivers/idcard/src/port-selection';
import type { TransportOpener } from '../../../drivers/transport/src/transport';
import { createSimulatedDevices, type SimulatedDevices } from './simulated-devices';

export interface DeviceManager {
  idcard: IdCardReader;
  printer: ReceiptPrinter;
  printerCounters: PrinterCounters;
  statuses(): DeviceStatusView[];
  onChange(listener: (statuses: DeviceStatusView[]) => void): () => void;
  /** Printed receipts as the simulated printer decoded them (dev panel); never for a real printer. */
  onPrinted(listener: (receipt: PrintedReceiptView) => void): () => void;
  /** Present when at least one device is simulated. */
  simulators?: SimulatedDevices;
  close(): Promise<void>;
}

export function idCardStateOf(status: IdCardReaderStatus): DeviceState {
  switch (status.state) {
    case 'ready':
    case 'absent':
    case 'error':
      return status.state;
    default:
      return assertNever(status, 'card reader status');
  }
}

export function printerStateOf(status: PrinterStatus): DeviceState {
  switch (status.state) {
    case 'ready':
    case 'paper-low':
    case 'paper-out':
    case 'cover-open':
    case 'offline':
    case 'absent':
      return status.state;
    case 'cutter-error':
      return 'error';
    default:
      return assertNever(status, 'printer status');
  }
}

export async function createDeviceManager(
  devices: KioskConfig['devices'],
  options: { dataDir: string },
): Promise<DeviceManager> {
  const needsSimulators =
    devices.idcard.kind === 'simulated' || devices.printer.kind === 'simulated';
  const simulators =
    needsSimulators && process.env.KIOSK_BUILD !== 'production'
      ? createSimulatedDevices()
      : undefined;

  const idcardOpener: TransportOpener = (() => {
    const config = devices.idcard;
    switch (config.kind) {
      case 'simulated':
        if (!simulators) throw new Error('simulated devices are not part of this build');
        return simulators.idcardPort.open;
      case 'serial':
        return idCardOpener({ transport: 'serial', path: config.path, baudRate: config.baudRate });
      case 'hid':
        // By path, or by USB vendor/product id: each candidate is probed with SAM status first.
        return idCardOpener({
          transport: 'hid',
          path: config.path,
          vendorId: config.vendorId,
          productId: config.productId,
        });
    }
  })();
  const printerOpener: TransportOpener = (() => {
    const config = devices.printer;
    switch (config.kind) {
      case 'simulated':
        if (!simulators) throw new Error('simulated devices are not part of this build');
        return simulators.printerPort.open;
      case 'serial':
        return serialTransportOpener({ path: config.path, baudRate: config.baudRate });
      case 'usblp':
        return usblpTransportOpener({ path: config.path });
      case 'tcp':
        return tcpTransportOpener({ host: config.host, port: config.port });
    }
  })();

  const idcard = createIdCardReader({ open: idcardOpener });
  // Prints and paper since the last refill, kept crash-safely: the paper-low forecast comes from
  // them before the near-end sensor trips, and the heartbeat reports them.
  const counters = createPrinterCounters({
    file: join(options.dataDir, 'printer-counters.json'),
    rollLengthMm: devices.printer.rollLengthM * 1000,
  });
  const printer = createReceiptPrinter({
    open: printerOpener,
    paperWidth: devices.printer.paperWidth,
    confirmCompletion: devices.printer.confirmCompletion,
    counters,
  });
  const listeners = new Set<(statuses: DeviceStatusView[]) => void>();

  const statuses = (): DeviceStatusView[] => [
    {
      name: 'idcard',
      state: idCardStateOf(idcard.status),
      simulated: devices.idcard.kind === 'simulated',
      ...(idcard.status.state === 'error' ? { detail: idcard.status.message } : {}),
    },
    {
      name: 'printer',
      state: printerStateOf(printer.status),
      simulated: devices.printer.kind === 'simulated',
    },
  ];
  let last = JSON.stringify(statuses());
  const publish = () => {
    const now = statuses();
    const text = JSON.stringify(now);
    if (text === last) return;
    last = text;
    for (const listener of listeners) listener(now);
  };
  const unsubscribes = [idcard.onStatus(publish), printer.onStatus(publish)];

  return {
    idcard,
    printer,
    printerCounters: counters,
    statuses,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onPrinted(listener) {
      return simulators ? simulators.onPrinted(listener) : () => undefined;
    },
    ...(simulators ? { simulators } : {}),
    async close() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      listeners.clear();
      await Promise.all([idcard.close(), printer.close()]);
    },
  };
}
