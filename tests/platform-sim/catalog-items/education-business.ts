/** 教育, 就业创业 and 市场监管: the education bureau and market regulation (people and enterprises). */
import type { ServiceItem } from '../../../electron/host/platform/types';
import {
  ALL_IDS,
  DEPT,
  choice,
  code,
  idNumber,
  material,
  name,
  personItem,
  phone,
  requiredPhone,
} from './common';

/** 义务教育入学登记 — household register and property from e-licences; the child's details typed. */
export const schoolEnrolment = personItem({
  code: code(DEPT.education, '437011700100'),
  name: '义务教育阶段新生入学登记',
  department: DEPT.education.name,
  themes: ['教育'],
  lifeEvents: ['子女入学'],
  keywords: ['小学报名', '初中报名', '入学登记', '划片'],
  legalDays: 20,
  promisedDays: 15,
  materials: [
    material({
      id: 'household-register',
      name: '居民户口簿',
      required: true,
      sources: ['e-license', 'scan'],
      licenseType: 'household-register',
    }),
    material({
      id: 'property',
      name: '不动产权证书或租赁备案证明',
      required: true,
      sources: ['e-license', 'scan'],
      licenseType: 'property-right',
    }),
  ],
  form: [
    name,
    idNumber,
    { key: 'childName', label: '儿童姓名', type: 'text', required: true, maxLength: 20 },
    {
      key: 'childIdNumber',
      label: '儿童身份号码',
      type: 'text',
      required: true,
      pattern: '^[0-9]{17}[0-9X]$',
    },
    choice('stage', '入学阶段', [
      ['primary', '小学一年级'],
      ['junior', '初中一年级'],
    ]),
    requiredPhone,
  ],
  steps: [{ name: '登记' }, { name: '审核', days: 10 }, { name: '分配学位', days: 5 }],
  notes: '学位分配结果将通过短信通知，请留意“泉城义教”公众号。',
});

/** 教师资格认定 — the degree from e-licences, the health check scanned, a conduct commitment. */
export const teacherQualification = personItem({
  code: code(DEPT.education, '437011700200'),
  name: '教师资格认定',
  department: DEPT.education.name,
  kind: 'licence',
  themes: ['教育', '就业创业'],
  keywords: ['教师资格证', '认定'],
  legalDays: 60,
  promisedDays: 20,
  acceptedIdTypes: ALL_IDS,
  materials: [
    material({
      id: 'degree',
      name: '学历证书',
      required: true,
      sources: ['e-license', 'scan'],
      licenseType: 'degree',
    }),
    material({
      id: 'health-check',
      name: '教师资格认定体检表',
      required: true,
      sources: ['scan'],
      pages: { min: 1, max: 2 },
    }),
    material({
      id: 'conduct',
      name: '思想品德情况鉴定',
      required: true,
      sources: ['commitment'],
      commitmentText: '本人承诺遵守宪法和法律，热爱教育事业，无违法犯罪记录。',
    }),
  ],
  form: [
    name,
    idNumber,
    choice('level', '资格种类', [
      ['kindergarten', '幼儿园'],
      ['primary', '小学'],
      ['junior', '初级中学'],
      ['senior', '高级中学'],
    ]),
    { key: 'subject', label: '任教学科', type: 'text', required: true, maxLength: 20 },
    phone,
  ],
  steps: [{ name: '受理' }, { name: '审查', days: 15 }, { name: '决定', days: 5 }],
  delivery: ['pickup', 'mail'],
});

/** 个体工商户设立登记 — a person starting a business; the premises by commitment. */
export const individualBusiness = personItem({
  code: code(DEPT.market, '437011800100'),
  name: '个体工商户设立登记',
  department: DEPT.market.name,
  kind: 'licence',
  themes: ['就业创业', '市场监管'],
  lifeEvents: ['开办个体工商户'],
  keywords: ['个体户', '营业执照', '开店'],
  legalDays: 15,
  promisedDays: 1,
  materials: [
    material({
      id: 'premises',
      name: '经营场所使用证明',
      required: true,
      sources: ['commitment', 'scan'],
      commitmentText: '本人承诺对经营场所享有合法使用权，所填住所信息真实。',
    }),
  ],
  form: [
    name,
    idNumber,
    { key: 'businessName', label: '个体工商户名称', type: 'text', required: true, maxLength: 50 },
    { key: 'scope', label: '经营范围', type: 'textarea', required: true, maxLength: 300 },
    { key: 'premisesAddress', label: '经营场所', type: 'address', required: true, maxLength: 120 },
    requiredPhone,
  ],
  steps: [{ name: '受理' }, { name: '核准', days: 1 }, { name: '发照' }],
  delivery: ['electronic', 'pickup'],
});

/** 企业登记事项变更 — for enterprises (the terminal's resident list does not show it). */
export const enterpriseChange = personItem({
  code: code(DEPT.market, '437011800200'),
  name: '企业登记事项变更（住所、经营范围）',
  department: DEPT.market.name,
  audience: 'enterprise',
  kind: 'licence',
  themes: ['市场监管'],
  keywords: ['变更登记', '企业变更', '迁址'],
  legalDays: 15,
  promisedDays: 1,
  materials: [
    material({
      id: 'resolution',
      name: '股东会决议或决定',
      required: true,
      sources: ['scan'],
    }),
  ],
  form: [
    name,
    idNumber,
    {
      key: 'creditCode',
      label: '统一社会信用代码',
      type: 'text',
      required: true,
      pattern: '^[0-9A-Z]{18}$',
    },
  ],
  steps: [{ name: '受理' }, { name: '核准', days: 1 }],
  delivery: ['electronic'],
});

/** 食品经营许可证延续 — for enterprises; inspected on site. */
export const foodLicenceRenewal = personItem({
  code: code(DEPT.market, '437011800300'),
  name: '食品经营许可证延续',
  department: DEPT.market.name,
  audience: 'enterprise',
  kind: 'licence',
  themes: ['市场监管'],
  keywords: ['食品经营许可', '延续', '餐饮许可'],
  legalDays: 20,
  promisedDays: 10,
  selfService: {
    eligible: false,
    reason: '企业事项须由法定代表人或委托代理人在企业服务专区办理。',
    windowArea: '3楼 企业服务专区',
  },
  form: [name, idNumber],
  steps: [{ name: '受理' }, { name: '现场核查', days: 7 }, { name: '决定', days: 3 }],
  delivery: ['pickup', 'electronic'],
});

export const EDUCATION_BUSINESS_ITEMS: readonly ServiceItem[] = [
  schoolEnrolment,
  teacherQualification,
  individualBusiness,
  enterpriseChange,
  foodLicenceRenewal,
];
