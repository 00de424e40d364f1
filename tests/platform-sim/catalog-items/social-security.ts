/** 社保 and 就业创业: the items of the human resources and social security bureau. */
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

/** 个人社保参保证明打印 — 秒批: printed on the spot. */
export const pensionProof: ServiceItem = {
  code: '11370100004188027P4370111001000',
  name: '个人社保参保证明打印',
  department: '济南市人力资源和社会保障局',
  audience: 'person',
  kind: 'public-service',
  themes: ['社保'],
  lifeEvents: ['求职就业', '购房'],
  keywords: ['参保证明', '社保证明', '缴费证明', '社保缴费明细'],
  legalDays: 0,
  promisedDays: 0,
  instant: true,
  fee: { free: true },
  selfService: { eligible: true },
  identity: 'card',
  acceptedIdTypes: ALL_IDS,
  materials: [],
  form: [
    name,
    idNumber,
    choice(
      'purpose',
      '证明用途',
      [
        ['housing', '购房'],
        ['school', '子女入学'],
        ['car', '购车摇号'],
        ['other', '其他'],
      ],
      false,
    ),
    {
      key: 'months',
      label: '打印缴费月数',
      type: 'number',
      required: false,
      help: '不填写则打印最近 12 个月。',
    },
  ],
  steps: [
    { name: '申请', days: 0 },
    { name: '系统核验', days: 0 },
    { name: '出具证明', days: 0 },
  ],
  delivery: ['electronic', 'pickup'],
  notes:
    '证明加盖济南市社会保险事业中心电子印章，可通过国家社会保险公共服务平台扫码验真。\n\n' +
    '仅包含在济南市参保期间的记录；外地参保记录请向参保地申请。',
  updatedAt: UPDATED,
};

/** 城乡居民基本养老保险参保登记 — completable; decided by the office within three working days. */
export const ruralPensionEnrolment: ServiceItem = {
  code: '11370100004188027P4370117002000',
  name: '城乡居民基本养老保险参保登记',
  department: '济南市人力资源和社会保障局',
  audience: 'person',
  kind: 'confirmation',
  themes: ['社保', '老年人'],
  lifeEvents: ['退休'],
  keywords: ['居民养老', '参保', '城乡居民养老保险'],
  legalDays: 15,
  promisedDays: 3,
  instant: false,
  fee: { free: true },
  selfService: { eligible: true },
  identity: 'card',
  acceptedIdTypes: ['resident-id'],
  materials: [
    material({
      id: 'household-register',
      name: '居民户口簿',
      required: false,
      sources: ['e-license', 'scan'],
      licenseType: 'household-register',
      note: '户籍地与身份证地址不一致时提供。',
    }),
  ],
  form: [
    name,
    idNumber,
    address,
    {
      ...choice(
        'contributionGrade',
        '缴费档次',
        [
          ['300', '每年 300 元'],
          ['500', '每年 500 元'],
          ['1000', '每年 1000 元'],
          ['2000', '每年 2000 元'],
        ],
        false,
      ),
      help: '不选择则按最低档次登记，以后每年可调整一次。',
    },
    phone,
  ],
  steps: [
    { name: '受理', days: 0 },
    { name: '审核', days: 2 },
    { name: '登记', days: 1 },
  ],
  delivery: ['electronic'],
  notes:
    '年满 16 周岁（不含在校学生）、非国家机关和事业单位工作人员、不属于职工基本养老保险覆盖范围的济南市户籍居民可以参保。\n\n' +
    '登记完成后请于当年 12 月 31 日前通过银行或“爱山东”缴费。',
  updatedAt: UPDATED,
};

/** 失业保险金申领 — a scanned material is required. */
export const unemployment: ServiceItem = {
  code: '11370100004188027P4370111004000',
  name: '失业保险金申领',
  department: '济南市人力资源和社会保障局',
  audience: 'person',
  kind: 'public-service',
  themes: ['社保', '就业创业'],
  lifeEvents: ['失业'],
  keywords: ['失业金', '失业保险'],
  legalDays: 20,
  promisedDays: 5,
  instant: false,
  fee: { free: true },
  selfService: { eligible: true },
  identity: 'card',
  acceptedIdTypes: ALL_IDS,
  materials: [
    material({
      id: 'termination',
      name: '解除或终止劳动关系证明',
      required: true,
      sources: ['scan'],
      pages: { min: 1, max: 3 },
    }),
  ],
  form: [name, idNumber, phone],
  steps: [{ name: '受理' }, { name: '审核', days: 4 }, { name: '发放', days: 1 }],
  delivery: ['electronic'],
  notes: '失业保险金按月发放到本人社会保障卡金融账户。',
  updatedAt: UPDATED,
};

/** 个人权益记录查询打印 — 秒批, card only. */
export const rightsRecord = personItem({
  code: code(DEPT.hrss, '4370111006000'),
  name: '社会保险个人权益记录查询打印',
  department: DEPT.hrss.name,
  themes: ['社保'],
  keywords: ['对账单', '权益单', '养老保险个人账户'],
  instant: true,
  acceptedIdTypes: ALL_IDS,
  steps: [
    { name: '申请', days: 0 },
    { name: '出具', days: 0 },
  ],
  delivery: ['electronic', 'pickup'],
  notes: '包含本年度及历年养老、失业、工伤保险缴费记录和个人账户储存额。',
});

