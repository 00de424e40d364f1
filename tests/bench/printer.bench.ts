/**
 * The receipt printer's costs: laying out and encoding a receipt (target < 20 ms), the picture
 * fallback for characters a GB 2312 font lacks, the on-screen SVG, and a job's wall time over a
 * pty at 115200 baud next to the wire-time floor for its bytes (10 bits a byte, 8N1).
 *
 * A pty does not pace bytes at the baud rate (it moves them as fast as memory allows), so the
 * wall time over it is the software's share — driver, transport, simulator, status round trips;
 * on a real 115200 line the job cannot be faster than the floor.
 */
import { createReceiptPrinter } from '../../drivers/printer/src/driver';
import { transmitPaperStatus } from '../../drivers/printer/src/protocol/escpos';
import { createResvgRasteriser } from '../../drivers/printer/src/raster/resvg-rasteriser';
import { createSvgRenderer, findCjkFontFiles } from '../../drivers/printer/src/raster/svg-renderer';
import {
  encodeReceipt,
  renderReceiptSvg,
  type PrintableReceipt,
} from '../../drivers/printer/src/receipts/printable';
import { createPrinterSimulator } from '../../drivers/printer/src/simulator/printer-simulator';
import { sheetToPng } from '../../drivers/printer/src/simulator/sheet-image';
import { findSocat, openPtyPair } from '../../drivers/transport/src/pty-pair';
import { serialTransportOpener } from '../../drivers/transport/src/serial';
import { sample, type Recorder } from './stats';

const BAUD = 115200;
const receipt: PrintableReceipt = {
  kind: 'case',
  itemName: '城乡居民基本养老保险参保登记',
  caseNo: '370100202611210000001',
  queryCode: '482913',
  status: 'accepted',
  acceptedAt: '2026-11-21T09:30:00+08:00',
  promisedBy: '2026-11-26',
  applicantMasked: '王*',
  terminalId: 'T-370100-0042',
  materialsReceived: [{ name: '居民户口簿', via: 'e-license' }],
  pendingMaterials: [{ name: '近期免冠照片', dueBy: '2026-11-28' }],
  delivery: 'pickup',
};

export default async function printer(record: Recorder): Promise<void> {
  const encode = () => encodeReceipt(receipt, { font: 'gb18030', rasteriser: null });
  await sample(50, encode);
  record(
    'lay out + encode a 办件回执 (receiptline → ESC/POS, GB18030, QR, Code128)',
    await sample(500, encode),
    'ms',
    `${encode().length} bytes; target < 20 ms`,
  );

  const svg = () => renderReceiptSvg(receipt);
  await sample(20, svg);
  record('the same receipt as on-screen SVG', await sample(200, svg));

  const fonts = findCjkFontFiles();
  if (fonts.length > 0) {
    const renderer = createSvgRenderer({ fontFiles: fonts });
    const rasteriser = createResvgRasteriser(renderer);
    const rare = { ...receipt, applicantMasked: '堃*' };
    const withPicture = () => encodeReceipt(rare, { font: 'gb2312', rasteriser });
    await sample(3, withPicture);
    record(
      '… on a GB2312 printer, one line (堃) as a GS v 0 picture (resvg)',
      await sample(30, withPicture),
      'ms',
      `font: ${fonts[0]}`,
    );
    const sim = createPrinterSimulator();
    const link = await import('../../drivers/transport/src/memory');
    const pair = link.createMemoryLink({ label: 'bench' });
    sim.attach(pair.device);
    await pair.host.write(encode());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const sheet = sim.sheetOf();
    if (sheet)
      record(
        'simulator: picture of the printed receipt (PNG)',
        await sample(10, () => sheetToPng(sheet, renderer)),
      );
  }

  if (!findSocat()) {
    console.log('socat missing: no pty numbers');
    return;
  }
  const pty = await openPtyPair();
  const device = await serialTransportOpener({ path: pty.paths[1], baudRate: BAUD })();
  if (!device) throw new Error('pty');
  const sim = createPrinterSimulator();
  sim.attach(device);
  const driver = createReceiptPrinter({
    open: serialTransportOpener({ path: pty.paths[0], baudRate: BAUD }),
    delays: { statusPollMs: 60_000, jobPollMs: 500 },
  });
  const job = encode();
  await driver.print(job);
  const times = await sample(30, async () => {
    const printed = await driver.print(job);
    if (!printed.ok) throw new Error(printed.error.code);
  });
  // On the wire per job: 3 DLE EOT rounds before (12 B out, 4 in) and after, the job, GS r 1 (3 B) and its answer.
  const wireBytes = job.length + transmitPaperStatus().length + 1 + 2 * (12 + 4);
  const floorMs = ((wireBytes * 10) / BAUD) * 1000;
  record(
    `print() over a pty at ${BAUD} 8N1 (status before/after, job, GS r confirm)`,
    times,
    'ms',
    `${wireBytes} bytes on the wire → floor ${floorMs.toFixed(1)} ms at ${BAUD} baud (pty does not pace)`,
  );
  await driver.close();
  await device.close();
  await pty.close();
}
