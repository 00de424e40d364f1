/** 医保 and 婚育: the medical security bureau and the health commission. */
import type { ServiceItem } from '../../../electron/host/platform/types';
import {
  ALL_IDS,
  DEPT,
  UPDATED,
  choice,
  code,
  idNumber,
  material,
  name,
  personItem,
  phone,
} from './common';

/** 医保参保凭证打印 — 秒批. */
export const medicalProof: ServiceItem = {
  code: '11370100MB2853212X437011100100',
  name: '基本医疗保险参保凭证打印',
  department: '济南市医疗保障局',
  audience: 'person',
  kind: 'public-service',
  themes: ['医保'],
  keywords: ['医保证明', '参保凭证', '医保缴费'],
  legalDays: 0,
  promisedDays: 0,
  instant: true,
  fee: { free: true },
  selfService: { eligible: true },
  identity: 'card',
  acceptedIdTypes: ALL_IDS,
  materials: [],
  form: [name, idNumber],
  steps: [
    { name: '申请', days: 0 },
    { name: '出具凭证', days: 0 },
  ],
  delivery: ['electronic', 'pickup'],
  updatedAt: UPDATED,
};

/** 生育登记 — a form field that the card cannot fill, and a licence. */
export const birthRegistration: ServiceItem = {
  code: '11370100MB28537891437011100500',
  name: '生育登记',
  department: '济南市卫生健康委员会',
  audience: 'person',
  kind: 'public-service',
  themes: ['婚育'],
  lifeEvents: ['新生儿出生'],
  keywords: ['生育服务证', '准生证'],
  legalDays: 5,
  promisedDays: 1,
  instant: false,
  fee: { free: true },
  selfService: { eligible: true },
  identity: 'card',
  acceptedIdTypes: ['resident-id'],
  materials: [
    material({
      id: 'marriage',
      name: '结婚证',
      required: true,
      tolerable: true,
      sources: ['e-license', 'scan'],
      licenseType: 'marriage',
    }),
  ],
  form: [
    name,
    idNumber,
    { key: 'dueDate', label: '预产期', type: 'date', required: true },
    { key: 'spouseName', label: '配偶姓名', type: 'text', required: true, maxLength: 40 },
  ],
  steps: [{ name: '受理' }, { name: '登记', days: 1 }],
  delivery: ['electronic'],
  updatedAt: UPDATED,
};

/** 城乡居民医保参保登记 — completable with the card; decided the next working day. */
export const residentMedicalEnrolment = personItem({
  code: code(DEPT.medicalSecurity, '437011100200'),
  name: '城乡居民基本医疗保险参保登记',
  department: DEPT.medicalSecurity.name,
  kind: 'confirmation',
  themes: ['医保'],
  lifeEvents: ['新生儿出生', '退休'],
  keywords: ['居民医保', '医保参保', '新农合'],
  legalDays: 5,
  promisedDays: 1,
  form: [name, idNumber, phone],
  steps: [
    { name: '受理', days: 0 },
    { name: '登记', days: 1 },
  ],
  delivery: ['electronic', 'pickup'],
  notes: '登记后请在每年集中缴费期内缴纳下一年度的居民医保费。',
});

/** 异地就医备案 — instant, but where the resident goes must be chosen. */
export const crossRegionMedical = personItem({
  code: code(DEPT.medicalSecurity, '437011100300'),
  name: '跨省异地就医备案',
  department: DEPT.medicalSecurity.name,
  themes: ['医保', '老年人'],
  keywords: ['异地就医', '异地安置', '备案'],
  instant: true,
  acceptedIdTypes: ALL_IDS,
  form: [
    name,
    idNumber,
    choice('reason', '备案类型', [
      ['resettled', '异地长期居住'],
      ['worker', '常驻异地工作'],
      ['temporary', '临时外出就医'],
    ]),
    { key: 'destination', label: '就医地（省、市）', type: 'text', required: true, maxLength: 60 },
    { key: 'startDate', label: '备案开始日期', type: 'date', required: true },
  ],
  steps: [
    { name: '申请', days: 0 },
    { name: '备案', days: 0 },
  ],
  notes: '临时外出就医备案有效期 6 个月；异地长期居住备案长期有效，变更须间隔 6 个月。',
});

