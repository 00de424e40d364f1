/**
 * The kiosk's lockdown, one rule a file (DESIGN §4 rule 7). Sandbox and contextIsolation are set on
 * the window itself (window.ts); the CSP comes with every response of the app:// protocol.
 */
import { app, session } from 'electron';
import { blockNavigation } from './block-navigation';
import { blockShortcuts } from './block-shortcuts';
import { blockZoom } from './block-zoom';
import { denyDevicePickers } from './deny-device-pickers';
import { denyPermissions } from './deny-permissions';
import { denyWindowOpen } from './deny-window-open';
import { removeApplicationMenu } from './no-application-menu';
import { refuseWebview } from './refuse-webview';

/** Everything but the window's own preferences; call once, before the first window. */
export function applySecurityRules(options: { development: boolean }): void {
  denyPermissions(session.defaultSession);
  denyDevicePickers(session.defaultSession);
  if (!options.development) removeApplicationMenu();
  app.on('web-contents-created', (_event, contents) => {
    denyWindowOpen(contents);
    blockNavigation(contents);
    refuseWebview(contents);
    blockZoom(contents);
    if (!options.development) blockShortcuts(contents);
  });
}
