import { mount, type ComponentMountingOptions, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import type { Component } from 'vue';
import type { HostEvent } from '../../../electron/shared/views';
import type { HostEventListener } from '../api/host-link';
import { hostEventsKey, kioskApiKey } from '../api/injection-keys';
import { createKioskI18n } from '../i18n';
import { dispatchHostEvent } from '../stores/dispatch-host-event';
import type { FakeKioskApi } from './fake-kiosk-api';

/**
 * Mounts a component the way main.ts sets up the app, with a fake host and a push function. The
 * return type is spelled out: declaration emit cannot name test-utils' inferred wrapper type.
 */
export function mountKiosk<C extends Component>(
  component: C,
  api: FakeKioskApi,
  options: ComponentMountingOptions<C> = {},
): { wrapper: VueWrapper; pinia: Pinia; push: (event: HostEvent) => void } {
  const pinia: Pinia = createPinia();
  setActivePinia(pinia);
  const listeners = new Set<HostEventListener>();
  const wrapper = mount(component, {
    ...options,
    attachTo: document.body,
    global: {
      plugins: [pinia, createKioskI18n()],
      provide: {
        [kioskApiKey as symbol]: api,
        [hostEventsKey as symbol]: (listener: HostEventListener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
    },
  } as ComponentMountingOptions<C>);
  /** Delivers a host push the way main.ts does: to the stores, then to direct listeners. */
  const push = (event: HostEvent): void => {
    dispatchHostEvent(event, pinia);
    listeners.forEach((listener) => listener(event));
  };
  return { wrapper: wrapper as unknown as VueWrapper, pinia, push };
}
