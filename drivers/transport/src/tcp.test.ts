import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTcpAddress, socketTransport, tcpTransportOpener } from './tcp';
import type { TransportCloseReason } from './transport';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A raw-port "printer": echoes every byte back, so both directions are checked. */
async function echoServer(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    const device = socketTransport(socket, 'echo');
    device.onData((chunk) => void device.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port, sockets };
}

describe('TCP 9100 transport', () => {
  it('parses host[:port], 9100 by default', () => {
    expect(parseTcpAddress('192.168.1.50')).toEqual({ host: '192.168.1.50', port: 9100 });
    expect(parseTcpAddress('printer.local:9101')).toEqual({ host: 'printer.local', port: 9101 });
    expect(parseTcpAddress('[::1]:9100')).toEqual({ host: '::1', port: 9100 });
    expect(() => parseTcpAddress('a:99999')).toThrow(RangeError);
    expect(() => parseTcpAddress('')).toThrow(RangeError);
  });

  it('is absent when nothing listens', async () => {
    const { server, port } = await echoServer();
    await new Promise((resolve) => server.close(resolve));
    expect(await tcpTransportOpener({ host: '127.0.0.1', port })()).toBeUndefined();
  });

  it('carries bytes both ways, and a dropped connection is lost', async () => {
    const { port, sockets } = await echoServer();
    const transport = await tcpTransportOpener({ host: '127.0.0.1', port })();
    if (!transport) throw new Error('not connected');
    cleanups.push(() => transport.close());
    expect(transport.label).toBe(`tcp:127.0.0.1:${port}`);
    const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 7) & 0xff);
    const back = new Promise<Uint8Array>((resolve) => {
      const got: number[] = [];
      transport.onData((chunk) => {
        got.push(...chunk);
        if (got.length >= bytes.length) resolve(Uint8Array.from(got));
      });
    });
    await transport.write(bytes);
    expect(await back).toEqual(bytes);

    const closed = new Promise<TransportCloseReason>((resolve) => transport.onClose(resolve));
    sockets[0]?.destroy();
    expect(await closed).toMatchObject({ kind: 'lost' });
    expect(transport.isOpen).toBe(false);
  });

  it('closing by the host says so', async () => {
    const { port } = await echoServer();
    const transport = await tcpTransportOpener({ host: '127.0.0.1', port })();
    if (!transport) throw new Error('not connected');
    const closed = new Promise<TransportCloseReason>((resolve) => transport.onClose(resolve));
    await transport.close();
    expect(await closed).toEqual({ kind: 'closed-by-host' });
  });
});
