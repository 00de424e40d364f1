import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeKioskApi, sampleViews } from '../testing/fake-kiosk-api';
import { mountKiosk } from '../testing/mount-kiosk';
import ConsentScreen from './ConsentScreen.vue';
import IdentifiedScreen from './IdentifiedScreen.vue';
import IdentifyScreen from './IdentifyScreen.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ConsentScreen', () => {
  it('says what is read, why and how long it is kept, and lets the resident agree or go back', async () => {
    const api = fakeKioskApi();
    const { wrapper } = mountKiosk(ConsentScreen, api, { props: { view: sampleViews.consenting } });
    const text = wrapper.text();
    expect(text).toContain('本机将读取');
    expect(text).toContain(sampleViews.consenting.item.name);
    expect(text).toContain('办理结束后立即清除');
    await wrapper.get('[data-testid="consent-agree"]').trigger('click');
    await flushPromises();
    expect(api.agreeConsent).toHaveBeenCalledWith({});
    await wrapper.get('[data-testid="consent-back"]').trigger('click');
    await flushPromises();
    expect(api.backToItems).toHaveBeenCalledWith({});
  });
});

describe('IdentifyScreen', () => {
  it('asks the resident not to take the card away while it is being read', () => {
    const { wrapper } = mountKiosk(IdentifyScreen, fakeKioskApi(), {
      props: { view: { ...sampleViews.identifying, phase: 'reading' } },
    });
    expect(wrapper.get('[data-testid="identify-reading"]').text()).toContain('请勿移开');
  });

  it('explains a card type the item does not accept', () => {
    const { wrapper } = mountKiosk(IdentifyScreen, fakeKioskApi(), {
      props: { view: { ...sampleViews.identifying, problem: 'id-type-not-accepted' } },
    });
    expect(wrapper.get('[data-testid="identify-problem"]').text()).toContain(
      '本事项不受理该类证件',
    );
  });
});

describe('IdentifiedScreen', () => {
  it('shows the masked identity and goes on when asked', async () => {
    const api = fakeKioskApi();
    const { wrapper } = mountKiosk(IdentifiedScreen, api, {
      props: { view: sampleViews.identified },
    });
    expect(wrapper.get('[data-testid="identified-name"]').text()).toBe(
      sampleViews.identified.resident.nameMasked,
    );
    expect(wrapper.text()).toContain(sampleViews.identified.resident.idNumberMasked);
    await wrapper.get('[data-testid="identified-next"]').trigger('click');
    await flushPromises();
    expect(api.continueAfterIdentified).toHaveBeenCalledWith({});
  });
});
