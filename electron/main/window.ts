/**
 * The kiosk window: full screen, no frame, sandboxed, isolated, no Node in the page. The preload is
 * the only bridge and hands over nothing but the RPC port (DESIGN §2.2).
 */
import { BrowserWindow } from 'electron';

export function createKioskWindow(options: {
  preload: string;
  development: boolean;
}): BrowserWindow {
  return new BrowserWindow({
    show: false,
    kiosk: !options.development,
    fullscreen: !options.development,
    width: 1080,
    height: 1920,
    frame: options.development,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.development,
    },
  });
}
