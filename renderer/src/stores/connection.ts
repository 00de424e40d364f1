import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { LinkState } from '../api/host-link';
import { reloadPage } from '../api/page';

/** After the host connection drops, the page shows a calm notice for this long, then reloads. */
export const RELOAD_AFTER_LOSS_MS = 3_000;

/** Mirrors the carrier's state; a lost connection ends in a reload (which reconnects). */
export const useConnectionStore = defineStore('connection', () => {
  const link = shallowRef<LinkState>({ state: 'connecting' });
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;

  function apply(next: LinkState): void {
    link.value = next;
    if (next.state === 'lost' && reloadTimer === undefined) {
      reloadTimer = setTimeout(reloadPage, RELOAD_AFTER_LOSS_MS);
    }
  }

  return { link, apply };
});
