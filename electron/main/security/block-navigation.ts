import type { WebContents } from 'electron';
import { APP_ORIGIN } from '../app-protocol';

/** The page may only ever show the app itself: navigations and redirects elsewhere are dropped. */
export function blockNavigation(contents: WebContents): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
}
