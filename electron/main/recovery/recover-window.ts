/**
 * Carries out the crash policy for the kiosk window: Electron's events in, reloads and relaunches
 * out. The decisions are in crash-policy.ts.
 */
import { app, type BrowserWindow } from 'electron';
import { createCrashPolicy, type CrashEvent, type RecoveryAction } from './crash-policy';

export function recoverWindow(window: BrowserWindow, log: (message: string) => void): void {
  const policy = createCrashPolicy();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const act = (action: RecoveryAction): void => {
    switch (action.kind) {
      case 'none':
        return;
      case 'reload':
        log('renderer recovered by reload');
        window.webContents.reload();
        return;
      case 'relaunch':
        log('renderer kept failing: relaunching the app');
        app.relaunch();
        app.exit(0);
        return;
      case 'start-unresponsive-timer':
        clearTimeout(timer);
        timer = setTimeout(() => feed({ kind: 'unresponsive-timeout' }), action.ms);
        return;
      case 'cancel-unresponsive-timer':
        clearTimeout(timer);
        return;
    }
  };
  const feed = (event: CrashEvent) => act(policy.decide(event, Date.now()));

  window.webContents.on('render-process-gone', (_event, details) =>
    feed({ kind: 'renderer-gone', reason: details.reason }),
  );
  window.on('unresponsive', () => feed({ kind: 'unresponsive' }));
  window.on('responsive', () => feed({ kind: 'responsive' }));
  app.on('child-process-gone', (_event, details) => {
    // The GPU process is restarted by Chromium itself; say so for the technician's log only.
    log(`child process gone: ${details.type} (${details.reason})`);
  });
}
