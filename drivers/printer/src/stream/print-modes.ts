import type { Alignment } from '../protocol/escpos';
import type { EscPosToken } from './escpos-tokenizer';

/** The printer model's modes: what ESC/POS setting commands change, and their power-on values. */

/** Power-on line spacing: 1/6 inch is 33.8 dots at 203 dpi; Chinese 80 mm units use 30. */
export const DEFAULT_LINE_SPACING = 30;
/** Head to cutter, fed before every cut (about 12 mm on common 80 mm mechanisms). */
export const CUTTER_OFFSET_DOTS = 96;
/** Epson defaults for GS h and GS w. */
const DEFAULT_BAR_HEIGHT = 162;
const DEFAULT_MODULE_WIDTH = 3;
const QR_LEVELS = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' } as const;

export interface Modes {
  align: Alignment;
  bold: boolean;
  width: number;
  height: number;
  chinese: boolean;
  lineSpacing: number;
  qrModule: number;
  qrLevel: 'L' | 'M' | 'Q' | 'H';
  barHeight: number;
  barModule: number;
  hri: boolean;
}

export const initialModes = (): Modes => ({
  align: 'left',
  bold: false,
  width: 1,
  height: 1,
  chinese: false,
  lineSpacing: DEFAULT_LINE_SPACING,
  qrModule: 3,
  qrLevel: 'L',
  barHeight: DEFAULT_BAR_HEIGHT,
  barModule: DEFAULT_MODULE_WIDTH,
  hri: false,
});

type ModeToken = Extract<
  EscPosToken,
  {
    kind:
      | 'chinese-mode'
      | 'size'
      | 'print-mode'
      | 'bold'
      | 'align'
      | 'line-spacing'
      | 'qr-setting'
      | 'barcode-setting';
  }
>;

/** What a setting command changes. */
export function modeChange(token: ModeToken): Partial<Modes> {
  switch (token.kind) {
    case 'chinese-mode':
      return { chinese: token.on };
    case 'size':
      return { width: token.width, height: token.height };
    case 'print-mode':
      return { bold: token.bold, width: token.width, height: token.height };
    case 'bold':
      return { bold: token.on };
    case 'align':
      return { align: token.align };
    case 'line-spacing':
      return { lineSpacing: token.dots === 'default' ? DEFAULT_LINE_SPACING : token.dots };
    case 'qr-setting':
      if (token.fn === 67) return { qrModule: token.params[0] ?? 3 };
      if (token.fn === 69) return { qrLevel: QR_LEVELS[(token.params[0] ?? 48) as 48] ?? 'L' };
      return {};
    case 'barcode-setting':
      if (token.what === 'height') return { barHeight: Math.max(1, token.value) };
      if (token.what === 'module-width') return { barModule: token.value };
      return { hri: token.value % 48 !== 0 };
  }
}
