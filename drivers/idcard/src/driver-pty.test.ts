import { afterEach, describe, expect, it } from 'vitest';
import { findSocat, openPtyPair } from '../../transport/src/pty-pair';
import { serialTransportOpener } from '../../transport/src/serial';
import { createIdCardReader } from './driver';
import { createIdCardSimulator } from './simulator/id-card-simulator';
import { sampleCard } from './simulator/sample-cards';

const withSocat = findSocat() ? it : it.skip;
const suffix = findSocat() ? '' : ' (skipped: socat is not installed)';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('ID-card reader over a real serial line (socat pty pair)', () => {
  withSocat(
    `reads a card from the simulator at 115200 8N1, then sees the cable go${suffix}`,
    async () => {
      const pty = await openPtyPair();
      cleanups.push(() => pty.close());
      const device = await serialTransportOpener({ path: pty.paths[1] })();
      if (!device) throw new Error('simulator side did not open');
      cleanups.push(() => device.close());
      const sim = createIdCardSimulator();
      sim.attach(device);
      sim.placeCard(sampleCard('elder-female')!.card);

      const reader = createIdCardReader({
        open: serialTransportOpener({ path: pty.paths[0] }),
        delays: { pollMs: 10, replyTimeoutMs: 1000, reconnectMs: 50, retries: 1 },
      });
      cleanups.push(() => reader.close());
      const read = await reader.readCard();
      expect(read).toMatchObject({ ok: true, value: { name: '王秀英', validTo: 'long-term' } });

      const absent = new Promise((resolve) =>
        reader.onStatus((s) => s.state === 'absent' && resolve(s)),
      );
      await pty.close();
      await absent;
      expect(await reader.readCard()).toEqual({ ok: false, error: { code: 'no-reader' } });
    },
  );
});
