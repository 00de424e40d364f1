import type { Carrier } from './carrier';

/** The one message the preload posts to hand over its end of the host's MessageChannel. */
export const PORT_HANDOVER = 'kiosk-rpc-port';
/** Asks the preload for the port; it keeps the port until asked, so a late script cannot miss it. */
export const PORT_REQUEST = 'kiosk-rpc-want-port';

/**
 * The Electron shell's carrier. The preload never exposes ipcRenderer; asked with
 * `kiosk-rpc-want-port`, it posts `window.postMessage('kiosk-rpc-port', origin, [port])`. Only a message from this very window
 * with exactly that data is accepted, and only the first one.
 */
export function messagePortCarrier(win: Window): Carrier {
  return (sink) => {
    const onHandover = (event: MessageEvent<unknown>): void => {
      if (event.source !== win || event.data !== PORT_HANDOVER) return;
      const port = event.ports[0];
      if (!port) return;
      win.removeEventListener('message', onHandover);
      port.onmessage = (message: MessageEvent<unknown>) => {
        if (typeof message.data === 'string') sink.received(message.data);
      };
      // Chromium fires 'close' on a port whose other end went away (the host side closed).
      port.addEventListener('close', () => sink.lost('closed'));
      port.start();
      sink.opened((text) => port.postMessage(text));
    };
    win.addEventListener('message', onHandover);
    win.postMessage(PORT_REQUEST, win.location.origin);
  };
}
