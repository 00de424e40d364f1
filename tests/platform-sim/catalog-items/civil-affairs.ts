/** 民政, 老年人 and 残疾人: civil affairs, the health commission's senior services, the disabled persons' federation. */
import type { ServiceItem } from '../../../electron/host/platform/types';
import {
  ALL_IDS,
  DEPT,
  UPDATED,
  address,
  choice,
  code,
  idNumber,
  material,
  name,
  personItem,
  phone,
  requiredPhone,
} from './common';

/** 老年人优待证申领 — completable; the card is made and picked up or mailed. */
export const seniorCard: ServiceItem = {
  code: '11370100MB28537891437011100300',
  name: '老年人优待证申领',
  department: '济南市卫生健康委员会',
  audience: 'person',
  kind: 'public-service',
  themes: ['老年人', '民政'],
  lifeEvents: ['退休'],
  keywords: ['优待证', '老年证', '免费乘车'],
  legalDays: 20,
  promisedDays: 5,
  instant: false,
  fee: { free: true },
  selfService: { eligible: true },
  identity: 'card',
  acceptedIdTypes: ALL_IDS,
  materials: [
    material({
      id: 'photo',
      name: '近期免冠照片',
      required: false,
      tolerable: true,
      sources: ['scan'],
      note: '不提供时使用身份证照片制证。',
    }),
  ],
  form: [name, idNumber, address, phone],
  steps: [
    { name: '受理', days: 0 },
    { name: '审核', days: 2 },
    { name: '制证', days: 3 },
    { name: '送达' },
  ],
  delivery: ['pickup', 'mail'],
  notes:
    '年满 60 周岁的老年人可以申领，凭证享受公园、景区门票减免和公交优待。\n\n' +
    '选择邮寄的，制证后由 EMS 免费寄送到户籍地址。',
  updatedAt: UPDATED,
};

/** 最低生活保障申请 — needs scanned materials and a signed commitment. */
export const minimumLiving: ServiceItem = {
  code: '11370100004188123M437011500100',
  name: '最低生活保障申请',
  department: '济南市民政局',
  audience: 'person',
  kind: 'confirmation',
  themes: ['民政'],
  keywords: ['低保', '困难救助'],
  legalDays: 30,
  promisedDays: 20,
  instant: false,
  fee: { free: true },
  selfService: { eligible: true },
  identity: 'card',
  acceptedIdTypes: ['resident-id'],
  materials: [
    material({
      id: 'household-register',
      name: '居民户口簿',
      required: true,
      sources: ['e-license', 'scan'],
      licenseType: 'household-register',
    }),
    material({
      id: 'bank-card',
      name: '本人银行卡（正面）',
      required: true,
      sources: ['scan'],
      pages: { min: 1, max: 1 },
    }),
    material({
      id: 'income-statement',
      name: '家庭经济状况声明',
      required: true,
      sources: ['commitment'],
      commitmentText:
        '本人承诺所填报的家庭成员、收入和财产情况真实完整，如有隐瞒愿承担相应法律责任。',
    }),
  ],
  form: [
    name,
    idNumber,
    address,
    { key: 'familySize', label: '共同生活家庭成员人数', type: 'number', required: true },
    { key: 'monthlyIncome', label: '家庭月总收入（元）', type: 'number', required: true },
  ],
  steps: [
    { name: '受理', days: 0 },
    { name: '入户调查', days: 10 },
    { name: '民主评议', days: 5 },
    { name: '审批', days: 5 },
  ],
  delivery: ['pickup', 'mail'],
  notes: '街道（乡镇）将在 10 个工作日内入户调查，请保持电话畅通。',
  updatedAt: UPDATED,
};

/** 婚姻登记记录证明 — 秒批, card only. */
export const marriageRecord = personItem({
  code: code(DEPT.civilAffairs, '437011500300'),
  name: '婚姻登记记录证明出具',
  department: DEPT.civilAffairs.name,
  themes: ['婚育', '民政'],
  lifeEvents: ['购房', '结婚'],
  keywords: ['婚姻状况证明', '未婚证明', '婚姻登记记录'],
  instant: true,
  steps: [
    { name: '申请', days: 0 },
    { name: '出具', days: 0 },
  ],
  delivery: ['electronic', 'pickup'],
  notes: '证明本人在全国婚姻登记信息系统中的登记记录；不能证明未在境外办理婚姻登记。',
});

/** 高龄津贴申领 — the bank account for the allowance must be typed in. */
export const oldAgeAllowance = personItem({
  code: code(DEPT.civilAffairs, '437011500400'),
  name: '80 周岁以上老年人高龄津贴申领',
  department: DEPT.civilAffairs.name,
  themes: ['老年人', '民政'],
  keywords: ['高龄补贴', '长寿金', '百岁老人'],
  legalDays: 20,
  promisedDays: 10,
  form: [
    name,
    idNumber,
    address,
    {
      key: 'bankAccount',
      label: '收款银行卡号',
      type: 'text',
      required: true,
      pattern: '^[0-9]{16,19}$',
    },
    requiredPhone,
  ],
  steps: [{ name: '受理' }, { name: '街道审核', days: 5 }, { name: '区民政局审批', days: 5 }],
  notes: '津贴自批准的次月起按月发放。',
});

