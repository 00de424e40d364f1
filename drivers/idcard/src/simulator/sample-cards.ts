import type { IdentityCard } from '../card';
import { PHOTO_LENGTH } from '../protocol/read-reply';

/**
 * Synthetic cards for development, demos and tests. Every person here is INVENTED: the names
 * are common ones, the streets do not exist, and the identity numbers were built for this file
 * (real-looking address codes, invented birth dates and sequence numbers, valid check digits).
 * Never add a card copied from a real person (DESIGN §2.5).
 */
export interface SampleCard {
  id: string;
  /** Shown in the dev panel. */
  label: string;
  card: IdentityCard;
}

/**
 * 1024 bytes standing in for the WLT photo, which we never decode. It starts with an ASCII
 * banner so anyone who dumps it sees it is synthetic, then a deterministic pattern per seed.
 */
export function syntheticPhoto(seed: number): Uint8Array {
  const photo = new Uint8Array(PHOTO_LENGTH);
  const banner = new TextEncoder().encode('SYNTHETIC PHOTO - NOT A WLT IMAGE - TEST DATA ONLY. ');
  photo.set(banner, 0);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = banner.length; i < photo.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0; // an LCG: deterministic, not random
    photo[i] = x >>> 24;
  }
  return photo;
}

export const sampleCards: readonly SampleCard[] = [
  {
    id: 'elder-female',
    label: '王秀英（女，1958 年生，长期有效）',
    card: {
      type: 'resident-id',
      name: '王秀英',
      sex: '女',
      nation: '汉族',
      birthDate: '1958-03-12',
      address: '山东省济南市历下区明湖东路翠柳巷8号',
      idNumber: '37010219580312124X',
      issuer: '济南市公安局历下分局',
      validFrom: '2012-06-18',
      validTo: 'long-term',
      photoWlt: syntheticPhoto(1),
    },
  },
  {
    id: 'adult-male',
    label: '李建国（男，1985 年生，有效期内）',
    card: {
      type: 'resident-id',
      name: '李建国',
      sex: '男',
      nation: '汉族',
      birthDate: '1985-07-21',
      address: '北京市朝阳区望京西园路梧桐里12号楼3单元501',
      idNumber: '110105198507213574',
      issuer: '北京市公安局朝阳分局',
      validFrom: '2019-04-02',
      validTo: '2039-04-02',
      photoWlt: syntheticPhoto(2),
    },
  },
  {
    id: 'expired-male',
    label: '欧阳明远（男，回族，证件已过期）',
    card: {
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
      photoWlt: syntheticPhoto(3),
    },
  },
  {
    id: 'young-female',
    label: '张小雨（女，壮族，2004 年生）',
    card: {
      type: 'resident-id',
      name: '张小雨',
      sex: '女',
      nation: '壮族',
      birthDate: '2004-09-30',
      address: '广西壮族自治区南宁市青秀区竹溪大道桂花巷6号',
      idNumber: '450103200409300629',
      issuer: '南宁市公安局青秀分局',
      validFrom: '2021-10-08',
      validTo: '2031-10-08',
      photoWlt: syntheticPhoto(4),
    },
  },
];

export function sampleCard(id: string): SampleCard | undefined {
  return sampleCards.find((c) => c.id === id);
}
