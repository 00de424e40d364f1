/**
 * The browser shell's carrier (DESIGN §2.2): a WebSocket on 127.0.0.1 that only our own page may
 * open. Two checks: the Origin header must be this server's (a web page elsewhere cannot connect),
 * and the first message must carry the per-launch secret the server injected into that page.
 * After `welcome`, the socket is a plain string channel for the shared RPC code.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { StringChannel } from '../shared/rpc';

/** A page that connects but never says hello is dropped after this long. */
const HELLO_TIMEOUT_MS = 5_000;
/** RPC messages are small; a signature PNG is the largest (< 1 MiB as base64). */
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
export const CLOSE_BAD_SECRET = 4401;

export interface WsCarrierOptions {
  secret: string;
  allowedOrigins: () => string[];
  onChannel(channel: StringChannel, close: () => void): () => void;
}

export function createWsCarrier(options: WsCarrierOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const expected = Buffer.from(options.secret);

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const origin = req.headers.origin;
    if (!origin || !options.allowedOrigins().includes(origin)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => authenticate(ws));
  }

  function authenticate(ws: WebSocket): void {
    const timer = setTimeout(() => ws.close(CLOSE_BAD_SECRET, 'no hello'), HELLO_TIMEOUT_MS);
    ws.once('message', (data) => {
      clearTimeout(timer);
      let secret = '';
      try {
        const hello = JSON.parse(data.toString()) as { t?: unknown; secret?: unknown };
        if (hello.t === 'hello' && typeof hello.secret === 'string') secret = hello.secret;
      } catch {
        // falls through to the refusal below
      }
      const given = Buffer.from(secret);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        ws.close(CLOSE_BAD_SECRET, 'bad secret');
        return;
      }
      ws.send(JSON.stringify({ t: 'welcome' }));
      connect(ws);
    });
  }

  function connect(ws: WebSocket): void {
    const listeners = new Set<(text: string) => void>();
    ws.on('message', (data) => {
      const text = data.toString();
      for (const listener of listeners) listener(text);
    });
    const channel: StringChannel = {
      send: (text) => {
        if (ws.readyState === ws.OPEN) ws.send(text);
      },
      onMessage: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const release = options.onChannel(channel, () => ws.close());
    ws.on('close', () => {
      listeners.clear();
      release();
    });
  }

  return {
    handleUpgrade,
    close(): void {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
