/**
 * The Electron carrier (DESIGN §2.2): a MessageChannelMain per page load. One end stays here and
 * serves the host API; the other is transferred to the preload, which hands it to the page. No
 * port is ever open on the network and `ipcRenderer` is never exposed.
 */
import { MessageChannelMain, type BrowserWindow } from 'electron';
import type { KioskHost } from '../host/kiosk-host';
import type { StringChannel } from '../shared/rpc';
import { serveKioskApi } from '../shared/rpc-serve';

export const PORT_CHANNEL = 'kiosk-rpc-port';

export function connectRendererOnEveryLoad(window: BrowserWindow, host: KioskHost): void {
  let release: (() => void) | undefined;
  window.webContents.on('did-finish-load', () => {
    release?.();
    const { port1, port2 } = new MessageChannelMain();
    const channel: StringChannel = {
      send: (text) => port1.postMessage(text),
      onMessage(listener) {
        const handler = (event: { data: unknown }) => {
          if (typeof event.data === 'string') listener(event.data);
        };
        port1.on('message', handler);
        return () => port1.off('message', handler);
      },
    };
    port1.start();
    const endpoint = serveKioskApi(host.api, channel);
    const stopEvents = host.onEvent((event) => endpoint.push(event));
    window.webContents.postMessage(PORT_CHANNEL, null, [port2]);
    release = () => {
      stopEvents();
      endpoint.close();
      port1.close();
    };
  });
  window.on('closed', () => release?.());
}
