import { describe, expect, it } from 'vitest';
import { cardToJson, maskedCardLine } from './card-json';
import { sampleCard } from './simulator/sample-cards';

describe('cardToJson (kioskctl idcard read --json)', () => {
  it('a resident card: nation as on the card face, no foreign fields', () => {
    expect(cardToJson(sampleCard('elder-female')!.card)).toEqual({
      type: 'resident-id',
      name: '王秀英',
      sex: '女',
      nation: '汉',
      birthDate: '1958-03-12',
      address: '山东省济南市历下区明湖东路翠柳巷8号',
      idNumber: '37010219580312124X',
      issuer: '济南市公安局历下分局',
      validFrom: '2012-06-18',
      validTo: 'long-term',
      hasPhoto: true,
      hasFingerprint: false,
    });
  });

  it('a 港澳台 card: pass number and issue count, no nation', () => {
    expect(cardToJson(sampleCard('taiwan-resident')!.card)).toEqual({
      type: 'hmt-residence',
      name: '林志豪',
      sex: '男',
      birthDate: '1978-11-03',
      address: '福建省厦门市思明区鹭江道榕树巷21号',
      idNumber: '830000197811030016',
      issuer: '厦门市公安局思明分局',
      validFrom: '2023-08-01',
      validTo: '2028-08-01',
      passNumber: '07654321',
      issueCount: 2,
      hasPhoto: true,
      hasFingerprint: false,
    });
  });

  it('foreign cards: English name and nationality, no address or nation; issuer only on 2023', () => {
    const old = cardToJson(sampleCard('foreign-2017')!.card);
    expect(old).toEqual({
      type: 'foreign-permanent',
      name: '韩英格',
      nameEn: 'HALVORSEN, INGRID MARIE',
      sex: '女',
      nationality: 'NOR',
      birthDate: '1988-04-20',
      idNumber: 'NOR310088042015',
      validFrom: '2019-06-10',
      validTo: '2029-06-10',
      hasPhoto: true,
      hasFingerprint: false,
    });
    expect(cardToJson(sampleCard('foreign-2023')!.card)).toMatchObject({
      issuer: '中华人民共和国国家移民管理局',
      nationality: 'RUS',
    });
    expect(Object.keys(old)).not.toContain('edition');
  });

  it('reports the photo and fingerprints only as present or not', () => {
    const json = JSON.stringify(cardToJson(sampleCard('adult-male')!.card));
    expect(json).toContain('"hasFingerprint":true');
    expect(json).not.toContain('SYNTHETIC');
  });

  it('masked lines carry no full name or number', () => {
    expect(maskedCardLine(sampleCard('elder-female')!.card)).toBe(
      '居民身份证 王** 3701**********124X 有效期至 长期',
    );
    expect(maskedCardLine(sampleCard('foreign-2017')!.card)).toBe(
      '外国人永久居留身份证 韩** NOR3*******2015 有效期至 2029-06-10',
    );
  });
});
