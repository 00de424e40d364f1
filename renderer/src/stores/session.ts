import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { SessionView } from '../../../electron/shared/views';
import { useKioskApi } from '../api/injection-keys';
import { wipePage } from '../api/wipe-page';

/**
 * The current session as the host shows it (DESIGN §4 rule 6): fetched once with `getSession`,
 * then replaced by every `session` push. The renderer never advances the state itself.
 */
export const useSessionStore = defineStore('session', () => {
  const api = useKioskApi();
  const view = shallowRef<SessionView | null>(null);
  let pushes = 0;

  async function load(): Promise<void> {
    const pushesBefore = pushes;
    const current = await api.getSession({});
    // A push that arrived while getSession was in flight is newer than its answer.
    if (pushes === pushesBefore) view.value = current;
  }

  function apply(next: SessionView): void {
    pushes += 1;
    view.value = next;
  }

  /** The host ended the session: drop the view, clear storage and reload the page. */
  function wipe(): void {
    view.value = null;
    wipePage();
  }

  return { view, load, apply, wipe };
});
