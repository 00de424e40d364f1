import { reloadPage } from './page';

/**
 * Ending a session wipes the page (DESIGN §2.5): web storage is cleared and the page reloads so
 * nothing of the resident survives in its heap. The host clears caches and cookies itself.
 */
export function wipePage(): void {
  for (const storage of [window.localStorage, window.sessionStorage]) {
    try {
      storage.clear();
    } catch {
      // Storage can be disabled by policy; then there is nothing in it to clear.
    }
  }
  reloadPage();
}
