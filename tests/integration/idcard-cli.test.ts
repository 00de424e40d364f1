import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/host/technician/config-command';
import { createKioskctl } from '../../electron/host/technician/kioskctl';
import { findSocat } from '../../drivers/transport/src/pty-pair';
import { startSimProcess, type SimProcess } from '../../drivers/idcard/src/testing/sim-process';

/**
 * kioskctl idcard … against the standalone pty simulator (its own process, real 115200 timing):
 * what a technician does with `npx tsx drivers/idcard/src/simulator/main.ts --pty`.
 */
const socat = findSocat();
const suite = socat ? describe : describe.skip;
const ROOT = join(import.meta.dirname, '..', '..');

async function kioskctl(args: string[]) {
  const out: string[] = [];
  let code = 0;
  const io: CliIo = { out: (t) => out.push(t), error: (t) => out.push(t), exit: (c) => (code = c) };
  await createKioskctl(io)
    .parseAsync(['node', 'kioskctl', ...args])
    .catch((e: { exitCode?: number }) => (code = e.exitCode ?? 1));
  return { out: out.join('\n'), code };
}

suite(
  `kioskctl idcard against the pty simulator process${socat ? '' : ' (skipped: socat is not installed)'}`,
  () => {
    let sim: SimProcess;
    beforeAll(async () => {
      sim = await startSimProcess();
    });
    afterAll(() => sim.stop());

    it('status --json → ready with the SAM id', async () => {
      expect(await kioskctl(['idcard', 'status', '--port', sim.portPath, '--json'])).toEqual({
        out: '{"state":"ready","samId":"05.01-20240101-0000000001-0000000042"}',
        code: 0,
      });
    });

    it('read --json → no-card, then every layout', async () => {
      const empty = await kioskctl(['idcard', 'read', '--port', sim.portPath, '--json']);
      expect(empty.code).toBe(2);
      expect(JSON.parse(empty.out)).toMatchObject({ error: { code: 'no-card' } });
      for (const [id, expected] of [
        ['elder-female', { type: 'resident-id', nation: '汉', validTo: 'long-term' }],
        ['hong-kong-resident', { type: 'hmt-residence', passNumber: 'H60213587', issueCount: 1 }],
        ['foreign-2017', { type: 'foreign-permanent', nameEn: 'HALVORSEN, INGRID MARIE' }],
        ['foreign-2023-long-name', { type: 'foreign-permanent', nationality: 'NLD' }],
      ] as const) {
        expect(await sim.command(`place ${id}`)).toBe('ok');
        const read = await kioskctl(['idcard', 'read', '--port', sim.portPath, '--json']);
        expect(read.code).toBe(0);
        expect(JSON.parse(read.out)).toMatchObject(expected);
      }
    });

    it('read survives a corrupted reply and a failed read (retries)', async () => {
      await sim.command('place adult-male');
      await sim.command('corrupt-next');
      await sim.command('fail-next-read');
      const read = await kioskctl(['idcard', 'read', '--port', sim.portPath, '--json']);
      expect(JSON.parse(read.out)).toMatchObject({ name: '李建国', hasFingerprint: true });
    });

    it('a SAM fault → sam-error; unplugged → no-reader; the real CLI exits 2', async () => {
      await sim.command('sam-fault 60');
      const faulty = await kioskctl(['idcard', 'read', '--port', sim.portPath, '--json']);
      expect(faulty.code).toBe(2);
      expect(JSON.parse(faulty.out)).toMatchObject({ error: { code: 'sam-error' } });
      await sim.command('sam-ok');
      await sim.command('unplug');
      const cli = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'electron/host/technician/kioskctl.ts',
          'idcard',
          'read',
          '--port',
          sim.portPath,
          '--json',
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(cli.status).toBe(2);
      expect(JSON.parse(cli.stdout)).toEqual({
        error: { code: 'no-reader', message: 'no reader at that port' },
      });
      await sim.command('plug');
      expect((await kioskctl(['idcard', 'status', '--port', sim.portPath, '--json'])).code).toBe(0);
    });

    it('watch prints one masked line per placed and removed card', async () => {
      await sim.command('remove');
      const watching = kioskctl(['idcard', 'watch', '--port', sim.portPath, '--count', '2']);
      await new Promise((r) => setTimeout(r, 800));
      await sim.command('place taiwan-resident');
      await new Promise((r) => setTimeout(r, 1200));
      await sim.command('remove');
      const result = await watching;
      const lines = result.out.split('\n').map((line) => line.replace(/^\d\d:\d\d:\d\d /, ''));
      expect(lines).toEqual([
        'reader ready (SAM 05.01-20240101-0000000001-0000000042)',
        'placed 港澳台居民居住证 林** 8300**********0016 有效期至 2028-08-01',
        'removed',
      ]);
    });
  },
);
