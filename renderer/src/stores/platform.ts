import { defineStore } from 'pinia';
import { shallowRef } from 'vue';

/**
 * The platform as the screens need to know it: whether it answers (offline, a resident's case is
 * saved on the terminal and says 待上传), and how many cases and ratings wait in the outbox.
 */
export const usePlatformStore = defineStore('platform', () => {
  const online = shallowRef(true);
  const pending = shallowRef(0);
  return {
    online,
    pending,
    applyConnectivity: (value: boolean) => (online.value = value),
    applyOutbox: (value: number) => (pending.value = value),
  };
});
