import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrintOutcome } from '../../../electron/shared/views';
import { fakeKioskApi, sampleViews } from '../testing/fake-kiosk-api';
import { mountKiosk } from '../testing/mount-kiosk';
import DoneScreen from './DoneScreen.vue';

function doneWith(print: PrintOutcome) {
  return { ...sampleViews.done, print };
}

describe('DoneScreen', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the case number, query code and promised date; asks to take the printed receipt', async () => {
    const api = fakeKioskApi();
    const { wrapper } = mountKiosk(DoneScreen, api, {
      props: { view: doneWith({ state: 'printed' }) },
    });
    await flushPromises();
    expect(wrapper.get('[data-testid="case-no"]').text()).toBe('A1B2C3D4E5F60718');
    expect(wrapper.get('[data-testid="query-code"]').text()).toBe('482913');
    expect(wrapper.get('[data-testid="promised-by"]').text()).toBe('2030年3月11日');
    expect(wrapper.get('[data-testid="print-status"]').text()).toContain('请取走回执');
    expect(wrapper.find('[data-testid="case-qr"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="case-no"]').classes()).not.toContain('done__case-no--huge');
    await wrapper.get('[data-testid="finish"]').trigger('click');
    expect(api.finishSession).toHaveBeenCalledWith({});
  });

  it('when printing failed: says why, enlarges the case number, shows a QR code and offers a reprint', async () => {
    const api = fakeKioskApi();
    const { wrapper } = mountKiosk(DoneScreen, api, {
      props: { view: doneWith({ state: 'failed', code: 'paper-out' }) },
    });
    await flushPromises();
    const status = wrapper.get('[data-testid="print-status"]');
    expect(status.text()).toContain('回执未能打印');
    expect(status.text()).toContain('打印机缺纸');
    expect(wrapper.get('[data-testid="case-no"]').classes()).toContain('done__case-no--huge');

    const qr = wrapper.get('[data-testid="case-qr"]');
    const src = qr.attributes('src') ?? '';
    expect(src.startsWith('data:image/svg+xml')).toBe(true);
    expect(decodeURIComponent(src)).toContain('<svg');
    expect(qr.attributes('alt')).toBeTruthy();

    await wrapper.get('[data-testid="reprint"]').trigger('click');
    expect(api.reprintReceipt).toHaveBeenCalledWith({});
  });

  it('while printing says so, with no QR yet', async () => {
    const { wrapper } = mountKiosk(DoneScreen, fakeKioskApi(), {
      props: { view: doneWith({ state: 'printing' }) },
    });
    await flushPromises();
    expect(wrapper.get('[data-testid="print-status"]').text()).toContain('正在打印回执');
    expect(wrapper.find('[data-testid="case-qr"]').exists()).toBe(false);
  });
});
