import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { err } from '../../../electron/shared/result';
import { fakeKioskApi, sampleViews } from '../testing/fake-kiosk-api';
import { mountKiosk } from '../testing/mount-kiosk';
import ChooseItemScreen from './ChooseItemScreen.vue';

describe('ChooseItemScreen', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('greets by masked name and lists items with time limit, fee and why some are unavailable', async () => {
    const api = fakeKioskApi();
    const { wrapper } = mountKiosk(ChooseItemScreen, api, {
      props: { view: sampleViews.browsing },
    });
    await flushPromises();
    expect(wrapper.get('[data-testid="greeting"]').text()).toBe('您好，张*');

    const instant = wrapper.get('[data-testid="item-elderly-allowance"]');
    expect(instant.text()).toContain('即办');
    expect(instant.text()).toContain('免费');
    expect(instant.text()).toContain('秒批');

    expect(wrapper.get('[data-testid="item-residence-certificate"]').text()).toContain(
      '承诺时限 5 个工作日',
    );
    expect(wrapper.get('[data-testid="item-residence-certificate"]').text()).toContain(
      '收费 10.50 元',
    );

    const unavailable = wrapper.get('[data-testid="item-business-licence"]');
    expect(unavailable.element.tagName).not.toBe('BUTTON');
    expect(unavailable.text()).toContain('需要提交纸质材料，请到B 区 12 号窗口办理');

    await instant.trigger('click');
    expect(api.chooseItem).toHaveBeenCalledWith({ itemCode: 'elderly-allowance' });
    await unavailable.trigger('click');
    expect(api.chooseItem).toHaveBeenCalledTimes(1);
  });

  it('says calmly when the catalog is unavailable and offers a way back', async () => {
    const api = fakeKioskApi();
    api.listItems.mockResolvedValue(err({ code: 'catalog-unavailable' }));
    const { wrapper } = mountKiosk(ChooseItemScreen, api, {
      props: { view: sampleViews.browsing },
    });
    await flushPromises();
    expect(wrapper.get('[data-testid="catalog-unavailable"]').text()).toContain(
      '事项信息暂时无法获取',
    );
    const back = wrapper.get('[data-testid="back-home"]');
    expect(back.text()).toBe('返回');
    await back.trigger('click');
    expect(api.cancelSession).toHaveBeenCalledWith({});
  });
});
