import type { IdentityCard } from '../card';
import { syntheticPhoto } from './synthetic-blocks';

export { syntheticPhoto } from './synthetic-blocks';

/**
 * Synthetic cards for development, demos and tests: every card type and layout the reader can
 * meet. Every person here is INVENTED: the names are made up, the streets do not exist, and the
 * identity numbers were built for this file (real-looking region codes, invented birth dates and
 * sequence numbers, valid check characters). A few names and addresses use rare characters that
 * are still in the BMP (䶮 U+4DAE, 龑 U+9F91, 䒟 U+449F, 㐂 U+3402), as real cards do.
 * Never add a card copied from a real person (DESIGN §2.5).
 */
export interface SampleCard {
  id: string;
  /** Shown in the dev panel. */
  label: string;
  card: IdentityCard;
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
      hasFingerprint: false,
    },
  },
  {
    id: 'adult-male',
    label: '李建国（男，1985 年生，有效期内，有指纹）',
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
      hasFingerprint: true,
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
      hasFingerprint: false,
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
      hasFingerprint: false,
    },
  },
  {
    id: 'rare-characters',
    label: '龚龑䶮（男，畲族，姓名与住址含生僻字，有指纹）',
    card: {
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
      photoWlt: syntheticPhoto(5),
      hasFingerprint: true,
    },
  },
  {
    id: 'hong-kong-resident',
    label: '陈嘉欣（港澳台居民居住证，香港，女）',
    card: {
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
      photoWlt: syntheticPhoto(6),
      hasFingerprint: false,
    },
  },
  {
    id: 'taiwan-resident',
    label: '林志豪（港澳台居民居住证，台湾，男，第 2 次签发）',
    card: {
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
      photoWlt: syntheticPhoto(7),
      hasFingerprint: false,
    },
  },
  {
    id: 'foreign-2017',
    label: '韩英格 HALVORSEN（外国人永久居留身份证 2017 版，挪威）',
    card: {
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
      photoWlt: syntheticPhoto(8),
      hasFingerprint: false,
    },
  },
  {
    id: 'foreign-2023-long-name',
    label: 'VAN DER BERGH-OKONKWO（外国人永久居留身份证 2023 版，无中文名，长英文名）',
    card: {
      type: 'foreign-permanent',
      edition: 2023,
      name: 'VAN DER BERGH-OKONKWO, ALEXANDER CHUKWUEMEKA',
      nameEn: 'VAN DER BERGH-OKONKWO, ALEXANDER CHUKWUEMEKA',
      sex: '男',
      nationality: 'NLD',
      birthDate: '1985-06-12',
      idNumber: '911528198506120137',
      issuer: '中华人民共和国国家移民管理局',
      validFrom: '2024-01-15',
      validTo: '2034-01-15',
      photoWlt: syntheticPhoto(9),
      hasFingerprint: false,
    },
  },
  {
    id: 'foreign-2023',
    label: '马丽娜 PETROVA（外国人永久居留身份证 2023 版，俄罗斯）',
    card: {
      type: 'foreign-permanent',
      edition: 2023,
      name: '马丽娜',
      nameEn: 'PETROVA, MARINA',
      sex: '女',
      nationality: 'RUS',
      birthDate: '1992-03-09',
      idNumber: '911643199203090261',
      issuer: '中华人民共和国国家移民管理局',
      validFrom: '2023-12-05',
      validTo: '2033-12-05',
      photoWlt: syntheticPhoto(10),
      hasFingerprint: false,
    },
  },
];

export function sampleCard(id: string): SampleCard | undefined {
  return sampleCards.find((c) => c.id === id);
}
