import { assertNever } from '../../../electron/shared/result';
import type { DeviceStatusView } from '../../../electron/shared/views';

/**
 * The words a resident needs about a device, or null when it is working. Exhaustive over the
 * device states so a new state cannot silently show nothing.
 */
export function deviceProblemKey(device: DeviceStatusView): string | null {
  const { name, state } = device;
  switch (state) {
    case 'ready':
    case 'busy':
      return null;
    case 'paper-low':
      return name === 'printer' ? 'status.printer.paperLow' : null;
    case 'paper-out':
      return name === 'printer' ? 'status.printer.paperOut' : null;
    case 'cover-open':
      return name === 'printer' ? 'status.printer.coverOpen' : null;
    case 'absent':
      return name === 'printer' ? 'status.printer.unavailable' : 'status.idcard.absent';
    case 'offline':
      return name === 'printer' ? 'status.printer.unavailable' : 'status.idcard.offline';
    case 'error':
      return name === 'printer' ? 'status.printer.unavailable' : 'status.idcard.error';
    default:
      return assertNever(state, 'device state');
  }
}
