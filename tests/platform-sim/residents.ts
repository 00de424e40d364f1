/**
 * The simulated platform's people: invented residents (the same invented people as the card
 * simulator's sample cards, plus a few more), each with electronic licences (电子证照) and past
 * cases at various stages, so 证照调用 and 办件查询 show something at the terminal. Identity
 * numbers are built for this file with valid GB 11643 check digits; no real person appears
 * (DESIGN §2.5).
 */
import { createHash } from 'node:crypto';
import type { IdType, License } from '../../electron/host/platform/types';
import { cstDate } from './calendar';
import type { CaseOutcome, DeliveryMethod } from './case-progress';
import {
  pensionEntitlementCheck,
  socialSecurityCard,
  employmentRegistration,
} from './catalog-items/social-security';
import { chronicDisease, residentMedicalEnrolment } from './catalog-items/health';
import { seniorCard, disabilitySubsidy } from './catalog-items/civil-affairs';
import { residencePermitEndorsement, trafficRecord } from './catalog-items/public-security';
import { deedTax, fundTransfer, taxRecord } from './catalog-items/housing-tax';
import { individualBusiness } from './catalog-items/education-business';
import type { ServiceItem } from '../../electron/host/platform/types';
import { maskName } from './masking';
import type { SimDb } from './sim-database';

type LicenceSeed = Omit<License, 'licenseId' | 'holderMasked'>;
type CaseSeed = {
  item: ServiceItem;
  daysAgo: number;
  outcome: CaseOutcome;
  delivery: DeliveryMethod;
};

export type Resident = {
  idType: IdType;
  idNumber: string;
  name: string;
  licences: LicenceSeed[];
  history: CaseSeed[];
};

const householdRegister = (number: string, issuer: string, issuedAt: string): LicenceSeed => ({
  type: 'household-register',
  typeName: '居民户口簿',
  number,
  issuer,
  issuedAt,
  validTo: null,
});
const marriage = (number: string, issuedAt: string): LicenceSeed => ({
  type: 'marriage',
  typeName: '结婚证',
  number,
  issuer: '济南市历下区民政局',
  issuedAt,
  validTo: null,
});

