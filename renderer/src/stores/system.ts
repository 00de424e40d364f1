import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { SystemInfo } from '../../../electron/shared/views';
import { useKioskApi } from '../api/injection-keys';

/** Facts about this terminal that do not change while the page lives. */
export const useSystemStore = defineStore('system', () => {
  const api = useKioskApi();
  const info = shallowRef<SystemInfo | null>(null);

  async function load(): Promise<void> {
    info.value = await api.getSystemInfo({});
  }

  return { info, load };
});