/** 领取养老金资格认证 — instant, but only with a face check. */
export const pensionEntitlementCheck = personItem({
  code: code(DEPT.hrss, '4370111007000'),
  name: '领取养老保险待遇资格认证',
  department: DEPT.hrss.name,
  kind: 'confirmation',
  themes: ['社保', '老年人'],
  lifeEvents: ['退休'],
  keywords: ['生存认证', '年审', '养老金认证'],
  instant: true,
  identity: 'card-and-face',
  steps: [
    { name: '人证核验', days: 0 },
    { name: '认证', days: 0 },
  ],
  notes: '每 12 个月认证一次；逾期未认证的将暂停发放养老金，认证后补发。',
});

/** 社会保障卡申领 — a photo to scan, the card made and picked up or mailed. */
export const socialSecurityCard = personItem({
  code: code(DEPT.hrss, '4370111008000'),
  name: '社会保障卡申领',
  department: DEPT.hrss.name,
  themes: ['社保'],
  lifeEvents: ['新生儿出生', '求职就业'],
  keywords: ['社保卡', '第三代社保卡', '制卡'],
  legalDays: 20,
  promisedDays: 10,
  acceptedIdTypes: ALL_IDS,
  materials: [
    material({
      id: 'photo',
      name: '近期免冠白底证件照片',
      required: true,
      sources: ['scan'],
      pages: { min: 1, max: 1 },
    }),
  ],
  form: [name, idNumber, address, requiredPhone],
  steps: [{ name: '受理' }, { name: '制卡', days: 8 }, { name: '送达', days: 2 }],
  delivery: ['pickup', 'mail'],
});

/** 灵活就业人员参保登记 — a commitment replaces the proof of having no employer. */
export const flexibleEmployment = personItem({
  code: code(DEPT.hrss, '4370111009000'),
  name: '灵活就业人员职工养老保险参保登记',
  department: DEPT.hrss.name,
  kind: 'confirmation',
  themes: ['社保', '就业创业'],
  keywords: ['灵活就业', '个体参保', '自由职业'],
  legalDays: 15,
  promisedDays: 2,
  materials: [
    material({
      id: 'no-employer',
      name: '无雇工的个体工商户或非全日制从业声明',
      required: true,
      sources: ['commitment'],
      commitmentText: '本人承诺无用人单位为本人缴纳职工基本养老保险，所填信息真实有效。',
    }),
  ],
  form: [
    name,
    idNumber,
    choice('employmentType', '就业形式', [
      ['self-employed', '无雇工的个体工商户'],
      ['part-time', '非全日制从业人员'],
      ['freelance', '其他灵活就业人员'],
    ]),
    phone,
  ],
  steps: [{ name: '受理' }, { name: '审核', days: 2 }],
});

/** 就业登记 — the employer's name must be typed in. */
export const employmentRegistration = personItem({
  code: code(DEPT.hrss, '4370112001000'),
  name: '就业登记',
  department: DEPT.hrss.name,
  themes: ['就业创业'],
  lifeEvents: ['求职就业'],
  keywords: ['就业失业登记证', '就业创业证'],
  legalDays: 5,
  promisedDays: 1,
  acceptedIdTypes: ALL_IDS,
  form: [
    name,
    idNumber,
    { key: 'employer', label: '用人单位名称', type: 'text', required: true, maxLength: 100 },
    { key: 'startDate', label: '就业日期', type: 'date', required: true },
  ],
  steps: [{ name: '受理' }, { name: '登记', days: 1 }],
});

/** 创业担保贷款 — only at the window, with the business licence. */
export const startupLoan = personItem({
  code: code(DEPT.hrss, '4370112003000'),
  name: '创业担保贷款申请',
  department: DEPT.hrss.name,
  themes: ['就业创业'],
  lifeEvents: ['开办个体工商户'],
  keywords: ['创业贷款', '贴息贷款'],
  legalDays: 20,
  promisedDays: 15,
  selfService: {
    eligible: false,
    reason: '须与经办银行、担保机构现场面谈并签订借款合同。',
    windowArea: '2楼 B区 18号窗口（就业创业）',
  },
  materials: [
    material({
      id: 'business-licence',
      name: '营业执照',
      required: true,
      sources: ['e-license', 'scan'],
      licenseType: 'business-licence',
    }),
    material({ id: 'plan', name: '创业计划书', required: true, sources: ['scan'] }),
  ],
  steps: [
    { name: '受理' },
    { name: '审核', days: 5 },
    { name: '担保审查', days: 5 },
    { name: '放款', days: 5 },
  ],
  delivery: ['pickup'],
});

/** 职工退休申请 — the personnel file is checked at the window. */
export const retirement = personItem({
  code: code(DEPT.hrss, '4370111010000'),
  name: '职工基本养老保险退休申请',
  department: DEPT.hrss.name,
  kind: 'confirmation',
  themes: ['社保', '老年人'],
  lifeEvents: ['退休'],
  keywords: ['退休', '养老金核定', '退休审批'],
  legalDays: 20,
  promisedDays: 10,
  selfService: {
    eligible: false,
    reason: '须现场审核个人人事档案原件。',
    windowArea: '2楼 B区 10号窗口（社保）',
  },
  materials: [material({ id: 'archive', name: '个人人事档案', required: true, sources: ['scan'] })],
  steps: [{ name: '受理' }, { name: '档案审核', days: 7 }, { name: '待遇核定', days: 3 }],
  delivery: ['pickup'],
});

export const SOCIAL_SECURITY_ITEMS: readonly ServiceItem[] = [
  pensionProof,
  ruralPensionEnrolment,
  unemployment,
  rightsRecord,
  pensionEntitlementCheck,
  socialSecurityCard,
  flexibleEmployment,
  employmentRegistration,
  startupLoan,
  retirement,
];

export const SOCIAL_SECURITY_DOCUMENTS: Readonly<Record<string, string>> = {
  [pensionProof.code]: '个人社保参保证明',
  [rightsRecord.code]: '社会保险个人权益记录',
};
