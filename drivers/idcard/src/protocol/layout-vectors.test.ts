import { describe, expect, it } from 'vitest';
import { toHex } from '../../../transport/src/hex';
import { decodeTextBlock, encodeTextBlock } from './text-block';

/**
 * Text blocks written by hand at the byte offsets of the published layouts (not through our
 * layout tables), then decoded: the tables must agree with the specifications.
 */
function block(fields: [offset: number, text: string][]): Uint8Array {
  const bytes = new Uint8Array(256);
  for (let i = 0; i < 256; i += 2) bytes[i] = 0x20; // UCS-2 spaces
  for (const [offset, text] of fields) {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      bytes[offset + 2 * i] = unit & 0xff;
      bytes[offset + 2 * i + 1] = unit >> 8;
    }
  }
  return bytes;
}

describe('text-block layouts from hand-made vectors', () => {
  it('居民身份证 (no marker): GA/T 490 offsets', () => {
    const vector = block([
      [0, '龚龑䶮'],
      [30, '1'],
      [32, '22'],
      [36, '19790214'],
      [52, '浙江省温州市鹿城区䒟溪路㐂巷16号'],
      [122, '330302197902140510'],
      [158, '温州市公安局鹿城分局'],
      [188, '20180530'],
      [204, '20380530'],
    ]);
    // 龚 U+9F9A, 龑 U+9F91, 䶮 U+4DAE (CJK Extension A, still one UCS-2 unit)
    expect(toHex(vector.subarray(0, 8))).toBe('9A 9F 91 9F AE 4D 20 00');
    expect(decodeTextBlock(vector)).toEqual({
      ok: true,
      value: {
        type: 'resident-id',
        name: '龚龑䶮',
        sex: '男',
        nation: '畲族',
        birthDate: '1979-02-14',
        address: '浙江省温州市鹿城区䒟溪路㐂巷16号',
        idNumber: '330302197902140510',
        issuer: '温州市公安局鹿城分局',
        validFrom: '2018-05-30',
        validTo: '2038-05-30',
      },
    });
  });

  it('港澳台居民居住证 (J at 248): pass number at 220, issue count at 238', () => {
    const vector = block([
      [0, '陈嘉欣'],
      [30, '2'],
      [36, '19900817'],
      [52, '广东省深圳市福田区莲香路枫林巷3号'],
      [122, '810000199008170023'],
      [158, '深圳市公安局福田分局'],
      [188, '20240520'],
      [204, '20290520'],
      [220, 'H60213587'],
      [238, '01'],
      [248, 'J'],
    ]);
    expect(toHex(vector.subarray(248, 250))).toBe('4A 00');
    expect(decodeTextBlock(vector)).toEqual({
      ok: true,
      value: {
        type: 'hmt-residence',
        name: '陈嘉欣',
        sex: '女',
        birthDate: '1990-08-17',
        address: '广东省深圳市福田区莲香路枫林巷3号',
        idNumber: '810000199008170023',
        issuer: '深圳市公安局福田分局',
        validFrom: '2024-05-20',
        validTo: '2029-05-20',
        passNumber: 'H60213587',
        issueCount: 1,
      },
    });
  });

  it('外国人永久居留身份证 2017 (I): English name 0, number 122, nationality 152, Chinese name 158, birth 220', () => {
    const vector = block([
      [0, 'HALVORSEN, INGRID MARIE'],
      [120, '2'],
      [122, 'NOR310088042015'],
      [152, 'NOR'],
      [158, '韩英格'],
      [188, '20190610'],
      [204, '20290610'],
      [220, '19880420'],
      [248, 'I'],
    ]);
    expect(decodeTextBlock(vector)).toEqual({
      ok: true,
      value: {
        type: 'foreign-permanent',
        edition: 2017,
        name: '韩英格',
        nameEn: 'HALVORSEN, INGRID MARIE',
        sex: '女',
        nationality: 'NOR',
        birthDate: '1988-04-20',
        idNumber: 'NOR310088042015',
        validFrom: '2019-06-10',
        validTo: '2029-06-10',
      },
    });
  });

  it('外国人永久居留身份证 2023 (Y): Chinese name 0, English name 52..121 + 220..241, number 122, nationality 242', () => {
    const nameEn = 'VAN DER BERGH-OKONKWO, ALEXANDER CHUKWUEMEKA';
    const vector = block([
      [30, '1'],
      [32, '00'],
      [36, '19850612'],
      [52, nameEn.slice(0, 35)],
      [122, '911528198506120137'],
      [158, '中华人民共和国国家移民管理局'],
      [188, '20240115'],
      [204, '20340115'],
      [220, nameEn.slice(35)],
      [242, 'NLD'],
      [248, 'Y'],
    ]);
    expect(decodeTextBlock(vector)).toEqual({
      ok: true,
      value: {
        type: 'foreign-permanent',
        edition: 2023,
        name: nameEn, // no Chinese name on this card
        nameEn,
        sex: '男',
        nationality: 'NLD',
        birthDate: '1985-06-12',
        idNumber: '911528198506120137',
        issuer: '中华人民共和国国家移民管理局',
        validFrom: '2024-01-15',
        validTo: '2034-01-15',
      },
    });
  });

  it('a 2023 English name whose 35th character is a space keeps it across the split', () => {
    const nameEn = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ABCDEFG HIJK'; // position 34 (0-based) is a space
    expect(nameEn[34]).toBe(' ');
    const text = {
      type: 'foreign-permanent' as const,
      edition: 2023 as const,
      name: '马丽娜',
      nameEn,
      sex: '女' as const,
      nationality: 'RUS',
      birthDate: '1992-03-09',
      idNumber: '911643199203090261',
      validFrom: '2023-12-05',
      validTo: '2033-12-05',
    };
    expect(decodeTextBlock(encodeTextBlock(text))).toEqual({ ok: true, value: text });
  });

  it('the encoder writes the same bytes as the hand-made vectors', () => {
    const vector = block([
      [0, '陈嘉欣'],
      [30, '2'],
      [36, '19900817'],
      [52, '广东省深圳市福田区莲香路枫林巷3号'],
      [122, '810000199008170023'],
      [158, '深圳市公安局福田分局'],
      [188, '20240520'],
      [204, '20290520'],
      [220, 'H60213587'],
      [238, '01'],
      [248, 'J'],
    ]);
    const decoded = decodeTextBlock(vector);
    if (!decoded.ok) throw new Error('vector does not decode');
    expect(toHex(encodeTextBlock(decoded.value))).toBe(toHex(vector));
  });
});
