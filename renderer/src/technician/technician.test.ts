import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { err } from '../../../electron/shared/result';
import App from '../App.vue';
import MaintenanceScreen from '../screens/MaintenanceScreen.vue';
import { fakeKioskApi, sampleViews } from '../testing/fake-kiosk-api';
import { mountKiosk } from '../testing/mount-kiosk';
import { GESTURE } from './use-hidden-gesture';

afterEach(() => {
  document.body.innerHTML = '';
});

function tapCorner(times: number): void {
  for (let i = 0; i < times; i += 1) {
    window.dispatchEvent(
      new PointerEvent('pointerdown', { clientX: 20, clientY: 20, bubbles: true }),
    );
  }
}

async function press(
  wrapper: ReturnType<typeof mountKiosk>['wrapper'],
  digits: string,
): Promise<void> {
  for (const d of digits) await wrapper.get(`[data-testid="pin-key-${d}"]`).trigger('click');
}

describe('technician access', () => {
  it('opens the PIN pad after five taps in the corner, and only then', async () => {
    const { wrapper } = mountKiosk(App, fakeKioskApi());
    await flushPromises();
    tapCorner(GESTURE.taps - 1);
    await flushPromises();
    expect(wrapper.find('[data-testid="technician-pin-pad"]').exists()).toBe(false);
    tapCorner(1);
    await flushPromises();
    expect(wrapper.find('[data-testid="technician-pin-pad"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('sends the PIN and shows the lockout in words', async () => {
    const api = fakeKioskApi();
    api.technicianLogin.mockResolvedValueOnce(err({ code: 'locked', retryInMs: 29_500 }));
    const { wrapper } = mountKiosk(App, api);
    await flushPromises();
    tapCorner(GESTURE.taps);
    await flushPromises();
    expect(wrapper.get('[data-testid="pin-submit"]').attributes('disabled')).toBeDefined();
    await press(wrapper, '20261121');
    await wrapper.get('[data-testid="pin-submit"]').trigger('click');
    await flushPromises();
    expect(api.technicianLogin).toHaveBeenCalledWith({ pin: '20261121' });
    expect(wrapper.get('[data-testid="pin-message"]').text()).toContain('30 秒后再试');
    wrapper.unmount();
  });
});

describe('MaintenanceScreen', () => {
  it('shows the terminal, its devices in words, the audit check, and toggles the service', async () => {
    const api = fakeKioskApi(sampleViews.maintenance);
    const { wrapper } = mountKiosk(MaintenanceScreen, api, {
      props: { view: sampleViews.maintenance },
    });
    await flushPromises();
    expect(wrapper.get('[data-testid="maintenance-device-printer"]').text()).toContain('缺纸');
    expect(wrapper.get('[data-testid="maintenance-audit"]').text()).toContain('校验完整');
    expect(wrapper.get('[data-testid="maintenance-terminal"]').text()).toContain('构建 abc1234');
    expect(wrapper.get('[data-testid="maintenance-update"]').text()).toContain(
      '0.1.0 已下载并校验',
    );
    await wrapper.get('[data-testid="maintenance-toggle-service"]').trigger('click');
    await flushPromises();
    expect(api.setOutOfService).toHaveBeenCalledWith({ on: true });
    await wrapper.get('[data-testid="maintenance-exit"]').trigger('click');
    await flushPromises();
    expect(api.technicianLogout).toHaveBeenCalledWith({});
  });
});
