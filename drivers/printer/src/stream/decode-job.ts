import type { PrinterFont } from '../protocol/font-coverage';
import { EscPosTokenizer } from './escpos-tokenizer';
import { PrintEngine, type PrintedSheet } from './print-engine';

/**
 * A whole job through the printer model at once: what a printer with this paper and font would
 * cut off. The simulator does the same incrementally; tests and tools use this.
 */
export function decodeJob(
  job: Uint8Array,
  options: { paperWidth?: 80 | 58; font?: PrinterFont; now?: () => Date } = {},
): PrintedSheet[] {
  const engine = new PrintEngine(options.now, options.paperWidth ?? 80, options.font ?? 'gb18030');
  return new EscPosTokenizer().push(job).flatMap((token) => engine.apply(token) ?? []);
}
