/**
 * The technician's test page: the printer's own answers (firmware, status bits), the paper
 * counters and forecast, printed on the printer being tested.
 */
import { ok, err, type Result } from '../../shared/result';
import type { PrintFailureCode } from '../../shared/views';
import type { DeviceManager } from '../devices/device-manager';
import { printReceipt, type ReceiptTerminal } from './print-case-receipt';

export async function printTestPage(
  devices: DeviceManager,
  terminal: ReceiptTerminal,
  now: () => Date = () => new Date(),
): Promise<Result<void, PrintFailureCode>> {
  const diagnostics = await devices.printer.diagnostics();
  if (!diagnostics.ok) return err(diagnostics.error.code);
  const { status, replies, identity } = diagnostics.value;
  const printed = await printReceipt(
    devices.printer,
    {
      kind: 'test-page',
      terminalId: terminal.terminalId,
      printedAt: now().toISOString(),
      font: terminal.font,
      identity,
      status: { state: status.state, replies },
      counters: {
        snapshot: devices.printerCounters.snapshot(),
        forecast: devices.printerCounters.forecast(),
      },
    },
    terminal,
  );
  return printed.ok ? ok() : printed;
}