/** 医保关系转移接续 — the old insurance record is scanned. */
export const medicalTransfer = personItem({
  code: code(DEPT.medicalSecurity, '437011100400'),
  name: '基本医疗保险关系转移接续',
  department: DEPT.medicalSecurity.name,
  themes: ['医保', '就业创业'],
  keywords: ['医保转移', '医保转入'],
  legalDays: 45,
  promisedDays: 15,
  acceptedIdTypes: ALL_IDS,
  materials: [
    material({
      id: 'insurance-record',
      name: '参保（合）凭证',
      required: true,
      sources: ['scan'],
      pages: { min: 1, max: 2 },
    }),
  ],
  form: [name, idNumber, phone],
  steps: [{ name: '受理' }, { name: '联系转出地', days: 10 }, { name: '接续', days: 5 }],
});

/** 门诊慢特病待遇认定 — the diagnosis may follow later (容缺). */
export const chronicDisease = personItem({
  code: code(DEPT.medicalSecurity, '437011100600'),
  name: '门诊慢特病待遇认定',
  department: DEPT.medicalSecurity.name,
  kind: 'confirmation',
  themes: ['医保', '老年人'],
  keywords: ['慢性病', '门慢', '门特'],
  legalDays: 30,
  promisedDays: 20,
  materials: [
    material({
      id: 'medical-records',
      name: '近两年病历及检查报告',
      required: true,
      sources: ['scan'],
      pages: { min: 1, max: 20 },
    }),
    material({
      id: 'diagnosis',
      name: '二级以上医院诊断证明',
      required: true,
      tolerable: true,
      sources: ['scan'],
      note: '可先受理，5 个工作日内补交。',
    }),
  ],
  form: [
    name,
    idNumber,
    choice('disease', '申请病种', [
      ['hypertension', '高血压（Ⅱ级以上）'],
      ['diabetes', '糖尿病'],
      ['copd', '慢性阻塞性肺疾病'],
      ['other', '其他'],
    ]),
    phone,
  ],
  steps: [{ name: '受理' }, { name: '专家评审', days: 15 }, { name: '认定', days: 5 }],
});

/** 生育津贴申领 — the birth certificate from e-licences, or tolerated. */
export const maternityAllowance = personItem({
  code: code(DEPT.medicalSecurity, '437011100700'),
  name: '生育津贴申领',
  department: DEPT.medicalSecurity.name,
  themes: ['医保', '婚育'],
  lifeEvents: ['新生儿出生'],
  keywords: ['生育津贴', '产假工资', '生育保险'],
  legalDays: 20,
  promisedDays: 10,
  materials: [
    material({
      id: 'birth-certificate',
      name: '出生医学证明',
      required: true,
      tolerable: true,
      sources: ['e-license', 'scan'],
      licenseType: 'birth-certificate',
    }),
  ],
  form: [name, idNumber, { key: 'birthDate', label: '分娩日期', type: 'date', required: true }],
  steps: [{ name: '受理' }, { name: '审核', days: 7 }, { name: '拨付', days: 3 }],
});

/** 出生医学证明首次签发 — signed at the hospital's or the hall's health window. */
export const birthCertificate = personItem({
  code: code(DEPT.health, '437011100600'),
  name: '出生医学证明首次签发',
  department: DEPT.health.name,
  kind: 'confirmation',
  themes: ['婚育'],
  lifeEvents: ['新生儿出生'],
  keywords: ['出生证', '出生医学证明'],
  legalDays: 5,
  promisedDays: 0,
  selfService: {
    eligible: false,
    reason: '须由助产机构核对新生儿信息后现场签发。',
    windowArea: '3楼 C区 25号窗口（卫生健康）',
  },
  materials: [
    material({ id: 'birth-record', name: '分娩记录', required: true, sources: ['scan'] }),
  ],
  steps: [{ name: '受理' }, { name: '签发', days: 0 }],
  delivery: ['pickup'],
});

export const HEALTH_ITEMS: readonly ServiceItem[] = [
  medicalProof,
  birthRegistration,
  residentMedicalEnrolment,
  crossRegionMedical,
  medicalTransfer,
  chronicDisease,
  maternityAllowance,
  birthCertificate,
];

export const HEALTH_DOCUMENTS: Readonly<Record<string, string>> = {
  [medicalProof.code]: '基本医疗保险参保凭证',
};
