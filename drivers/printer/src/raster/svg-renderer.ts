import { existsSync } from 'node:fs';
import resvg from '@resvg/resvg-js';

/**
 * SVG → pixels through resvg (Rust, no browser, no fontconfig): the printer's picture fallback and
 * the simulator's receipt images both draw with it. resvg loads the font files we name on every
 * render, and lays out CFF-outline fonts (Noto Sans CJK) about ten times slower than TrueType
 * ones (≈ 3 ms against 0.3 ms a glyph here), so TrueType sets come first.
 */
export const CJK_FONT_SETS: readonly (readonly string[])[] = [
  // Debian/Ubuntu/UOS/Kylin, TrueType: fonts-wqy-zenhei (Latin included), or
  // fonts-droid-fallback (CJK only) with fonts-dejavu-core for Latin.
  ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'],
  [
    '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
    '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  ],
  // CFF: fonts-noto-cjk (best looking, slowest to lay out)
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'],
  ['/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc'],
  ['/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc'],
  // Windows
  ['C:\\Windows\\Fonts\\simsun.ttc'],
  ['C:\\Windows\\Fonts\\msyh.ttc'],
];

/** The first font set present on this machine (empty when none is). */
export function findCjkFontFiles(sets: readonly (readonly string[])[] = CJK_FONT_SETS): string[] {
  const found = sets.find((set) => set.every((file) => existsSync(file)));
  return found ? [...found] : [];
}

export interface RenderedPicture {
  width: number;
  height: number;
  /** RGBA, row by row. */
  rgba: Uint8Array;
  png(): Buffer;
}

export interface SvgRenderer {
  readonly fontFiles: readonly string[];
  render(svg: string): RenderedPicture;
}

export function createSvgRenderer(options: { fontFiles: readonly string[] }): SvgRenderer {
  const fontFiles = [...options.fontFiles];
  return {
    fontFiles,
    render(svg) {
      const picture = new resvg.Resvg(svg, {
        font: { loadSystemFonts: false, fontFiles },
        // Crisp edges: thermal dots are on or off, anti-aliasing only blurs the threshold.
        shapeRendering: 1,
        textRendering: 1,
        background: '#ffffff',
      }).render();
      return {
        width: picture.width,
        height: picture.height,
        rgba: new Uint8Array(picture.pixels),
        png: () => picture.asPng(),
      };
    },
  };
}
