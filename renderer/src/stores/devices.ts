import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { DeviceName, DeviceStatusView } from '../../../electron/shared/views';
import { useKioskApi } from '../api/injection-keys';

/** Device status as the host reports it: `getDevices` at start, then `devices` pushes. */
export const useDevicesStore = defineStore('devices', () => {
  const api = useKioskApi();
  const devices = shallowRef<DeviceStatusView[]>([]);
  let pushes = 0;

  async function load(): Promise<void> {
    const pushesBefore = pushes;
    const current = await api.getDevices({});
    if (pushes === pushesBefore) devices.value = current;
  }

  function apply(next: DeviceStatusView[]): void {
    pushes += 1;
    devices.value = next;
  }

  const byName = computed(
    () => new Map<DeviceName, DeviceStatusView>(devices.value.map((d) => [d.name, d])),
  );

  return { devices, byName, load, apply };
});
