import { describe, expect, it } from 'vitest';
import type { PrinterStatus } from './protocol/status';
import { createRefillWatch } from './refill-watch';

function watch(states: PrinterStatus[]): number {
  let refills = 0;
  const w = createRefillWatch({ refill: () => refills++ });
  for (const state of states) w.observe(state);
  return refills;
}

const s = (state: PrinterStatus['state']) => ({ state }) as PrinterStatus;

describe('refill watch', () => {
  it('counts a new roll when the paper sensor clears after paper-out (cover or not)', () => {
    expect(watch([s('ready'), s('paper-out'), s('cover-open'), s('ready')])).toBe(1);
    expect(watch([s('paper-out'), s('ready'), s('ready')])).toBe(1);
  });

  it('counts a roll swapped early: near end, cover opened, clear', () => {
    expect(watch([s('paper-low'), s('cover-open'), s('ready')])).toBe(1);
  });

  it('does not count a flickering near-end sensor, a jam, or the forecast', () => {
    expect(watch([s('paper-low'), s('ready'), s('paper-low'), s('ready')])).toBe(0);
    expect(watch([s('ready'), s('cover-open'), s('ready')])).toBe(0);
    expect(watch([{ state: 'paper-low', forecast: true }, s('cover-open'), s('ready')])).toBe(0);
    expect(watch([s('paper-out'), s('paper-low')])).toBe(0); // a part roll: not clear yet
  });
});
