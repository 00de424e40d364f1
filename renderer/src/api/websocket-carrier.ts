import type { Carrier } from './carrier';

/** The browser shell closes the socket with this code when the hello carries a wrong secret. */
export const CLOSE_BAD_SECRET = 4401;

/**
 * The browser shell's carrier: a WebSocket to the page's own origin (127.0.0.1). The first text
 * sent is `{"t":"hello","secret":…}`; only after the server's `{"t":"welcome"}` is every text
 * message an RPC message.
 */
export function webSocketCarrier(secret: string, host: string): Carrier {
  return (sink) => {
    const socket = new WebSocket(`ws://${host}/rpc`);
    let welcomed = false;
    socket.addEventListener('open', () => {
      socket.send(JSON.stringify({ t: 'hello', secret }));
    });
    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (typeof event.data !== 'string') return;
      if (welcomed) {
        sink.received(event.data);
        return;
      }
      if (isWelcome(event.data)) {
        welcomed = true;
        sink.opened((text) => socket.send(text));
      }
    });
    // An 'error' is always followed by 'close', which is where the loss is reported.
    socket.addEventListener('close', (event) => {
      sink.lost(event.code === CLOSE_BAD_SECRET ? 'rejected' : 'closed');
    });
  };
}

function isWelcome(text: string): boolean {
  try {
    const message = JSON.parse(text) as unknown;
    return (
      typeof message === 'object' && message !== null && 't' in message && message.t === 'welcome'
    );
  } catch {
    return false;
  }
}
