import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../App.vue';
import { CONTRAST_CLASS, ELDER_CLASS } from '../composables/use-preference-effects';
import { fakeKioskApi } from '../testing/fake-kiosk-api';
import { mountKiosk } from '../testing/mount-kiosk';

const html = document.documentElement;

async function mountApp(api = fakeKioskApi({ state: 'idle' })) {
  const mounted = mountKiosk(App, api);
  await flushPromises();
  return { ...mounted, api };
}

describe('language and display choices', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    document.head.innerHTML = '';
    html.lang = 'zh-CN';
    vi.restoreAllMocks();
  });

  it('offers each language by its own name, holding the glyph shown (label in name)', async () => {
    const { wrapper } = await mountApp();
    const buttons = wrapper.findAll('[data-testid^="language-"]').map((button) => ({
      text: button.text(),
      lang: button.attributes('lang'),
      name: button.attributes('aria-label'),
      pressed: button.attributes('aria-pressed'),
    }));
    expect(buttons).toEqual([
      { text: '简', lang: 'zh-CN', name: '简体中文', pressed: 'true' },
      { text: '繁', lang: 'zh-TW', name: '繁體中文', pressed: 'false' },
      { text: 'EN', lang: 'en', name: 'EN, English', pressed: 'false' },
    ]);
    wrapper.unmount();
  });

  it('switches the attract screen and <html lang> to English and back', async () => {
    const { wrapper } = await mountApp();
    await wrapper.get('[data-testid="language-en"]').trigger('click');
    const attract = wrapper.get('[data-testid="screen-attract"]');
    expect(attract.text()).toContain('Government Self-Service Terminal');
    expect(wrapper.get('[data-testid="attract-start"]').text()).toBe('Start');
    expect(attract.text()).not.toMatch(/\p{Script=Han}/u);
    expect(wrapper.get('[data-testid="toggle-elder"]').text()).toContain('Senior mode');
    expect(html.lang).toBe('en');

    await wrapper.get('[data-testid="language-zh-TW"]').trigger('click');
    expect(wrapper.get('[data-testid="attract-start"]').text()).toBe('開始辦理');
    expect(html.lang).toBe('zh-TW');

    await wrapper.get('[data-testid="language-zh-CN"]').trigger('click');
    expect(wrapper.get('[data-testid="attract-start"]').text()).toBe('开始办理');
    expect(html.lang).toBe('zh-CN');
    wrapper.unmount();
  });

  it('elder mode enlarges the type and tells the host', async () => {
    // base.css's standard body size, as vitest does not load stylesheets.
    const style = document.createElement('style');
    style.textContent = ':root { --size-body: 30px } body { font-size: var(--size-body) }';
    document.head.append(style);
    const { wrapper, api } = await mountApp();
    const bodySize = () => parseFloat(getComputedStyle(document.body).fontSize);
    expect(bodySize()).toBe(30);
    expect(api.setAccessibility).not.toHaveBeenCalled();

    const toggle = wrapper.get('[data-testid="toggle-elder"]');
    await toggle.trigger('click');
    expect(html.classList.contains(ELDER_CLASS)).toBe(true);
    expect(bodySize()).toBeGreaterThanOrEqual(32);
    expect(parseFloat(html.style.getPropertyValue('--size-small'))).toBeGreaterThanOrEqual(32);
    expect(toggle.attributes('aria-pressed')).toBe('true');
    expect(toggle.text()).toContain('已开启');
    expect(api.setAccessibility).toHaveBeenLastCalledWith({ elder: true, highContrast: false });

    await toggle.trigger('click');
    expect(html.classList.contains(ELDER_CLASS)).toBe(false);
    expect(bodySize()).toBe(30);
    expect(toggle.text()).toContain('未开启');
    expect(api.setAccessibility).toHaveBeenLastCalledWith({ elder: false, highContrast: false });
    wrapper.unmount();
  });

  it('high contrast swaps the theme and tells the host', async () => {
    const { wrapper, api } = await mountApp();
    await wrapper.get('[data-testid="toggle-elder"]').trigger('click');
    await wrapper.get('[data-testid="toggle-contrast"]').trigger('click');
    expect(html.classList.contains(CONTRAST_CLASS)).toBe(true);
    expect(wrapper.get('[data-testid="toggle-contrast"]').attributes('aria-pressed')).toBe('true');
    expect(api.setAccessibility).toHaveBeenLastCalledWith({ elder: true, highContrast: true });
    wrapper.unmount();
    expect(html.classList.contains(CONTRAST_CLASS)).toBe(false);
    expect(html.classList.contains(ELDER_CLASS)).toBe(false);
  });

  it('low position leaves the top of the screen empty, on every screen', async () => {
    const { wrapper } = await mountApp(fakeKioskApi({ state: 'ended', reason: 'finished' }));
    expect(wrapper.find('[data-testid="low-position-spacer"]').exists()).toBe(false);
    await wrapper.get('[data-testid="toggle-low"]').trigger('click');
    const children = [...wrapper.get('.kiosk').element.children].map(
      (child) => child.getAttribute('data-testid') ?? child.tagName.toLowerCase(),
    );
    expect(children.slice(0, 2)).toEqual(['low-position-spacer', 'main']);
    expect(wrapper.find('[data-testid="screen-ended"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('keeps every choice in memory only: nothing in web storage, a fresh page starts over', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const first = await mountApp();
    for (const id of ['language-en', 'toggle-elder', 'toggle-contrast', 'toggle-low']) {
      await first.wrapper.get(`[data-testid="${id}"]`).trigger('click');
    }
    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    first.wrapper.unmount();

    // The wipe reloads the page: a new app and new stores, as here.
    const second = await mountApp();
    expect(second.wrapper.get('[data-testid="attract-start"]').text()).toBe('开始办理');
    expect(html.lang).toBe('zh-CN');
    expect(html.classList.contains(ELDER_CLASS)).toBe(false);
    expect(second.wrapper.find('[data-testid="low-position-spacer"]').exists()).toBe(false);
    for (const id of ['toggle-elder', 'toggle-contrast', 'toggle-low']) {
      expect(second.wrapper.get(`[data-testid="${id}"]`).attributes('aria-pressed')).toBe('false');
    }
    second.wrapper.unmount();
  });
});