/** 残疾人两项补贴 — the disability certificate from e-licences, and a commitment on income. */
export const disabilitySubsidy = personItem({
  code: code(DEPT.civilAffairs, '437011500500'),
  name: '困难残疾人生活补贴和重度残疾人护理补贴申请',
  department: DEPT.civilAffairs.name,
  themes: ['残疾人', '民政'],
  keywords: ['两项补贴', '护理补贴', '残疾人补贴'],
  legalDays: 30,
  promisedDays: 15,
  materials: [
    material({
      id: 'disability-certificate',
      name: '中华人民共和国残疾人证',
      required: true,
      sources: ['e-license', 'scan'],
      licenseType: 'disability',
    }),
    material({
      id: 'income-commitment',
      name: '家庭经济状况承诺书',
      required: true,
      sources: ['commitment'],
      commitmentText: '本人承诺家庭经济状况属实，同意民政部门依法核对家庭收入和财产。',
    }),
  ],
  form: [name, idNumber, address, phone],
  steps: [{ name: '受理' }, { name: '审核', days: 10 }, { name: '审批', days: 5 }],
});

/** 残疾人证换领 — a new assessment is done in person. */
export const disabilityCardRenewal = personItem({
  code: code(DEPT.disabled, '437011600100'),
  name: '残疾人证换领',
  department: DEPT.disabled.name,
  kind: 'confirmation',
  themes: ['残疾人'],
  keywords: ['残疾证', '换证', '残疾评定'],
  legalDays: 30,
  promisedDays: 20,
  selfService: {
    eligible: false,
    reason: '须到指定医院重新进行残疾评定并现场采集照片。',
    windowArea: '1楼 D区 残联服务窗口',
  },
  materials: [
    material({
      id: 'old-certificate',
      name: '原残疾人证',
      required: true,
      sources: ['e-license', 'scan'],
      licenseType: 'disability',
    }),
  ],
  steps: [{ name: '受理' }, { name: '评定', days: 15 }, { name: '制证', days: 5 }],
  delivery: ['pickup'],
});

/** 临时救助 — a commitment, and an expense proof that may come later. */
export const temporaryAssistance = personItem({
  code: code(DEPT.civilAffairs, '437011500600'),
  name: '临时救助申请',
  department: DEPT.civilAffairs.name,
  themes: ['民政'],
  keywords: ['急难救助', '临时困难'],
  legalDays: 15,
  promisedDays: 5,
  acceptedIdTypes: ALL_IDS,
  materials: [
    material({
      id: 'hardship-commitment',
      name: '困难情况承诺书',
      required: true,
      sources: ['commitment'],
      commitmentText: '本人承诺所述困难情况属实，如有虚报愿退还救助金并承担相应责任。',
    }),
    material({
      id: 'expense-proof',
      name: '医疗费用票据等支出证明',
      required: true,
      tolerable: true,
      sources: ['scan'],
    }),
  ],
  form: [
    name,
    idNumber,
    { key: 'situation', label: '困难情况说明', type: 'textarea', required: true, maxLength: 500 },
    requiredPhone,
  ],
  steps: [{ name: '受理' }, { name: '审核', days: 3 }, { name: '发放', days: 2 }],
  delivery: ['electronic'],
});

/** 老年人能力评估 — who is assessed and why must be chosen. */
export const elderlyAssessment = personItem({
  code: code(DEPT.civilAffairs, '437011500700'),
  name: '老年人能力评估申请',
  department: DEPT.civilAffairs.name,
  themes: ['老年人'],
  keywords: ['能力评估', '长期护理', '养老服务补贴'],
  legalDays: 20,
  promisedDays: 15,
  form: [
    name,
    idNumber,
    choice('purpose', '评估用途', [
      ['care-subsidy', '申请养老服务补贴'],
      ['nursing-home', '入住养老机构'],
      ['home-care', '居家养老服务'],
    ]),
    requiredPhone,
  ],
  steps: [{ name: '受理' }, { name: '上门评估', days: 10 }, { name: '出具结论', days: 5 }],
  delivery: ['pickup', 'mail'],
});

export const CIVIL_AFFAIRS_ITEMS: readonly ServiceItem[] = [
  seniorCard,
  minimumLiving,
  marriageRecord,
  oldAgeAllowance,
  disabilitySubsidy,
  disabilityCardRenewal,
  temporaryAssistance,
  elderlyAssessment,
];

export const CIVIL_AFFAIRS_DOCUMENTS: Readonly<Record<string, string>> = {
  [marriageRecord.code]: '婚姻登记记录证明',
};
