import type { BrowserWindow } from 'electron';

/**
 * The kiosk window cannot be closed by a resident (Alt+F4, a window manager's close button); only
 * the technician's "exit" or an app quit for an update releases it.
 */
export function guardWindowClose(window: BrowserWindow): { allowClose(): void } {
  let allowed = false;
  window.on('close', (event) => {
    if (!allowed) event.preventDefault();
  });
  return {
    allowClose() {
      allowed = true;
    },
  };
}
