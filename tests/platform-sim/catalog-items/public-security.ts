/** 户籍, 出入境 and 交通出行: the public security bureau and its exit-entry and traffic police. */
import type { ServiceItem } from '../../../electron/host/platform/types';
import { DEPT, UPDATED, choice, code, idNumber, material, name, personItem, phone } from './common';

/** 户口迁移（投靠） — only at the police window. */
export const householdMove: ServiceItem = {
  code: '11370100004186732J437012000100',
  name: '户口迁入（投靠亲属）',
  department: '济南市公安局',
  audience: 'person',
  kind: 'licence',
  themes: ['户籍'],
  lifeEvents: ['结婚', '投靠亲属'],
  keywords: ['落户', '迁户口', '投靠'],
  legalDays: 20,
  promisedDays: 10,
  instant: false,
  fee: { free: true },
  selfService: {
    eligible: false,
    reason: '须由民警核验户口簿、亲属关系证明原件并现场采集照片。',
    windowArea: '1楼 A区 3号窗口（公安户籍）',
  },
  identity: 'card',
  acceptedIdTypes: ['resident-id'],
  materials: [
    material({ id: 'household-register', name: '居民户口簿', required: true, sources: ['scan'] }),
    material({
      id: 'relationship',
      name: '亲属关系证明',
      required: true,
      sources: ['scan', 'e-license'],
    }),
  ],
  form: [name, idNumber],
  steps: [{ name: '受理' }, { name: '审核', days: 8 }, { name: '审批', days: 2 }, { name: '办结' }],
  delivery: ['pickup'],
  updatedAt: UPDATED,
};

/** 往来港澳通行证再次签注 — face check and a fee. */
export const hkMacauEndorsement: ServiceItem = {
  code: '11370100004186732J437014100200',
  name: '往来港澳通行证再次签注',
  department: '济南市公安局出入境管理支队',
  audience: 'person',
  kind: 'licence',
  themes: ['出入境'],
  keywords: ['港澳签注', '再次签注', '旅游签注'],
  legalDays: 7,
  promisedDays: 0,
  instant: true,
  fee: {
    free: false,
    amountFen: 1500,
    basis: '《国家发展改革委 财政部关于出入境证件收费标准的通知》（发改价格〔2019〕1381号）',
  },
  selfService: { eligible: true },
  identity: 'card-and-face',
  acceptedIdTypes: ['resident-id'],
  materials: [],
  form: [
    name,
    idNumber,
    choice('endorsementType', '签注种类', [
      ['hk-1', '香港一次旅游'],
      ['mo-1', '澳门一次旅游'],
    ]),
  ],
  steps: [{ name: '人证核验' }, { name: '缴费' }, { name: '签注' }],
  delivery: ['pickup'],
  notes: '须持有效的电子往来港澳通行证，签注当场写入证件。',
  updatedAt: UPDATED,
};

/** 户籍证明 — 秒批, card only. */
export const householdProof = personItem({
  code: code(DEPT.police, '437012000300'),
  name: '户籍证明开具',
  department: DEPT.police.name,
  kind: 'confirmation',
  themes: ['户籍'],
  keywords: ['户口证明', '户籍信息证明'],
  instant: true,
  steps: [
    { name: '申请', days: 0 },
    { name: '核验', days: 0 },
    { name: '出具', days: 0 },
  ],
  delivery: ['electronic', 'pickup'],
  notes: '证明本人当前户籍登记信息；亲属关系、曾用名等证明请到派出所办理。',
});

/** 居民身份证换领 — photo and fingerprints are taken at the window; a fee. */
export const idCardRenewal = personItem({
  code: code(DEPT.police, '437012000400'),
  name: '居民身份证换领（有效期满）',
  department: DEPT.police.name,
  kind: 'licence',
  themes: ['户籍'],
  keywords: ['身份证到期', '换身份证', '身份证换证'],
  legalDays: 60,
  promisedDays: 20,
  fee: {
    free: false,
    amountFen: 2000,
    basis:
      '《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）',
  },
  selfService: {
    eligible: false,
    reason: '须现场采集人像和指纹信息。',
    windowArea: '1楼 A区 1号窗口（公安户籍）',
  },
  steps: [{ name: '受理' }, { name: '制证', days: 18 }, { name: '领证', days: 2 }],
  delivery: ['pickup', 'mail'],
});

/** 居住证签注 — the proof of residence is scanned. */
export const residencePermitEndorsement = personItem({
  code: code(DEPT.police, '437012000500'),
  name: '居住证签注',
  department: DEPT.police.name,
  kind: 'licence',
  themes: ['户籍'],
  keywords: ['居住证', '签注', '续签'],
  legalDays: 15,
  promisedDays: 5,
  materials: [
    material({
      id: 'residence-proof',
      name: '居住证明（租赁合同或房产证明）',
      required: true,
      sources: ['scan', 'e-license'],
      licenseType: 'property-right',
    }),
  ],
  form: [
    name,
    idNumber,
    {
      key: 'residenceAddress',
      label: '现居住地址',
      type: 'address',
      required: true,
      maxLength: 120,
    },
  ],
  steps: [{ name: '受理' }, { name: '核查', days: 4 }, { name: '签注', days: 1 }],
  delivery: ['pickup'],
});

