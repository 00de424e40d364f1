import { bitAt, bytesPerRow } from '../protocol/escpos-raster';
import { glyphsSvg, svgDocument } from '../raster/glyph-svg';
import type { SvgRenderer } from '../raster/svg-renderer';
import type { Sheet, SheetElement } from '../stream/sheet';

/**
 * A picture of what the simulated printer put on paper, drawn from the decoded stream (not from
 * the template): text in printer cells, QR modules and bars as the printer would place them,
 * raster pictures dot for dot, and the cut line. SVG first (cheap, for tests and the dev panel),
 * PNG through resvg for artefacts and `imagePngBase64`.
 */
export function sheetToSvg(sheet: Sheet): string {
  return svgDocument(
    sheet.width,
    Math.max(1, sheet.length),
    sheet.elements.map(elementSvg).join(''),
  );
}

export function sheetToPng(sheet: Sheet, renderer: SvgRenderer): Buffer {
  return renderer.render(sheetToSvg(sheet)).png();
}

function elementSvg(element: SheetElement): string {
  switch (element.kind) {
    case 'text':
      return glyphsSvg(element.runs, element.y + element.height);
    case 'qr': {
      const s = element.moduleSize;
      let d = '';
      element.modules.forEach((row, r) =>
        row.forEach((dark, c) => {
          if (dark) d += `M${element.x + c * s},${element.y + r * s}h${s}v${s}h-${s}z`;
        }),
      );
      return `<path d="${d}" fill="#000"/>`;
    }
    case 'barcode': {
      // receiptline's widths: quiet zone, bar, space, …, bar, quiet zone.
      let x = element.x;
      let d = '';
      element.bars.forEach((w, i) => {
        if (i % 2 === 1 && w > 0) d += `M${x},${element.y}h${w}v${element.height}h-${w}z`;
        x += w;
      });
      return `<path d="${d}" fill="#000"/>`;
    }
    case 'raster': {
      const { bitmap, x: left, y: top } = element;
      let d = '';
      const stride = bytesPerRow(bitmap.width);
      for (let y = 0; y < bitmap.height; y++) {
        if (bitmap.bits.subarray(y * stride, (y + 1) * stride).every((b) => b === 0)) continue;
        let x = 0;
        while (x < bitmap.width) {
          if (!bitAt(bitmap, x, y)) {
            x++;
            continue;
          }
          const start = x;
          while (x < bitmap.width && bitAt(bitmap, x, y)) x++;
          d += `M${left + start},${top + y}h${x - start}v1h-${x - start}z`;
        }
      }
      return `<path d="${d}" fill="#000"/>`;
    }
    case 'cut':
      return (
        `<path d="M0,${element.y - 1}h${10_000}" stroke="#888" stroke-width="2"` +
        ` stroke-dasharray="${element.partial ? '8 4' : '2 2'}"/>`
      );
  }
}
