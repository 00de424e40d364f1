import { describe, expect, it } from 'vitest';
import { createMemoryLink } from '../../../transport/src/memory';
import { hex, toHex } from '../../../transport/src/hex';
import { EscPosBuilder } from '../protocol/escpos-builder';
import { transmitPaperStatus, transmitPrinterId } from '../protocol/escpos';
import { statusRequest } from '../protocol/status';
import { createPrinterSimulator } from './printer-simulator';

function rig(options: Parameters<typeof createPrinterSimulator>[0] = {}) {
  const sim = createPrinterSimulator({ now: () => new Date(0), ...options });
  const link = createMemoryLink({ label: 'sim-test' });
  sim.attach(link.device);
  const received: number[] = [];
  link.host.onData((chunk) => received.push(...chunk));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  /** Until `count` reply bytes came (or 2 s: the assertion after it then shows what did). */
  const replies = async (count: number) => {
    for (let waited = 0; received.length < count && waited < 2000; waited += 5) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return toHex(Uint8Array.from(received));
  };
  return { sim, host: link.host, received, settle, replies };
}

const receipt = new EscPosBuilder()
  .initialize()
  .chineseMode(true)
  .line('回执')
  .partialCut()
  .build();

describe('printer simulator', () => {
  it('answers DLE EOT at once, GS r 1 after the job, GS I with its identity', async () => {
    const { host, replies } = rig({ identity: { firmware: 'V9' } });
    await host.write(statusRequest(1));
    await host.write(receipt);
    await host.write(transmitPaperStatus());
    await host.write(transmitPrinterId(65));
    expect(await replies(6)).toBe('12 00 5F 56 39 00');
  });

  it('drops a job while stopped, but still answers DLE EOT; GS r is never answered then', async () => {
    const { sim, host, received, settle } = rig();
    const printed: unknown[] = [];
    sim.onPrinted((r) => printed.push(r));
    sim.setCoverOpen(true);
    await host.write(receipt);
    await host.write(transmitPaperStatus());
    await host.write(statusRequest(2));
    await settle();
    expect(printed).toEqual([]);
    expect(toHex(Uint8Array.from(received))).toBe('16');
  });

  it('runs out of paper mid-job: the receipt is torn off, never emitted', async () => {
    const { sim, host, settle } = rig();
    sim.runOutOfPaperAfter(10);
    await host.write(receipt);
    await settle();
    expect(sim.lastReceipt()).toBeUndefined();
    expect(sim.paper).toBe('out');
    sim.setPaper('ok');
    await host.write(receipt);
    await settle();
    expect(sim.lastReceipt()?.lines[0]?.text).toBe('回执');
  });

  it('consumes slowly at the paper speed; a cover opened meanwhile kills the job', async () => {
    const { sim, host, received, settle } = rig();
    sim.setSpeed(1000); // 8 dots per ms: 30-dot lines take ~4 ms each
    const long = new EscPosBuilder().initialize().chineseMode(true);
    for (let i = 0; i < 40; i++) long.line(`第 ${i} 行`);
    const job = long.partialCut().build();
    const start = Date.now();
    await host.write(job);
    await host.write(transmitPaperStatus());
    await settle();
    expect(sim.busy).toBe(true);
    sim.setCoverOpen(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sim.lastReceipt()).toBeUndefined();
    expect(received).toEqual([]); // GS r was never reached
    sim.setCoverOpen(false);
    await host.write(job);
    await host.write(transmitPaperStatus());
    await new Promise((resolve) => {
      const check = () => (received.length > 0 ? resolve(undefined) : setTimeout(check, 5));
      check();
    });
    // 40 lines × 30 dots + cut: ≥ 1.3 m of dots at 8000 dots/s ≈ 170 ms in all.
    expect(Date.now() - start).toBeGreaterThan(150);
    expect(sim.lastReceipt()?.lines).toHaveLength(40);
  });

  it('prints "?" where its GB 2312 font lacks a character (what the encoder must avoid)', async () => {
    const { sim, host, settle } = rig({ font: 'gb2312' });
    await host.write(hex('1C 26 88 D2 0A 1D 56 42 00')); // 堃 in GBK
    await settle();
    expect(sim.lastReceipt()?.lines[0]?.text).toBe('?');
  });

  it('keeps each receipt’s sheet for drawing', async () => {
    const { sim, host, settle } = rig({ paperWidth: 58 });
    await host.write(receipt);
    await settle();
    expect(sim.sheetOf()).toMatchObject({
      width: 384,
      elements: [{ kind: 'text' }, { kind: 'cut' }],
    });
  });
});
