import { describe, expect, it } from 'vitest';
import { applyKnob } from './knob-commands';
import { createPrinterSimulator } from './printer-simulator';

describe('standalone simulator knobs', () => {
  it('turns each knob from a line of text', () => {
    const sim = createPrinterSimulator();
    expect(applyKnob(sim, 'paper low')).toEqual({ ok: true, said: 'paper low' });
    expect(sim.paper).toBe('low');
    expect(applyKnob(sim, ' PAPER out ')).toMatchObject({ ok: true });
    expect(sim.paper).toBe('out');
    for (const line of [
      'cover open',
      'cover closed',
      'offline on',
      'offline off',
      'cutter jam',
      'cutter ok',
      'speed 150',
      'speed off',
      'out-after 200',
      'help',
    ]) {
      expect(applyKnob(sim, line)).toMatchObject({ ok: true });
    }
  });

  it('refuses what it does not know, and says what it knows', () => {
    const sim = createPrinterSimulator();
    for (const line of ['paper half', 'speed -1', 'speed fast', 'out-after x', 'jam']) {
      const outcome = applyKnob(sim, line);
      expect(outcome.ok).toBe(false);
      expect(outcome.said).toContain('paper ok|low|out');
    }
    expect(sim.paper).toBe('ok');
  });
});
