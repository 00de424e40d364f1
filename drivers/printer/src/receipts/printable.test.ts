import { describe, expect, it } from 'vitest';
import { encodeReceipt, receiptMarkup, renderReceiptSvg, type PrintableReceipt } from './printable';

const caseReceipt: PrintableReceipt = {
  kind: 'case',
  itemName: '居民身份证换领',
  caseNo: '3701022025030400001234',
  queryCode: '482913',
  status: 'accepted',
  acceptedAt: '2025-03-04T09:15:27+08:00',
  promisedBy: '2025-03-18',
  applicantMasked: '王**',
  terminalId: 'T-370100-0042',
};

describe('one receipt, paper and screen', () => {
  it('renders the SVG the screen shows from the same markup: paper width, text, QR', () => {
    const svg = renderReceiptSvg(caseReceipt);
    expect(svg).toMatch(/^<svg width="576px"/);
    for (const char of ['办', '4', '8', '2', '9', '1', '3']) expect(svg).toContain(`>${char}<`);
    expect(svg).toContain('<path'); // QR modules and bars
    expect(renderReceiptSvg(caseReceipt, { paperWidth: 58 })).toMatch(/^<svg width="384px"/);
    expect(renderReceiptSvg({ ...caseReceipt, paperWidth: 58 })).toMatch(/^<svg width="384px"/);
  });

  it('the markup is the one both renderings start from', () => {
    const markup = receiptMarkup(caseReceipt, 80);
    expect(markup).toContain('{code:CASE:3701022025030400001234:482913; option:qrcode,6,m}');
    expect(markup.split('\n')[0]).toBe('^^^"办件回执"^^^');
  });

  it('encodes deterministically', () => {
    expect(encodeReceipt(caseReceipt)).toEqual(encodeReceipt(caseReceipt));
  });
});
