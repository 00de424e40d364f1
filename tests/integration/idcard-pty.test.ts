import { afterEach, describe, expect, it } from 'vitest';
import { createIdCardReader, type IdCardReader } from '../../drivers/idcard/src/driver';
import { createIdCardSimulator } from '../../drivers/idcard/src/simulator/id-card-simulator';
import {
  startPtySimulator,
  type PtySimulator,
} from '../../drivers/idcard/src/simulator/pty-simulator';
import { sampleCards } from '../../drivers/idcard/src/simulator/sample-cards';
import { statusBecomes } from '../../drivers/idcard/src/testing/reader-rig';
import { idCardOpener } from '../../drivers/idcard/src/port-selection';
import { findSocat } from '../../drivers/transport/src/pty-pair';
import { openLinkedPtyPair } from '../../drivers/transport/src/linked-pty-pair';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Driver ↔ simulator over a real serial line (a socat pty pair opened through serialport),
 * replies paced at real 115200 8N1 timing: every layout, the fault knobs, and the cable pulled
 * and put back.
 */
const socat = findSocat();
const suite = socat ? describe : describe.skip;
const delays = {
  pollMs: 20,
  retryMs: 10,
  quickReplyTimeoutMs: 500,
  reconnectMs: 100,
  removalPollMs: 20,
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig(): Promise<{
  sim: ReturnType<typeof createIdCardSimulator>;
  pty: PtySimulator;
  reader: IdCardReader;
}> {
  const sim = createIdCardSimulator({ pacing: { baudRate: 115200 } });
  const pty = await startPtySimulator(
    sim,
    join(tmpdir(), `kiosk-idcard-${randomUUID().slice(0, 8)}`),
  );
  cleanups.push(() => pty.close());
  const reader = createIdCardReader({
    open: idCardOpener({ transport: 'serial', path: pty.portPath }),
    delays,
  });
  cleanups.push(() => reader.close());
  return { sim, pty, reader };
}

suite(
  `ID-card reader over a real pty at 115200 timing${socat ? '' : ' (skipped: socat is not installed)'}`,
  () => {
    it('reads every sample card, all four layouts', async () => {
      const { sim, reader } = await rig();
      for (const { card } of sampleCards) {
        sim.placeCard(card);
        expect(await reader.readCard()).toEqual({ ok: true, value: card });
      }
    });

    it('slow chunked replies, a corrupted checksum and a failed read are absorbed', async () => {
      const { sim, reader } = await rig();
      sim.setPacing({ baudRate: 115200, chunkSize: 5 });
      const card = sampleCards[4]!.card;
      sim.placeCard(card);
      sim.corruptNextChecksum();
      expect(await reader.readCard()).toEqual({ ok: true, value: card });
      sim.failNextRead();
      expect(await reader.readCard()).toEqual({ ok: true, value: card });
    });

    it('card found → 正在读取 → taken away mid-read → read-failed; then removal is seen', async () => {
      const { sim, reader } = await rig();
      sim.placeCard(sampleCards[1]!.card);
      sim.removeCardDuringNextRead();
      const phases: string[] = [];
      expect(await reader.readCard({ onProgress: (p) => phases.push(p) })).toEqual({
        ok: false,
        error: { code: 'read-failed', message: 'the card was taken away during the read' },
      });
      expect(phases).toEqual(['card-found']);
      expect(await reader.waitForRemoval()).toEqual({ ok: true, value: undefined });
    });

    it('by USB vendor/product id: probes each candidate port and takes the one whose SAM answers', async () => {
      const sim = createIdCardSimulator();
      const pty = await startPtySimulator(
        sim,
        join(tmpdir(), `kiosk-idcard-${randomUUID().slice(0, 8)}`),
      );
      cleanups.push(() => pty.close());
      const silent = await openLinkedPtyPair(
        join(tmpdir(), `kiosk-silent-${randomUUID().slice(0, 8)}`),
      );
      cleanups.push(() => silent.close());
      const listSerial = () =>
        Promise.resolve([
          { path: silent.hostPath, vendorId: '1a86', productId: '7523' }, // e.g. the printer's adapter
          { path: pty.portPath, vendorId: '1a86', productId: '7523' },
        ]);
      const reader = createIdCardReader({
        open: idCardOpener(
          { transport: 'serial', vendorId: 0x1a86, productId: 0x7523 },
          { listSerial, probeTimeoutMs: 200 },
        ),
        delays,
      });
      cleanups.push(() => reader.close());
      expect(await reader.whenSettled()).toMatchObject({ state: 'ready' });
      sim.placeCard(sampleCards[6]!.card);
      expect(await reader.readCard()).toEqual({ ok: true, value: sampleCards[6]!.card });
    });

    it('the cable pulled: absent, the read ends no-reader; put back: ready and reading', async () => {
      const { sim, pty, reader } = await rig();
      await statusBecomes(reader, 'ready');
      const pending = reader.readCard();
      await pty.unplug();
      expect(await pending).toEqual({ ok: false, error: { code: 'no-reader' } });
      await statusBecomes(reader, 'absent');
      await pty.plug();
      await statusBecomes(reader, 'ready');
      sim.placeCard(sampleCards[0]!.card);
      expect(await reader.readCard()).toMatchObject({ ok: true });
    });
  },
);
