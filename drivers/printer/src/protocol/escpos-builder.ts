import {
  absolutePosition,
  align,
  bold,
  characterSize,
  chineseModeOff,
  chineseModeOn,
  concat,
  encodeText,
  feedDots,
  feedLines,
  initialize,
  lineFeed,
  lineSpacing,
  partialCutAfterFeed,
  type Alignment,
} from './escpos';
import { rasterImage, type Bitmap } from './escpos-raster';
import { code128, qrCode, type Code128Options, type QrErrorCorrection } from './escpos-symbols';

/** Strings commands into one job: `new EscPosBuilder().initialize().line('…').build()`. */
export class EscPosBuilder {
  private readonly parts: Uint8Array[] = [];

  raw(bytes: Uint8Array): this {
    this.parts.push(bytes);
    return this;
  }
  initialize(): this {
    return this.raw(initialize());
  }
  chineseMode(on: boolean): this {
    return this.raw(on ? chineseModeOn() : chineseModeOff());
  }
  text(text: string): this {
    return this.raw(encodeText(text));
  }
  /** Text and LF. */
  line(text = ''): this {
    return this.raw(concat([encodeText(text), lineFeed()]));
  }
  size(width: number, height: number): this {
    return this.raw(characterSize(width, height));
  }
  bold(on: boolean): this {
    return this.raw(bold(on));
  }
  align(alignment: Alignment): this {
    return this.raw(align(alignment));
  }
  lineSpacing(dots: number): this {
    return this.raw(lineSpacing(dots));
  }
  position(dots: number): this {
    return this.raw(absolutePosition(dots));
  }
  feed(lines: number): this {
    return this.raw(feedLines(lines));
  }
  feedDots(dots: number): this {
    return this.raw(feedDots(dots));
  }
  qrCode(
    data: string,
    options?: { moduleSize?: number; errorCorrection?: QrErrorCorrection },
  ): this {
    return this.raw(qrCode(data, options));
  }
  code128(data: string, options?: Code128Options): this {
    return this.raw(code128(data, options));
  }
  image(bitmap: Bitmap): this {
    return this.raw(rasterImage(bitmap));
  }
  partialCut(feed = 0): this {
    return this.raw(partialCutAfterFeed(feed));
  }
  build(): Uint8Array {
    return concat(this.parts);
  }
}
