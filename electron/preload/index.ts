/// <reference lib="dom" />
/**
 * The preload hands the page its RPC port and nothing else (DESIGN §2.2). It keeps the port until
 * the page asks for it, so a page whose script runs late cannot miss it.
 */
import { ipcRenderer } from 'electron';

const PORT_CHANNEL = 'kiosk-rpc-port';
const WANT_PORT = 'kiosk-rpc-want-port';

let pending: MessagePort | undefined;
let wanted = false;

function deliver(): void {
  if (!pending || !wanted) return;
  window.postMessage(PORT_CHANNEL, window.location.origin, [pending]);
  pending = undefined;
  wanted = false;
}

ipcRenderer.on(PORT_CHANNEL, (event) => {
  pending = event.ports[0];
  deliver();
});

window.addEventListener('message', (event) => {
  if (event.source === window && event.data === WANT_PORT) {
    wanted = true;
    deliver();
  }
});
