import { serialTransportOpener } from '../../transport/src/serial';
import { parseTcpAddress, tcpTransportOpener } from '../../transport/src/tcp';
import type { TransportOpener } from '../../transport/src/transport';
import { usblpTransportOpener } from '../../transport/src/usblp';

/**
 * The three ways a receipt printer is wired, behind one opener (DESIGN §4 rule 4):
 * - `serial`: RS-232 or USB-serial, `--port /dev/ttyUSB0` (or a pty), `--baud` as set on the unit;
 * - `usblp`: the USB printer class device, `--port /dev/usb/lp0`;
 * - `tcp`: the raw port of a network printer, `--port 192.168.1.50[:9100]`.
 */
export type PrinterTransportKind = 'serial' | 'usblp' | 'tcp';
export const PRINTER_TRANSPORTS: readonly PrinterTransportKind[] = ['serial', 'usblp', 'tcp'];

export function printerOpener(
  kind: PrinterTransportKind,
  port: string,
  baudRate = 115200,
): TransportOpener {
  switch (kind) {
    case 'serial':
      return serialTransportOpener({ path: port, baudRate });
    case 'usblp':
      return usblpTransportOpener({ path: port });
    case 'tcp':
      return tcpTransportOpener(parseTcpAddress(port));
  }
}
