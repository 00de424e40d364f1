import type { Pinia } from 'pinia';
import { assertNever } from '../../../electron/shared/result';
import type { HostEvent } from '../../../electron/shared/views';
import { useDevicesStore } from './devices';
import { usePlatformStore } from './platform';
import { useSessionStore } from './session';

/** Routes one host push into the store that mirrors it. */
export function dispatchHostEvent(event: HostEvent, pinia: Pinia): void {
  switch (event.type) {
    case 'session':
      useSessionStore(pinia).apply(event.session);
      return;
    case 'devices':
      useDevicesStore(pinia).apply(event.devices);
      return;
    case 'printed':
      // Only the dev panel shows printed receipts; it subscribes to host events itself.
      return;
    case 'wipe':
      useSessionStore(pinia).wipe();
      return;
    case 'connectivity':
      usePlatformStore(pinia).applyConnectivity(event.online);
      return;
    case 'outbox':
      usePlatformStore(pinia).applyOutbox(event.pending);
      return;
    default:
      assertNever(event, 'host event');
  }
}
