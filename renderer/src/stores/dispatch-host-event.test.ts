import { createPinia, setActivePinia } from 'pinia';
import { createApp } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../../../electron/shared/views';
import { kioskApiKey } from '../api/injection-keys';
import { reloadPage } from '../api/page';
import { fakeKioskApi, sampleViews, type FakeKioskApi } from '../testing/fake-kiosk-api';
import { dispatchHostEvent } from './dispatch-host-event';
import { useDevicesStore } from './devices';
import { useSessionStore } from './session';

vi.mock('../api/page', () => ({ reloadPage: vi.fn() }));

function setup(api: FakeKioskApi) {
  const pinia = createPinia();
  const app = createApp({ render: () => null });
  app.use(pinia);
  app.provide(kioskApiKey, api);
  setActivePinia(pinia);
  return pinia;
}

describe('host events into stores', () => {
  beforeEach(() => {
    vi.mocked(reloadPage).mockClear();
  });
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('on wipe clears web storage and reloads the page', () => {
    const pinia = setup(fakeKioskApi());
    const session = useSessionStore(pinia);
    dispatchHostEvent({ type: 'session', session: sampleViews.browsing }, pinia);
    localStorage.setItem('left-behind', '张*');
    sessionStorage.setItem('left-behind', '1101**********0012');

    dispatchHostEvent({ type: 'wipe' }, pinia);

    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(session.view).toBeNull();
    expect(reloadPage).toHaveBeenCalledTimes(1);
  });

  it('mirrors session and device pushes', () => {
    const pinia = setup(fakeKioskApi());
    dispatchHostEvent({ type: 'session', session: sampleViews.done }, pinia);
    dispatchHostEvent(
      { type: 'devices', devices: [{ name: 'printer', state: 'paper-out', simulated: true }] },
      pinia,
    );
    expect(useSessionStore(pinia).view).toEqual(sampleViews.done);
    expect(useDevicesStore(pinia).byName.get('printer')?.state).toBe('paper-out');
    expect(reloadPage).not.toHaveBeenCalled();
  });

  it('keeps a push that arrived while getSession was in flight', async () => {
    const api = fakeKioskApi();
    let answer: (view: SessionView) => void = () => undefined;
    api.getSession.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const pinia = setup(api);
    const session = useSessionStore(pinia);

    const loading = session.load();
    dispatchHostEvent({ type: 'session', session: sampleViews.identifying }, pinia);
    answer(sampleViews.idle);
    await loading;

    expect(session.view).toEqual(sampleViews.identifying);
  });
});
