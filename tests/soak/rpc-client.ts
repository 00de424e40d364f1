/**
 * A second renderer for the soak run: connects to the browser shell's WebSocket carrier exactly as
 * the page does (Origin, per-launch secret from the page, hello/welcome), then speaks the same RPC.
 */
import WebSocket from 'ws';
import type { KioskApi } from '../../electron/shared/contract';
import { connectKioskApi } from '../../electron/shared/rpc';
import type { HostEvent } from '../../electron/shared/views';

export async function connectLikeThePage(
  url: string,
  onEvent: (event: HostEvent) => void,
): Promise<{ api: KioskApi; close(): void }> {
  const page = await (await fetch(url)).text();
  const secret = /kiosk-rpc-secret" content="([0-9a-f]+)"/.exec(page)?.[1];
  if (!secret) throw new Error('the page carries no RPC secret');
  const origin = url.replace(/\/$/, '');
  const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/rpc`, { origin });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const welcomed = new Promise((resolve) => ws.once('message', resolve));
  ws.send(JSON.stringify({ t: 'hello', secret }));
  await welcomed;
  const link = connectKioskApi(
    {
      send: (text) => ws.send(text),
      onMessage(listener) {
        const handler = (data: WebSocket.RawData) => listener(data.toString());
        ws.on('message', handler);
        return () => ws.off('message', handler);
      },
    },
    onEvent,
  );
  return {
    api: link.api,
    close() {
      link.close();
      ws.close();
    },
  };
}
