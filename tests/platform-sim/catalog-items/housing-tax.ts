/** 公积金, 不动产 and 税务: the housing provident fund, real-estate registration and taxation. */
import type { ServiceItem } from '../../../electron/host/platform/types';
import { DEPT, UPDATED, choice, code, idNumber, material, name, personItem, phone } from './common';

/** 住房公积金缴存证明 — needs a face check. */
export const housingFundProof: ServiceItem = {
  code: '12370100495571234K437011200100',
  name: '住房公积金缴存证明出具',
  department: '济南住房公积金中心',
  audience: 'person',
  kind: 'public-service',
  themes: ['公积金'],
  lifeEvents: ['购房'],
  keywords: ['公积金证明', '缴存证明'],
  legalDays: 0,
  promisedDays: 0,
  instant: true,
  fee: { free: true },
  selfService: { eligible: true },
  identity: 'card-and-face',
  acceptedIdTypes: ['resident-id'],
  materials: [],
  form: [name, idNumber],
  steps: [
    { name: '人证核验', days: 0 },
    { name: '出具证明', days: 0 },
  ],
  delivery: ['pickup', 'electronic'],
  notes: '涉及账户资金信息，须现场刷脸核验本人身份。',
  updatedAt: UPDATED,
};

/** 租房提取公积金 — a commitment instead of the lease; face check for money leaving the account. */
export const fundRentWithdrawal = personItem({
  code: code(DEPT.housingFund, '437011200200'),
  name: '租赁住房提取住房公积金',
  department: DEPT.housingFund.name,
  themes: ['公积金'],
  keywords: ['租房提取', '公积金提取', '付房租'],
  legalDays: 5,
  promisedDays: 1,
  identity: 'card-and-face',
  materials: [
    material({
      id: 'no-housing-commitment',
      name: '本人及配偶在本市无自有住房承诺',
      required: true,
      sources: ['commitment'],
      commitmentText: '本人承诺本人及配偶在本市无自有住房，如有不实愿退回提取资金并承担相应责任。',
    }),
  ],
  form: [
    name,
    idNumber,
    {
      key: 'bankAccount',
      label: '本人银行卡号',
      type: 'text',
      required: true,
      pattern: '^[0-9]{16,19}$',
    },
  ],
  steps: [{ name: '受理' }, { name: '审核', days: 1 }, { name: '转账' }],
});

/** 公积金异地转移接续 — where it comes from must be chosen. */
export const fundTransfer = personItem({
  code: code(DEPT.housingFund, '437011200300'),
  name: '住房公积金异地转移接续',
  department: DEPT.housingFund.name,
  themes: ['公积金', '就业创业'],
  keywords: ['公积金转移', '公积金转入'],
  legalDays: 15,
  promisedDays: 5,
  form: [
    name,
    idNumber,
    { key: 'fromCity', label: '转出地公积金中心', type: 'text', required: true, maxLength: 60 },
    phone,
  ],
  steps: [{ name: '受理' }, { name: '联系转出地', days: 4 }, { name: '转入', days: 1 }],
});

/** 不动产登记资料查询 — 秒批, card only (one's own property). */
export const propertyRecordQuery = personItem({
  code: code(DEPT.realEstate, '437011300100'),
  name: '不动产登记资料查询（权利人本人）',
  department: DEPT.realEstate.name,
  themes: ['不动产'],
  lifeEvents: ['购房', '子女入学'],
  keywords: ['房产查询', '有房证明', '无房证明', '不动产查询'],
  instant: true,
  form: [
    name,
    idNumber,
    choice(
      'purpose',
      '查询用途',
      [
        ['school', '子女入学'],
        ['loan', '贷款'],
        ['purchase', '购房资格'],
        ['other', '其他'],
      ],
      false,
    ),
  ],
  steps: [
    { name: '申请', days: 0 },
    { name: '出具结果', days: 0 },
  ],
  delivery: ['electronic', 'pickup'],
  notes: '查询结果为本人名下在本市登记的不动产；查询他人名下不动产须持相关证明到窗口办理。',
});

/** 不动产权证书补证 — at the window, with a fee. */
export const propertyCertificateReplacement = personItem({
  code: code(DEPT.realEstate, '437011300200'),
  name: '不动产权证书遗失补证',
  department: DEPT.realEstate.name,
  kind: 'licence',
  themes: ['不动产'],
  keywords: ['房产证丢失', '补办房产证'],
  legalDays: 30,
  promisedDays: 15,
  fee: {
    free: false,
    amountFen: 1000,
    basis:
      '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号），证书工本费',
  },
  selfService: {
    eligible: false,
    reason: '须现场提交遗失声明并经公告期满后补发。',
    windowArea: '2楼 A区 不动产登记窗口',
  },
  materials: [
    material({ id: 'loss-statement', name: '遗失声明', required: true, sources: ['scan'] }),
  ],
  steps: [
    { name: '受理' },
    { name: '公告', days: 10 },
    { name: '登簿', days: 4 },
    { name: '发证', days: 1 },
  ],
  delivery: ['pickup'],
});

/** 个人所得税纳税记录 — 秒批, card only. */
export const taxRecord = personItem({
  code: code(DEPT.tax, '437011400100'),
  name: '个人所得税纳税记录开具',
  department: DEPT.tax.name,
  kind: 'other',
  themes: ['税务'],
  lifeEvents: ['购房', '求职就业'],
  keywords: ['完税证明', '纳税证明', '个税记录'],
  instant: true,
  form: [
    name,
    idNumber,
    {
      key: 'fromMonth',
      label: '起始月份',
      type: 'text',
      required: false,
      pattern: '^[0-9]{4}-[0-9]{2}$',
      help: '如 2025-01；不填写则开具最近 12 个月。',
    },
  ],
  steps: [
    { name: '申请', days: 0 },
    { name: '开具', days: 0 },
  ],
  delivery: ['electronic', 'pickup'],
});

/** 契税申报 — the property certificate from e-licences, a commitment on the family's homes. */
export const deedTax = personItem({
  code: code(DEPT.tax, '437011400200'),
  name: '个人购房契税申报',
  department: DEPT.tax.name,
  kind: 'other',
  themes: ['税务', '不动产'],
  lifeEvents: ['购房'],
  keywords: ['契税', '首套房契税', '房产税'],
  legalDays: 5,
  promisedDays: 1,
  materials: [
    material({
      id: 'contract',
      name: '商品房买卖合同（网签）',
      required: true,
      sources: ['e-license', 'scan'],
      licenseType: 'property-contract',
    }),
    material({
      id: 'family-homes',
      name: '家庭住房套数承诺',
      required: true,
      sources: ['commitment'],
      commitmentText: '本人承诺所申报的家庭住房套数真实，如有不实愿补缴税款并承担相应责任。',
    }),
  ],
  form: [
    name,
    idNumber,
    { key: 'price', label: '成交价格（元）', type: 'number', required: true },
    { key: 'area', label: '建筑面积（平方米）', type: 'number', required: true },
  ],
  steps: [{ name: '申报' }, { name: '审核', days: 1 }, { name: '缴税' }],
});

export const HOUSING_TAX_ITEMS: readonly ServiceItem[] = [
  housingFundProof,
  fundRentWithdrawal,
  fundTransfer,
  propertyRecordQuery,
  propertyCertificateReplacement,
  taxRecord,
  deedTax,
];

export const HOUSING_TAX_DOCUMENTS: Readonly<Record<string, string>> = {
  [housingFundProof.code]: '住房公积金缴存证明',
  [propertyRecordQuery.code]: '不动产登记信息查询结果',
  [taxRecord.code]: '个人所得税纳税记录',
};
