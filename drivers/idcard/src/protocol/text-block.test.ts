import { describe, expect, it } from 'vitest';
import { sampleCards } from '../simulator/sample-cards';
import { foreign2017Fields } from './foreign-2017-layout';
import { foreign2023Fields } from './foreign-2023-layout';
import { hmtResidenceFields } from './hmt-residence-layout';
import { nationFaceName, nations } from './nations';
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

const textOf = (card: (typeof sampleCards)[number]['card']): CardText => {
  const { photoWlt: _photo, hasFingerprint: _fp, ...rest } = card;
  return rest;
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

  it('decodes every sex code of GB/T 2261.1', () => {
    const block = encodeTextBlock(text);
    for (const [code, sex] of [
      ['1', '男'],
      ['2', '女'],
      ['0', '未知'],
      ['9', '未说明'],
    ] as const) {
      writeUcs2(block, ...residentIdFields.sex, code);
      expect(decodeTextBlock(block)).toMatchObject({ ok: true, value: { sex } });
    }
  });

  it('knows all 56 nations plus 97 and 98 (GB/T 3304)', () => {
    expect(Object.keys(nations)).toHaveLength(58);
    const block = encodeTextBlock(text);
    for (const [code, name] of Object.entries(nations)) {
      writeUcs2(block, ...residentIdFields.nation, code);
      expect(decodeTextBlock(block)).toMatchObject({ ok: true, value: { nation: name } });
    }
    expect(nations['97']).toBe('其他');
    expect(nations['98']).toBe('外国血统中国籍人士');
    expect(nationFaceName('汉族')).toBe('汉');
    expect(nationFaceName('蒙古族')).toBe('蒙古');
    expect(nationFaceName('外国血统中国籍人士')).toBe('外国血统中国籍人士');
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
    ['address', ''],
    ['issuer', ''],
  ] as const)('refuses a bad %s without echoing it', (field, value) => {
    const block = encodeTextBlock(text);
    const [offset, length] = residentIdFields[field];
    writeUcs2(block, offset, length, value);
    const decoded = decodeTextBlock(block);
    expect(decoded).toMatchObject({ ok: false, error: { code: 'bad-field', field } });
    if (!decoded.ok && value) expect(JSON.stringify(decoded.error)).not.toContain(value);
  });
});

describe('every layout', () => {
  it('round-trips every sample card, one of each layout at least', () => {
    const markers = new Set<string>();
    for (const { card } of sampleCards) {
      const block = encodeTextBlock(textOf(card));
      markers.add(toHex(block.subarray(248, 250)));
      expect(decodeTextBlock(block)).toEqual({ ok: true, value: textOf(card) });
    }
    // blank, J, I, Y
    expect([...markers].sort()).toEqual(['20 00', '49 00', '4A 00', '59 00']);
  });

  it.each([
    ['hmt-residence', hmtResidenceFields, 'passNumber', 'X1'],
    ['hmt-residence', hmtResidenceFields, 'issueCount', 'AB'],
    ['hmt-residence', hmtResidenceFields, 'idNumber', '370102195803121231'],
    ['foreign-2017', foreign2017Fields, 'idNumber', 'NOR31008804201'],
    ['foreign-2017', foreign2017Fields, 'nameEn', 'ħalvorsen'],
    ['foreign-2017', foreign2017Fields, 'nationality', 'N0R'],
    ['foreign-2023', foreign2023Fields, 'idNumber', '811528198506120137'],
    ['foreign-2023', foreign2023Fields, 'nationality', ''],
    ['foreign-2023', foreign2023Fields, 'birthDate', '19850631'],
  ] as const)('%s refuses a bad %s', (id, fields, field, value) => {
    const sample = sampleCards.find((c) => c.id.startsWith(id) || c.card.type === id);
    if (!sample) throw new Error(`no sample for ${id}`);
    const block = encodeTextBlock(textOf(sample.card));
    const [offset, length] = (fields as Record<string, readonly [number, number]>)[field] ?? [0, 0];
    writeUcs2(block, offset, length, value);
    expect(decodeTextBlock(block)).toMatchObject({
      ok: false,
      error: { code: 'bad-field', field },
    });
  });

  it('recognises the layouts by the marker at 248 and refuses an unknown one', () => {
    for (const [marker, layout] of [
      ['', 'resident-id'],
      ['J', 'hmt-residence'],
      ['I', 'foreign-permanent'],
      ['Y', 'foreign-permanent'],
      ['Q', 'unknown'],
    ] as const) {
      const block = encodeTextBlock(text);
      writeUcs2(block, 248, 2, marker);
      expect(cardLayoutOf(block)).toMatchObject({ layout });
    }
    const block = encodeTextBlock(text);
    writeUcs2(block, 248, 2, 'Q');
    expect(decodeTextBlock(block)).toEqual({
      ok: false,
      error: { code: 'unsupported-layout', layout: { layout: 'unknown', marker: 'Q' } },
    });
  });

  it('refuses a block of the wrong size', () => {
    expect(decodeTextBlock(new Uint8Array(255))).toEqual({
      ok: false,
      error: { code: 'bad-block-length', length: 255 },
    });
  });

  it('the encoder refuses what no card can hold', () => {
    expect(() => encodeTextBlock({ ...text, name: '很'.repeat(16) })).toThrow(RangeError);
    expect(() => encodeTextBlock({ ...text, nation: '未知族' })).toThrow(RangeError);
    expect(() => encodeTextBlock({ ...text, name: '𠮷' })).toThrow(/BMP/);
  });
});
