/**
 * Every receipt the terminal prints, on both paper widths and both printer fonts: laid out from
 * its receiptline template, encoded, sent through the driver to the printer simulator over the
 * memory transport, decoded back — the same text as the on-screen SVG, the same QR payloads, a
 * cut, and never a '?' (characters the font lacks come out as pictures). Pictures of the printed
 * receipts go to tests/artifacts/printer/ for a human look.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReceiptPrinter } from '../../drivers/printer/src/driver';
import { bitAt } from '../../drivers/printer/src/protocol/escpos-raster';
import type { PrinterFont } from '../../drivers/printer/src/protocol/font-coverage';
import { textColumns } from '../../drivers/printer/src/protocol/text-width';
import { createResvgRasteriser } from '../../drivers/printer/src/raster/resvg-rasteriser';
import { createSvgRenderer, findCjkFontFiles } from '../../drivers/printer/src/raster/svg-renderer';
import {
  encodeReceipt,
  renderReceiptSvg,
  type PrintableReceipt,
} from '../../drivers/printer/src/receipts/printable';
import { createPrinterSimulator } from '../../drivers/printer/src/simulator/printer-simulator';
import { sheetToPng } from '../../drivers/printer/src/simulator/sheet-image';
import type { PrintedReceipt } from '../../drivers/printer/src/stream/sheet';
import { createSimulatedPort } from '../../drivers/transport/src/simulated-port';
import { CATALOG_ITEMS } from '../platform-sim/catalog-items';

const fonts = findCjkFontFiles();
const renderer = fonts.length > 0 ? createSvgRenderer({ fontFiles: fonts }) : undefined;
const rasteriser = renderer ? createResvgRasteriser(renderer) : null;
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts', 'printer');
const delays = {
  reconnectMs: 20,
  statusPollMs: 1000,
  replyTimeoutMs: 500,
  jobPollMs: 20,
  jobTimeoutMs: 5000,
};

const receipts: Record<string, PrintableReceipt> = {
  case: {
    kind: 'case',
    itemName: '城乡居民基本医疗保险参保登记（含 Medical Insurance 变更）',
    caseNo: '370100202611210000001',
    queryCode: '482913',
    status: 'accepted',
    acceptedAt: '2026-11-21T09:30:00+08:00',
    promisedBy: '2026-11-26',
    applicantMasked: '堃*', // a surname a GB 2312 font lacks
    terminalId: 'T-370100-0042',
    materialsReceived: [{ name: '居民户口簿', via: 'e-license' }],
    pendingMaterials: [{ name: '近期免冠照片', dueBy: '2026-11-28' }],
    delivery: 'pickup',
  },
  offline: {
    kind: 'offline',
    itemName: '城乡居民基本养老保险参保登记',
    localReference: 'L20261121-0007',
    submittedAt: '2026-11-21T09:30:00+08:00',
    applicantMasked: '王*',
    terminalId: 'T-370100-0042',
  },
  'queue-ticket': {
    kind: 'queue-ticket',
    ticketNo: 'B023',
    windowArea: '2楼 B区 社保窗口',
    waitingAhead: 7,
    estimatedWaitMinutes: 25,
    itemName: '社会保障卡补领',
    takenAt: '2026-11-21T09:30:00+08:00',
    terminalId: 'T-370100-0042',
  },
  guide: {
    kind: 'guide',
    item:
      CATALOG_ITEMS.find((i) => !i.selfService.eligible && i.materials.length > 1) ??
      CATALOG_ITEMS[0]!,
    printedAt: '2026-11-21T09:30:00+08:00',
    terminalId: 'T-370100-0042',
  },
  'test-page': {
    kind: 'test-page',
    terminalId: 'T-370100-0042',
    printedAt: '2026-11-21T09:30:00+08:00',
    font: 'gb2312',
    identity: { firmware: 'SIM-1.4.0', maker: 'KIOSK-SIM', model: 'SIM-80' },
    status: {
      state: 'ready',
      replies: { printer: 0x12, offlineCause: 0x12, errorCause: 0x12, paperSensor: 0x12 },
    },
  },
};

const expectedQr: Record<string, string[]> = {
  case: ['CASE:370100202611210000001:482913'],
  offline: ['LOCAL:T-370100-0042:L20261121-0007'],
  'queue-ticket': [],
  guide: [],
  'test-page': ['TEST:T-370100-0042'],
};

/** The characters of the on-screen SVG, in order (receiptline puts one per tspan). */
function svgText(svg: string): string {
  const entities: Record<string, string> = {
    '&amp;': '&',
    '&lt;': '<',
    '&gt;': '>',
    '&#xa0;': ' ',
  };
  return Array.from(svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g), (m) =>
    (m[1] ?? '').replace(/&[^;]+;/g, (e) => entities[e] ?? e),
  ).join('');
}

