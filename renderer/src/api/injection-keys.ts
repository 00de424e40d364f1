import { inject, type InjectionKey } from 'vue';
import type { KioskApi } from '../../../electron/shared/contract';
import type { SubscribeHostEvents } from './host-link';

/** The host API, provided once by main.ts (or by a test with a fake). */
export const kioskApiKey: InjectionKey<KioskApi> = Symbol('kiosk-api');
/** Host pushes, for the few components that listen directly (the dev panel's receipt view). */
export const hostEventsKey: InjectionKey<SubscribeHostEvents> = Symbol('host-events');

export function useKioskApi(): KioskApi {
  const api = inject(kioskApiKey);
  if (!api) throw new Error('useKioskApi: the app did not provide the kiosk API');
  return api;
}

export function useHostEvents(): SubscribeHostEvents {
  const subscribe = inject(hostEventsKey);
  if (!subscribe) throw new Error('useHostEvents: the app did not provide host events');
  return subscribe;
}
