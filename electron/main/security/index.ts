/**
 * The kiosk's lockdown, one rule a file (DESIGN §4 rule 7). Sandbox and contextIsolation are set on
 * the window itself (window.ts); the CSP comes with every response of the app:// protocol.
 */
import { app, session } from 'electron';
import { blockNavigation } from './block-navigation';
import { denyPermissions } from './deny-permissions';
import { denyWindowOpen } from './deny-window-open';
import { refuseWebview } from './refuse-webview';

export function applySecurityRules(): void {
  denyPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    denyWindowOpen(contents);
    blockNavigation(contents);
    refuseWebview(contents);
  });
}