export const RESIDENTS: readonly Resident[] = [
  {
    idType: 'resident-id',
    idNumber: '37010219580312124X',
    name: '王秀英',
    licences: [
      householdRegister('370102004512', '济南市公安局历下分局', '2008-04-10'),
      marriage('J370102-1980-004512', '1980-10-06'),
    ],
    history: [
      { item: seniorCard, daysAgo: 400, outcome: 'approved', delivery: 'mail' },
      { item: residentMedicalEnrolment, daysAgo: 120, outcome: 'approved', delivery: 'electronic' },
      { item: pensionEntitlementCheck, daysAgo: 30, outcome: 'approved', delivery: 'electronic' },
      { item: chronicDisease, daysAgo: 3, outcome: 'approved', delivery: 'electronic' },
    ],
  },
  {
    idType: 'resident-id',
    idNumber: '110105198507213574',
    name: '李建国',
    licences: [
      householdRegister('110105118833', '北京市公安局朝阳分局', '2011-09-02'),
      {
        type: 'degree',
        typeName: '学位证书',
        number: '1042232007001234',
        issuer: '山东大学',
        issuedAt: '2007-06-30',
        validTo: null,
      },
      {
        type: 'property-right',
        typeName: '不动产权证书',
        number: '鲁（2021）济南市不动产权第0123456号',
        issuer: '济南市自然资源和规划局',
        issuedAt: '2021-05-18',
        validTo: '2091-03-31',
      },
    ],
    history: [
      { item: fundTransfer, daysAgo: 200, outcome: 'approved', delivery: 'electronic' },
      { item: deedTax, daysAgo: 60, outcome: 'rejected', delivery: 'electronic' },
      { item: taxRecord, daysAgo: 10, outcome: 'approved', delivery: 'electronic' },
      { item: residencePermitEndorsement, daysAgo: 1, outcome: 'approved', delivery: 'pickup' },
    ],
  },
  {
    idType: 'resident-id',
    idNumber: '44010619921105003X',
    name: '欧阳明远',
    licences: [
      {
        type: 'degree',
        typeName: '学位证书',
        number: '1056132014005678',
        issuer: '中山大学',
        issuedAt: '2014-06-25',
        validTo: null,
      },
    ],
    history: [
      { item: employmentRegistration, daysAgo: 45, outcome: 'withdrawn', delivery: 'electronic' },
    ],
  },
  {
    idType: 'resident-id',
    idNumber: '450103200409300629',
    name: '张小雨',
    licences: [householdRegister('450103220931', '南宁市公安局青秀分局', '2020-03-15')],
    history: [{ item: socialSecurityCard, daysAgo: 4, outcome: 'approved', delivery: 'mail' }],
  },
  {
    idType: 'resident-id',
    idNumber: '370103194703150010',
    name: '赵德明',
    licences: [
      householdRegister('370103002211', '济南市公安局市中分局', '2005-07-01'),
      {
        type: 'disability',
        typeName: '中华人民共和国残疾人证',
        number: '37010319470315001042',
        issuer: '济南市市中区残疾人联合会',
        issuedAt: '2019-11-20',
        validTo: '2029-11-20',
      },
    ],
    history: [{ item: disabilitySubsidy, daysAgo: 6, outcome: 'approved', delivery: 'electronic' }],
  },
  {
    idType: 'resident-id',
    idNumber: '370112198811024518',
    name: '刘洋',
    licences: [
      householdRegister('370112009876', '济南市公安局历城分局', '2010-02-22'),
      {
        type: 'business-licence',
        typeName: '营业执照',
        number: '92370112MA3C4D5E6F',
        issuer: '济南市历城区市场监督管理局',
        issuedAt: '2022-08-08',
        validTo: null,
      },
    ],
    history: [
      { item: individualBusiness, daysAgo: 900, outcome: 'approved', delivery: 'electronic' },
      { item: trafficRecord, daysAgo: 2, outcome: 'approved', delivery: 'electronic' },
    ],
  },
];

export function findResident(person: { idNumber: string; name: string }): Resident | undefined {
  return RESIDENTS.find((r) => r.idNumber === person.idNumber && r.name === person.name);
}

/** A stable six-digit query code for a seeded case (so a demo can look one up). */
export function historyQueryCode(idNumber: string, index: number): string {
  const digest = createHash('sha256').update(`${idNumber}/${index}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Writes every resident's licences and past cases once (a file database keeps them). */
export function seedResidents(db: SimDb, now: Date): void {
  const seeded = db.prepare("SELECT COUNT(*) AS n FROM cases WHERE source = 'history'").get() as {
    n: number;
  };
  if (seeded.n > 0) return;
  const addLicence = db.prepare(
    'INSERT OR IGNORE INTO licenses (license_id, id_number, body) VALUES (?, ?, ?)',
  );
  const addCase =
    db.prepare(`INSERT INTO cases (case_no, query_code, item_code, item_name, source, id_type,
    id_number, applicant_name, delivery_method, outcome, accepted_at)
    VALUES (?, ?, ?, ?, 'history', ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    RESIDENTS.forEach((resident, r) => {
      resident.licences.forEach((seed, i) => {
        const licenseId = `EL-${resident.idNumber.slice(0, 6)}-${String(r * 10 + i).padStart(4, '0')}`;
        const licence: License = { licenseId, ...seed, holderMasked: maskName(resident.name) };
        addLicence.run(licenseId, resident.idNumber, JSON.stringify(licence));
      });
      resident.history.forEach((seed, i) => {
        const acceptedAt = now.getTime() - seed.daysAgo * DAY_MS;
        const date = cstDate(new Date(acceptedAt)).replaceAll('-', '');
        const caseNo = `370100${date}8${String(r * 100 + i).padStart(5, '0')}`;
        addCase.run(
          caseNo,
          historyQueryCode(resident.idNumber, i),
          seed.item.code,
          seed.item.name,
          resident.idType,
          resident.idNumber,
          resident.name,
          seed.delivery,
          seed.outcome,
          acceptedAt,
        );
      });
    });
  })();
}
