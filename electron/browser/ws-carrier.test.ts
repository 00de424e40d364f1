import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { connectKioskApi, type StringChannel } from '../shared/rpc';
import { serveKioskApi, type HostEndpoint } from '../shared/rpc-serve';
import type { KioskApi } from '../shared/contract';
import { ok } from '../shared/result';
import { CLOSE_BAD_SECRET, createWsCarrier } from './ws-carrier';

const SECRET = 'a'.repeat(64);
let server: Server;
let port = 0;
let lastInput: unknown;
const endpoints: HostEndpoint[] = [];

const api = {
  getSession: async () => ({ state: 'idle' }),
  chooseItem: async (input: unknown) => {
    lastInput = input;
    return ok();
  },
} as unknown as KioskApi;

beforeAll(async () => {
  const carrier = createWsCarrier({
    secret: SECRET,
    allowedOrigins: () => [`http://127.0.0.1:${port}`],
    onChannel(channel) {
      const endpoint = serveKioskApi(api, channel);
      endpoints.push(endpoint);
      return () => endpoint.close();
    },
  });
  server = createServer();
  server.on('upgrade', (req, socket, head) => carrier.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function open(origin: string | undefined): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${port}/rpc`, origin ? { origin } : {});
}

function channelOf(ws: WebSocket): StringChannel {
  return {
    send: (text) => ws.send(text),
    onMessage(listener) {
      const handler = (data: WebSocket.RawData) => listener(data.toString());
      ws.on('message', handler);
      return () => ws.off('message', handler);
    },
  };
}

describe('the browser shell carrier', () => {
  it('refuses a connection from another origin before any message', async () => {
    const ws = open('http://evil.example');
    const status = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);
  });

  it('refuses a connection without an Origin header', async () => {
    const ws = open(undefined);
    const status = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);
  });

  it('closes the socket when the secret is wrong', async () => {
    const ws = open(`http://127.0.0.1:${port}`);
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(JSON.stringify({ t: 'hello', secret: 'b'.repeat(64) }));
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(code).toBe(CLOSE_BAD_SECRET);
  });

  it('carries typed calls, validated input and pushed events once the secret matches', async () => {
    const ws = open(`http://127.0.0.1:${port}`);
    await new Promise((resolve) => ws.on('open', resolve));
    const welcomed = new Promise<string>((resolve) =>
      ws.once('message', (d) => resolve(d.toString())),
    );
    ws.send(JSON.stringify({ t: 'hello', secret: SECRET }));
    expect(JSON.parse(await welcomed)).toEqual({ t: 'welcome' });
    const events: unknown[] = [];
    const { api: remote, close } = connectKioskApi(channelOf(ws), (event) => events.push(event));
    expect(await remote.getSession({})).toEqual({ state: 'idle' });
    expect(await remote.chooseItem({ itemCode: 'X1' })).toEqual({ ok: true, value: undefined });
    expect(lastInput).toEqual({ itemCode: 'X1' });
    // Input that breaks the contract is a bug in the caller: the call rejects and the API never sees it.
    lastInput = undefined;
    await expect(remote.chooseItem({ itemCode: '', extra: 1 } as never)).rejects.toThrow(
      /Invalid input for chooseItem/,
    );
    expect(lastInput).toBeUndefined();
    endpoints.at(-1)?.push({ type: 'wipe' });
    await vi.waitFor(() => expect(events).toEqual([{ type: 'wipe' }]));
    close();
    ws.close();
  });
});