/** 新生儿入户 — licences from e-licences; the baby's details are typed in. */
export const newbornHousehold = personItem({
  code: code(DEPT.police, '437012000600'),
  name: '新生儿出生登记（入户）',
  department: DEPT.police.name,
  kind: 'licence',
  themes: ['户籍', '婚育'],
  lifeEvents: ['新生儿出生'],
  keywords: ['报户口', '新生儿落户', '上户口'],
  legalDays: 10,
  promisedDays: 3,
  identity: 'card-and-face',
  materials: [
    material({
      id: 'birth-certificate',
      name: '出生医学证明',
      required: true,
      sources: ['e-license', 'scan'],
      licenseType: 'birth-certificate',
    }),
    material({
      id: 'household-register',
      name: '父母一方的居民户口簿',
      required: true,
      sources: ['e-license', 'scan'],
      licenseType: 'household-register',
    }),
    material({
      id: 'marriage',
      name: '父母结婚证',
      required: false,
      tolerable: true,
      sources: ['e-license', 'scan'],
      licenseType: 'marriage',
    }),
  ],
  form: [
    name,
    idNumber,
    { key: 'babyName', label: '新生儿姓名', type: 'text', required: true, maxLength: 20 },
    choice('babySex', '新生儿性别', [
      ['1', '男'],
      ['2', '女'],
    ]),
    { key: 'babyBirthDate', label: '出生日期', type: 'date', required: true },
  ],
  steps: [{ name: '受理' }, { name: '审核', days: 2 }, { name: '登记', days: 1 }],
  delivery: ['pickup', 'mail'],
});

/** 普通护照签发 — photo and fingerprints at the exit-entry window; a fee. */
export const passport = personItem({
  code: code(DEPT.exitEntry, '437014100100'),
  name: '普通护照签发',
  department: DEPT.exitEntry.name,
  kind: 'licence',
  themes: ['出入境'],
  keywords: ['护照', '办护照', '出国'],
  legalDays: 7,
  promisedDays: 7,
  fee: {
    free: false,
    amountFen: 12000,
    basis: '《国家发展改革委 财政部关于出入境证件收费标准的通知》（发改价格〔2019〕1381号）',
  },
  selfService: {
    eligible: false,
    reason: '须现场采集人像、指纹和签名。',
    windowArea: '1楼 E区 出入境窗口',
  },
  steps: [{ name: '受理' }, { name: '审批', days: 5 }, { name: '制证', days: 2 }],
  delivery: ['pickup', 'mail'],
});

/** 往来台湾通行证签注 — face check and a fee. */
export const taiwanEndorsement = personItem({
  code: code(DEPT.exitEntry, '437014100300'),
  name: '往来台湾通行证团队旅游签注',
  department: DEPT.exitEntry.name,
  kind: 'licence',
  themes: ['出入境'],
  keywords: ['赴台签注', '台湾签注'],
  legalDays: 7,
  promisedDays: 0,
  instant: true,
  fee: {
    free: false,
    amountFen: 1500,
    basis: '《国家发展改革委 财政部关于出入境证件收费标准的通知》（发改价格〔2019〕1381号）',
  },
  identity: 'card-and-face',
  steps: [{ name: '人证核验' }, { name: '缴费' }, { name: '签注' }],
  delivery: ['pickup'],
});

/** 驾驶证期满换证 — the health check is scanned, a face check, a fee. */
export const driverLicenceRenewal = personItem({
  code: code(DEPT.traffic, '437013000100'),
  name: '机动车驾驶证有效期满换证',
  department: DEPT.traffic.name,
  kind: 'licence',
  themes: ['交通出行'],
  keywords: ['驾照到期', '换驾照', '驾驶证换证'],
  legalDays: 1,
  promisedDays: 1,
  fee: {
    free: false,
    amountFen: 1000,
    basis:
      '《国家发展改革委 财政部关于公安交通管理收费标准及有关问题的通知》（发改价格〔2004〕2831号）',
  },
  identity: 'card-and-face',
  materials: [
    material({
      id: 'health-check',
      name: '机动车驾驶人身体条件证明',
      required: true,
      sources: ['e-license', 'scan'],
      licenseType: 'driver-health',
    }),
  ],
  form: [name, idNumber, phone],
  steps: [{ name: '受理' }, { name: '制证', days: 1 }],
  delivery: ['pickup', 'mail'],
});

/** 交通违法记录查询打印 — 秒批, card only. */
export const trafficRecord = personItem({
  code: code(DEPT.traffic, '437013000200'),
  name: '驾驶人交通违法记录查询打印',
  department: DEPT.traffic.name,
  themes: ['交通出行'],
  keywords: ['违章记录', '无违法证明', '驾驶记录'],
  instant: true,
  steps: [
    { name: '申请', days: 0 },
    { name: '出具', days: 0 },
  ],
  delivery: ['electronic', 'pickup'],
});

export const PUBLIC_SECURITY_ITEMS: readonly ServiceItem[] = [
  householdMove,
  hkMacauEndorsement,
  householdProof,
  idCardRenewal,
  residencePermitEndorsement,
  newbornHousehold,
  passport,
  taiwanEndorsement,
  driverLicenceRenewal,
  trafficRecord,
];

export const PUBLIC_SECURITY_DOCUMENTS: Readonly<Record<string, string>> = {
  [householdProof.code]: '户籍证明',
  [trafficRecord.code]: '驾驶人交通违法记录',
};
