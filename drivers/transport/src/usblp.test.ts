import { afterEach, describe, expect, it } from 'vitest';
import { findSocat, openPtyPair } from './pty-pair';
import { serialTransportOpener } from './serial';
import type { Transport, TransportCloseReason } from './transport';
import { usblpTransportOpener } from './usblp';

/**
 * usblp is a character device read and written with plain read()/write(); a pty slave behaves
 * the same way (non-blocking reads answer EAGAIN when empty, EIO once the other side is gone), so
 * a socat pty pair stands in for /dev/usb/lp0 with a serial-side peer on the other end.
 */
const socat = findSocat();
const withSocat = socat ? it : it.skip;
const name = (title: string) => (socat ? title : `${title} (skipped: socat is not installed)`);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function received(transport: Transport, count: number): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const bytes: number[] = [];
    const off = transport.onData((chunk) => {
      bytes.push(...chunk);
      if (bytes.length >= count) {
        off();
        resolve(Uint8Array.from(bytes));
      }
    });
  });
}

describe('USB printer class transport (usblp)', () => {
  it('resolves undefined when the device node is not there', async () => {
    expect(await usblpTransportOpener({ path: '/dev/usb/lp-kiosk-absent' })()).toBeUndefined();
  });

  it('rejects when the node exists but cannot be opened read/write (a configuration problem)', async () => {
    await expect(usblpTransportOpener({ path: '/' })()).rejects.toThrow();
  });

  withSocat(name('writes a job, reads the replies, and reports the device gone'), async () => {
    const pty = await openPtyPair();
    cleanups.push(() => pty.close());
    const peer = await serialTransportOpener({ path: pty.paths[1] })();
    const lp = await usblpTransportOpener({ path: pty.paths[0], readPollMs: 5 })();
    if (!peer || !lp) throw new Error('pty did not open');
    cleanups.push(
      () => peer.close(),
      () => lp.close(),
    );
    expect(lp.label).toBe(`usblp:${pty.paths[0]}`);

    const job = Uint8Array.from({ length: 5000 }, (_, i) => i & 0xff);
    const atPeer = received(peer, job.length);
    await lp.write(job);
    expect(await atPeer).toEqual(job);

    const replies = received(lp, 4);
    await peer.write(Uint8Array.of(0x12, 0x12, 0x12, 0x1e));
    expect(Array.from(await replies)).toEqual([0x12, 0x12, 0x12, 0x1e]);

    const closed = new Promise<TransportCloseReason>((resolve) => lp.onClose(resolve));
    await pty.close();
    expect(await closed).toMatchObject({ kind: 'lost' });
    expect(lp.isOpen).toBe(false);
    await expect(lp.write(Uint8Array.of(1))).rejects.toThrow(/closed/);
  });

  withSocat(name('closing by the host says so'), async () => {
    const pty = await openPtyPair();
    cleanups.push(() => pty.close());
    const lp = await usblpTransportOpener({ path: pty.paths[0] })();
    if (!lp) throw new Error('pty did not open');
    const closed = new Promise<TransportCloseReason>((resolve) => lp.onClose(resolve));
    await lp.close();
    expect(await closed).toEqual({ kind: 'closed-by-host' });
  });
});
