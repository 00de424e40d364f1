import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeKioskApi, sampleViews } from '../testing/fake-kiosk-api';
import { mountKiosk } from '../testing/mount-kiosk';
import ConfirmScreen from './ConfirmScreen.vue';

/** happy-dom has no 2D canvas: a context whose every method does nothing is enough to sign. */
function fakeContext(): CanvasRenderingContext2D {
  return new Proxy({} as CanvasRenderingContext2D, {
    get: (target, key) => (key in target ? target[key as keyof typeof target] : () => undefined),
    set: (target, key, value) => Reflect.set(target, key, value),
  });
}

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('ConfirmScreen', () => {
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () => fakeContext() as unknown as null,
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(
      `data:image/png;base64,${PNG_BASE64}`,
    );
  });

  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  function sign(canvas: Element): void {
    const init = { bubbles: true, buttons: 1, pointerId: 1, clientX: 20, clientY: 20 };
    canvas.dispatchEvent(new PointerEvent('pointerdown', init));
    window.dispatchEvent(new PointerEvent('pointermove', { ...init, clientX: 120, clientY: 60 }));
    window.dispatchEvent(new PointerEvent('pointerup', { ...init, buttons: 0 }));
  }

  it('keeps 确认提交 disabled until the resident signs, then submits the PNG without its data: prefix', async () => {
    const api = fakeKioskApi();
    const { wrapper } = mountKiosk(ConfirmScreen, api, { props: { view: sampleViews.confirming } });
    await flushPromises();

    const submit = wrapper.get('[data-testid="confirm-submit"]');
    expect(submit.attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="sign-first"]').text()).toBe('签名后才能提交');
    await submit.trigger('click');
    expect(api.submitCase).not.toHaveBeenCalled();

    sign(wrapper.get('[data-testid="signature-pad"]').element);
    await flushPromises();
    expect(submit.attributes('disabled')).toBeUndefined();
    expect(wrapper.find('[data-testid="sign-first"]').exists()).toBe(false);

    await submit.trigger('click');
    await flushPromises();
    expect(api.submitCase).toHaveBeenCalledWith({ signaturePng: PNG_BASE64 });
  });

  it('重写 clears the signature and disables 确认提交 again', async () => {
    const api = fakeKioskApi();
    const { wrapper } = mountKiosk(ConfirmScreen, api, { props: { view: sampleViews.confirming } });
    await flushPromises();
    sign(wrapper.get('[data-testid="signature-pad"]').element);
    await flushPromises();
    expect(wrapper.get('[data-testid="confirm-submit"]').attributes('disabled')).toBeUndefined();

    await wrapper.get('[data-testid="signature-clear"]').trigger('click');
    expect(wrapper.get('[data-testid="confirm-submit"]').attributes('disabled')).toBeDefined();
  });

  it('shows the applicant masked and goes back with 返回重选', async () => {
    const api = fakeKioskApi();
    const { wrapper } = mountKiosk(ConfirmScreen, api, { props: { view: sampleViews.confirming } });
    expect(wrapper.text()).toContain('张*');
    expect(wrapper.text()).toContain('1101**********0012');
    await wrapper.get('[data-testid="back-to-items"]').trigger('click');
    expect(api.backToItems).toHaveBeenCalledWith({});
  });
});
