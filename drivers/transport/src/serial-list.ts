import createDebug from 'debug';
import { SerialPort } from 'serialport';

const debug = createDebug('kiosk:transport');

/** A serial port as the OS lists it (serialport's `PortInfo`, the fields we use). */
export interface SerialPortInfo {
  path: string;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

export interface SerialPortFilter {
  vendorId?: number;
  productId?: number;
  /** Lists the ports; tests pass a fake. Default: `SerialPort.list()`. */
  list?: () => Promise<SerialPortInfo[]>;
}

/**
 * Paths of the serial ports behind USB devices with this vendor (and product) id. USB-serial
 * adapters and the CDC-ACM port of a reader report their USB ids (hex strings, e.g. `1a86`);
 * built-in UARTs report none and never match. The caller probes each candidate, because two
 * adapters of the same model (reader and printer) have the same ids.
 */
export async function listSerialPaths(filter: SerialPortFilter): Promise<string[]> {
  if (filter.vendorId === undefined) {
    throw new Error(
      'serial device selection needs a path or a vendorId (and optionally a productId)',
    );
  }
  let ports: SerialPortInfo[];
  try {
    ports = await (filter.list ?? (() => SerialPort.list()))();
  } catch (error) {
    debug('cannot list serial ports: %s', error instanceof Error ? error.message : error);
    return [];
  }
  const id = (hex: string | undefined) => (hex ? parseInt(hex, 16) : undefined);
  return ports
    .filter(
      (p) =>
        id(p.vendorId) === filter.vendorId &&
        (filter.productId === undefined || id(p.productId) === filter.productId),
    )
    .map((p) => p.path);
}
