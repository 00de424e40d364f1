import type { WebContents } from 'electron';
import { isBlockedShortcut } from '../../shared/shortcuts';

/** The kiosk's forbidden shortcuts (electron/shared/shortcuts.ts) never reach the page. */
export function blockShortcuts(contents: WebContents): void {
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input)) event.preventDefault();
  });
}
