import type { PrinterSimulator } from './printer-simulator';

/**
 * The standalone simulator's knobs, one command per line on its stdin, so a technician (or a
 * script) can turn them while kioskctl or the app talks to it:
 *
 *   paper ok|low|out      cover open|closed     offline on|off     cutter jam|ok
 *   speed <mm/s>|off      out-after <bytes>     help
 */
export const KNOB_HELP =
  'paper ok|low|out · cover open|closed · offline on|off · cutter jam|ok · speed <mm/s>|off · out-after <bytes>';

export type KnobOutcome = { ok: true; said: string } | { ok: false; said: string };

export function applyKnob(sim: PrinterSimulator, line: string): KnobOutcome {
  const [word = '', arg = ''] = line.trim().toLowerCase().split(/\s+/);
  const done = (said: string): KnobOutcome => ({ ok: true, said });
  switch (word) {
    case 'paper':
      if (arg !== 'ok' && arg !== 'low' && arg !== 'out') break;
      sim.setPaper(arg);
      return done(`paper ${arg}`);
    case 'cover':
      if (arg !== 'open' && arg !== 'closed') break;
      sim.setCoverOpen(arg === 'open');
      return done(`cover ${arg}`);
    case 'offline':
      if (arg !== 'on' && arg !== 'off') break;
      sim.setOffline(arg === 'on');
      return done(`offline ${arg}`);
    case 'cutter':
      if (arg !== 'jam' && arg !== 'ok') break;
      sim.setCutterError(arg === 'jam');
      return done(`cutter ${arg}`);
    case 'speed': {
      if (arg === 'off') {
        sim.setSpeed(undefined);
        return done('speed instant');
      }
      const mmPerSecond = Number(arg);
      if (!(mmPerSecond > 0)) break;
      sim.setSpeed(mmPerSecond);
      return done(`speed ${mmPerSecond} mm/s`);
    }
    case 'out-after': {
      const bytes = Number(arg);
      if (!Number.isInteger(bytes) || bytes < 0) break;
      sim.runOutOfPaperAfter(bytes);
      return done(`paper runs out after ${bytes} more bytes`);
    }
    case 'help':
    case '':
      return done(KNOB_HELP);
  }
  return { ok: false, said: `unknown knob "${line.trim()}"; ${KNOB_HELP}` };
}
