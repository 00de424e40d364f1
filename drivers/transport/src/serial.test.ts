import { afterEach, describe, expect, it } from 'vitest';
import { findSocat, openPtyPair, type PtyPair } from './pty-pair';
import { serialTransportOpener } from './serial';
import type { Transport, TransportCloseReason } from './transport';

const socat = findSocat();
const withSocat = socat ? it : it.skip;
const name = (title: string) => (socat ? title : `${title} (skipped: socat is not installed)`);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function pair(): Promise<{ pty: PtyPair; a: Transport; b: Transport }> {
  const pty = await openPtyPair();
  cleanups.push(() => pty.close());
  const a = await serialTransportOpener({ path: pty.paths[0] })();
  const b = await serialTransportOpener({ path: pty.paths[1], baudRate: 9600 })();
  if (!a || !b) throw new Error('pty did not open');
  cleanups.push(
    () => a.close(),
    () => b.close(),
  );
  return { pty, a, b };
}

function received(transport: Transport, count: number): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const chunks: number[] = [];
    const off = transport.onData((chunk) => {
      chunks.push(...chunk);
      if (chunks.length >= count) {
        off();
        resolve(Uint8Array.from(chunks));
      }
    });
  });
}

describe('serial transport', () => {
  it('resolves undefined for a port that does not exist', async () => {
    expect(await serialTransportOpener({ path: '/dev/ttyUSB-kiosk-absent' })()).toBeUndefined();
  });

  withSocat(name('carries bytes both ways over a socat pty pair'), async () => {
    const { a, b } = await pair();
    expect(a.label).toMatch(/^serial:\/dev\/pts\//);
    const bytes = Uint8Array.from({ length: 3000 }, (_, i) => i & 0xff);
    const atB = received(b, bytes.length);
    await a.write(bytes);
    expect(await atB).toEqual(bytes);
    const atA = received(a, 3);
    await b.write(Uint8Array.of(0xaa, 0x96, 0x69));
    expect(await atA).toEqual(Uint8Array.of(0xaa, 0x96, 0x69));
  });

  withSocat(name('reports lost when the other side disappears'), async () => {
    const { pty, a } = await pair();
    const closed = new Promise<TransportCloseReason>((resolve) => a.onClose(resolve));
    await pty.close();
    expect((await closed).kind).toBe('lost');
    expect(a.isOpen).toBe(false);
    await expect(a.write(Uint8Array.of(1))).rejects.toThrow(/closed/);
  });

  withSocat(name('reports closed-by-host when we close it'), async () => {
    const { a } = await pair();
    const closed = new Promise<TransportCloseReason>((resolve) => a.onClose(resolve));
    await a.close();
    expect(await closed).toEqual({ kind: 'closed-by-host' });
  });
});
