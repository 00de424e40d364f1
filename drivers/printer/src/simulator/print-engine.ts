import iconv from 'iconv-lite';
import type { Alignment } from '../protocol/escpos';
import type { EscPosToken } from './escpos-tokenizer';

/** A receipt as the simulated printer put it on paper, emitted at each cut. */
export interface PrintedReceipt {
  /** ISO 8601, when the cut happened. */
  printedAt: string;
  lines: PrintedLine[];
  /** Payloads of the QR codes printed, in order. */
  qrCodes: string[];
  cut: boolean;
}

export interface PrintedLine {
  text: string;
  align: Alignment;
  bold: boolean;
  /** The larger of the width and height magnifications (GS !). */
  scale: number;
}

interface Modes {
  align: Alignment;
  bold: boolean;
  scale: number;
  chinese: boolean;
}

const initialModes: Modes = { align: 'left', bold: false, scale: 1, chinese: false };

/**
 * Applies ESC/POS commands to "paper". A line takes the alignment, emphasis and size in force
 * at its first character (ESC a only acts at the start of a line on real printers; we apply the
 * same rule to the others for a simple, deterministic model). Text is decoded as GB18030 in
 * Chinese mode and as code page 437 outside it, when the line ends, so a multi-byte character
 * split across chunks decodes whole.
 */
export class PrintEngine {
  private modes: Modes = { ...initialModes };
  private lineBytes: number[] = [];
  private lineModes: Modes = { ...initialModes };
  private lines: PrintedLine[] = [];
  private qrCodes: string[] = [];
  private storedQr: Uint8Array | undefined;

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Applies one command; returns the receipt when it was a cut. */
  apply(token: EscPosToken): PrintedReceipt | undefined {
    switch (token.kind) {
      case 'text':
        if (this.lineBytes.length === 0) this.lineModes = { ...this.modes };
        this.lineBytes.push(...token.bytes);
        return undefined;
      case 'line-feed':
        this.endLine();
        return undefined;
      case 'feed-lines': {
        // ESC d n prints the pending line and advances n lines in all.
        let remaining = token.lines;
        if (this.lineBytes.length > 0) {
          this.endLine();
          remaining--;
        }
        for (; remaining > 0; remaining--) this.endLine();
        return undefined;
      }
      case 'initialize':
        this.modes = { ...initialModes };
        this.lineBytes = [];
        return undefined;
      case 'chinese-mode':
        this.modes.chinese = token.on;
        return undefined;
      case 'size':
        this.modes.scale = Math.max(token.width, token.height);
        return undefined;
      case 'bold':
        this.modes.bold = token.on;
        return undefined;
      case 'align':
        this.modes.align = token.align;
        return undefined;
      case 'qr-store':
        this.storedQr = token.data;
        return undefined;
      case 'qr-print':
        if (this.storedQr) this.qrCodes.push(new TextDecoder().decode(this.storedQr));
        return undefined;
      case 'cut':
        return this.cut();
      case 'qr-setting':
      case 'status-request':
      case 'unknown':
        return undefined;
    }
  }

  /** Paper ran out mid-receipt: what was printed is torn off and never counts as a receipt. */
  tear(): void {
    this.lineBytes = [];
    this.lines = [];
    this.qrCodes = [];
  }

  private endLine(): void {
    const modes = this.lineBytes.length > 0 ? this.lineModes : this.modes;
    const text = iconv.decode(Buffer.from(this.lineBytes), modes.chinese ? 'gb18030' : 'cp437');
    this.lines.push({ text, align: modes.align, bold: modes.bold, scale: modes.scale });
    this.lineBytes = [];
  }

  private cut(): PrintedReceipt {
    if (this.lineBytes.length > 0) this.endLine();
    const receipt: PrintedReceipt = {
      printedAt: this.now().toISOString(),
      lines: this.lines,
      qrCodes: this.qrCodes,
      cut: true,
    };
    this.lines = [];
    this.qrCodes = [];
    return receipt;
  }
}
