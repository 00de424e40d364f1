import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../../electron/shared/views';
import App from './App.vue';
import { fakeKioskApi, sampleViews } from './testing/fake-kiosk-api';
import { mountKiosk } from './testing/mount-kiosk';

const screenOf: Record<SessionView['state'], string> = {
  idle: 'screen-attract',
  maintenance: 'screen-maintenance',
  'out-of-service': 'screen-out-of-service',
  browsing: 'screen-choose',
  consenting: 'screen-consent',
  identifying: 'screen-identify',
  identified: 'screen-identified',
  confirming: 'screen-confirm',
  submitting: 'screen-submitting',
  'submit-failed': 'screen-submit-failed',
  done: 'screen-done',
  ended: 'screen-ended',
};

describe('App', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it.each(Object.values(sampleViews))('shows one screen for state $state', async (view) => {
    const { wrapper } = mountKiosk(App, fakeKioskApi(view));
    await flushPromises();
    const screens = wrapper
      .findAll('[data-testid^="screen-"]')
      .map((el) => el.attributes('data-testid'));
    expect(screens).toEqual([screenOf[view.state]]);
    wrapper.unmount();
  });

  it('shows the connecting notice until the host answers', async () => {
    const api = fakeKioskApi();
    api.getSession.mockReturnValue(new Promise(() => undefined));
    const { wrapper } = mountKiosk(App, api);
    await flushPromises();
    expect(wrapper.find('[data-testid="screen-connecting"]').text()).toContain('正在连接终端服务');
    wrapper.unmount();
  });

  it('follows session pushes and overlays the idle warning', async () => {
    const api = fakeKioskApi({ state: 'idle' });
    const { wrapper, push } = mountKiosk(App, api);
    await flushPromises();
    await wrapper.get('[data-testid="attract-start"]').trigger('click');
    expect(api.startSession).toHaveBeenCalledWith({});

    push({ type: 'session', session: sampleViews.identifying });
    await flushPromises();
    expect(wrapper.find('[data-testid="screen-identify"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="idle-warning"]').exists()).toBe(false);

    push({
      type: 'session',
      session: {
        ...sampleViews.identifying,
        idleWarning: { endsAt: Date.now() + 20_000, secondsTotal: 20 },
      },
    });
    await flushPromises();
    expect(wrapper.get('[data-testid="idle-countdown"]').text()).toContain('20 秒');
    await wrapper.get('[data-testid="idle-continue"]').trigger('click');
    expect(api.continueSession).toHaveBeenCalledWith({});
    wrapper.unmount();
  });

  it('reports a touch to the host at most once per 2 s', async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
    const api = fakeKioskApi();
    const { wrapper } = mountKiosk(App, api);
    await flushPromises();
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(api.touchSession).toHaveBeenCalledTimes(1);
    vi.setSystemTime(1_002_000);
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(api.touchSession).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
    wrapper.unmount();
  });

  it('says what is wrong with a device in words', async () => {
    const api = fakeKioskApi();
    api.getDevices.mockResolvedValue([
      { name: 'printer', state: 'paper-out', simulated: true },
      { name: 'idcard', state: 'ready', simulated: true },
    ]);
    const { wrapper } = mountKiosk(App, api);
    await flushPromises();
    expect(wrapper.get('[data-testid="device-problem-printer"]').text()).toContain(
      '打印机缺纸，回执将无法打印',
    );
    expect(wrapper.find('[data-testid="device-problem-idcard"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
