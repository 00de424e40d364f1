import { EscPosTokenizer } from './escpos-tokenizer';
import { PrintEngine } from './print-engine';
import { DOTS_PER_MM } from './sheet';

/**
 * How much paper a job will use, by running it through the same paper model as the simulator:
 * lines at their spacing, codes and pictures at their height, the cutter offset at every cut.
 * The counters add it up between refills to forecast "paper low" before the sensor does.
 */
export function jobPaperLengthMm(job: Uint8Array, paperWidth: 80 | 58 = 80): number {
  const engine = new PrintEngine(() => new Date(0), paperWidth);
  for (const token of new EscPosTokenizer().push(job)) engine.apply(token);
  return Math.round((engine.fedDots / DOTS_PER_MM) * 10) / 10;
}