const dense = (text: string) => text.replace(/[\s\u00a0]/g, '');

async function printThroughDriver(job: Uint8Array, paperWidth: 80 | 58, font: PrinterFont) {
  const sim = createPrinterSimulator({
    paperWidth,
    font,
    now: () => new Date('2026-11-21T01:30:00Z'),
  });
  const printed: PrintedReceipt[] = [];
  sim.onPrinted((r) => printed.push(r));
  const port = createSimulatedPort({ label: 'printer', chunkSize: 256, attach: sim.attach });
  const printer = createReceiptPrinter({ open: port.open, delays, paperWidth });
  const outcome = await printer.print(job);
  await printer.close();
  return { outcome, printed, sim };
}

describe('receipts: template → ESC/POS → driver → simulator → the same receipt', () => {
  mkdirSync(ARTIFACTS, { recursive: true });

  for (const [name, receipt] of Object.entries(receipts)) {
    for (const paperWidth of [80, 58] as const) {
      for (const font of ['gb18030', 'gb2312'] as const) {
        it(`${name}, ${paperWidth} mm, ${font} font`, async () => {
          const job = encodeReceipt(receipt, { paperWidth, font, rasteriser });
          const { outcome, printed, sim } = await printThroughDriver(job, paperWidth, font);
          expect(outcome).toEqual({ ok: true, value: undefined });
          expect(printed).toHaveLength(1);
          const paper = printed[0]!;
          expect(paper.cut).toBe(true);
          expect(paper.qrCodes).toEqual(expectedQr[name]);
          const columns = paperWidth === 80 ? 48 : 32;
          for (const line of paper.lines) {
            expect(line.text).not.toContain('?');
            expect(textColumns(line.text) * line.width).toBeLessThanOrEqual(columns);
          }
          // What is text on paper is, in order, what the screen shows; the rest are pictures.
          // (A rule is a row of '-' on paper and a drawn line on screen.)
          const screen = dense(svgText(renderReceiptSvg(receipt, { paperWidth })));
          const onPaper = dense(
            paper.lines
              .map((l) => l.text)
              .filter((t) => !/^-+$/.test(t))
              .join(''),
          );
          if (paper.images === 0) expect(onPaper).toBe(screen);
          else expect(screen.length).toBeGreaterThan(onPaper.length);
          const sheet = sim.sheetOf(paper);
          if (renderer && sheet) {
            writeFileSync(
              join(ARTIFACTS, `${name}-${paperWidth}-${font}.png`),
              sheetToPng(sheet, renderer),
            );
          }
        });
      }
    }
  }

  it.skipIf(!rasteriser)('a GB 2312 unit gets the lines with 堃 as dots, drawn', async () => {
    const job = encodeReceipt(receipts.case!, { paperWidth: 80, font: 'gb2312', rasteriser });
    const { printed, sim } = await printThroughDriver(job, 80, 'gb2312');
    expect(printed[0]?.images).toBe(1);
    const raster = sim.sheetOf(printed[0])?.elements.find((e) => e.kind === 'raster');
    if (raster?.kind !== 'raster') throw new Error('no picture');
    let dots = 0;
    for (let y = 0; y < raster.bitmap.height; y++) {
      for (let x = 0; x < raster.bitmap.width; x++) dots += bitAt(raster.bitmap, x, y) ? 1 : 0;
    }
    expect(dots).toBeGreaterThan(200); // "申请人：堃*" in 24-dot glyphs
    expect(printed[0]?.lines.map((l) => l.text)).not.toContain('申请人：堃*');
  });

  it('prints a guide for every item the terminal sends to a window, within the paper', () => {
    const windowItems = CATALOG_ITEMS.filter((item) => !item.selfService.eligible);
    expect(windowItems.length).toBeGreaterThan(3);
    for (const item of windowItems) {
      for (const paperWidth of [80, 58] as const) {
        const job = encodeReceipt(
          {
            kind: 'guide',
            item,
            printedAt: '2026-11-21T09:30:00+08:00',
            terminalId: 'T-370100-0042',
          },
          { paperWidth, font: 'gb18030', rasteriser },
        );
        expect(job.length).toBeGreaterThan(200);
      }
    }
  });
});
