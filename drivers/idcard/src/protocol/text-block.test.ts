import { describe, expect, it } from 'vitest';
import { sampleCards } from '../simulator/sample-cards';
import { residentIdFields } from './resident-id-layout';
import { cardLayoutOf, decodeTextBlock, encodeTextBlock, type CardText } from './text-block';
import { toHex } from '../../../transport/src/hex';
import { writeUcs2 } from './ucs2';

const text: CardText = {
  type: 'resident-id',
  name: '欧阳明远',
  sex: '男',
  nation: '回族',
  birthDate: '1992-11-05',
  address: '广东省广州市天河区云栖路星河街88号',
  idNumber: '44010619921105003X',
  issuer: '广州市公安局天河分局',
  validFrom: '2012-09-10',
  validTo: '2022-09-10',
};

describe('resident-id text block', () => {
  it('puts every field at its GA 467 offset, UCS-2 LE, space padded', () => {
    const block = encodeTextBlock(text);
    expect(block).toHaveLength(256);
    // 欧 = U+6B27 → 27 6B; the 15-character name field is space padded.
    expect(toHex(block.subarray(0, 10))).toBe('27 6B 33 96 0E 66 DC 8F 20 00');
    expect(toHex(block.subarray(28, 30))).toBe('20 00');
    expect(toHex(block.subarray(30, 32))).toBe('31 00'); // sex "1"
    expect(toHex(block.subarray(32, 36))).toBe('30 00 33 00'); // nation "03"
    expect(new TextDecoder('utf-16le').decode(block.subarray(36, 52))).toBe('19921105');
    expect(new TextDecoder('utf-16le').decode(block.subarray(122, 158))).toBe('44010619921105003X');
    expect(toHex(block.subarray(248, 250))).toBe('20 00'); // no card-type marker
  });

  it('round-trips, 长期 included', () => {
    expect(decodeTextBlock(encodeTextBlock(text))).toEqual({ ok: true, value: text });
    const longTerm = { ...text, validTo: 'long-term' };
    expect(decodeTextBlock(encodeTextBlock(longTerm))).toEqual({ ok: true, value: longTerm });
    const block = encodeTextBlock(longTerm);
    expect(new TextDecoder('utf-16le').decode(block.subarray(204, 220))).toBe('长期      ');
  });

  it('round-trips every sample card', () => {
    for (const { card } of sampleCards) {
      const { photoWlt: _photo, ...cardText } = card;
      expect(decodeTextBlock(encodeTextBlock(cardText))).toEqual({ ok: true, value: cardText });
    }
  });

  it('decodes sex codes 0 and 9 and nation 98', () => {
    const block = encodeTextBlock(text);
    writeUcs2(block, ...residentIdFields.sex, '9');
    writeUcs2(block, ...residentIdFields.nation, '98');
    expect(decodeTextBlock(block)).toMatchObject({
      ok: true,
      value: { sex: '未说明', nation: '外国血统中国籍人士' },
    });
    writeUcs2(block, ...residentIdFields.sex, '0');
    expect(decodeTextBlock(block)).toMatchObject({ ok: true, value: { sex: '未知' } });
  });

  it('tolerates NUL padding', () => {
    const block = encodeTextBlock(text);
    block.fill(0, 8, 30);
    expect(decodeTextBlock(block)).toMatchObject({ ok: true, value: { name: '欧阳明远' } });
  });

  it.each([
    ['sex', '3'],
    ['nation', '57'],
    ['birthDate', '19921131'],
    ['validFrom', '2012091'],
    ['validTo', '永久'],
    ['idNumber', '4401061992110500'],
    ['name', ''],
  ] as const)('refuses a bad %s without echoing it', (field, value) => {
    const block = encodeTextBlock(text);
    const [offset, length] = residentIdFields[field];
    writeUcs2(block, offset, length, value);
    const decoded = decodeTextBlock(block);
    expect(decoded).toMatchObject({ ok: false, error: { code: 'bad-field', field } });
    if (!decoded.ok && value) expect(JSON.stringify(decoded.error)).not.toContain(value);
  });

  it('recognises the other layouts by the marker at 248 and refuses them for now', () => {
    for (const [marker, layout] of [
      ['J', 'hmt-residence'],
      ['I', 'foreign-permanent'],
      ['Y', 'foreign-permanent'],
      ['Q', 'unknown'],
    ] as const) {
      const block = encodeTextBlock(text);
      writeUcs2(block, 248, 2, marker);
      expect(cardLayoutOf(block)).toMatchObject({ layout });
      expect(decodeTextBlock(block)).toMatchObject({
        ok: false,
        error: { code: 'unsupported-layout', layout: { layout } },
      });
    }
  });

  it('refuses a block of the wrong size', () => {
    expect(decodeTextBlock(new Uint8Array(255))).toEqual({
      ok: false,
      error: { code: 'bad-block-length', length: 255 },
    });
  });
});
