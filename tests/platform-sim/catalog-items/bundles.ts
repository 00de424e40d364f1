/**
 * 一件事一次办: life events served as one submission that several departments work on. The bundle
 * is an item of its own whose `bundle` names the items it replaces; the materials are the union
 * of theirs, asked once.
 */
import type { ServiceItem } from '../../../electron/host/platform/types';
import { choice, code, DEPT, idNumber, material, name, personItem, requiredPhone } from './common';
import { residentMedicalEnrolment, birthCertificate } from './health';
import { seniorCard } from './civil-affairs';
import { newbornHousehold } from './public-security';
import { retirement, socialSecurityCard } from './social-security';

/** 新生儿出生一件事 — birth certificate, household registration, medical insurance, social security card. */
export const newbornBundle = personItem({
  code: code(DEPT.approval, '437019900100'),
  name: '新生儿出生“一件事”',
  department: DEPT.approval.name,
  themes: ['婚育', '户籍', '医保'],
  lifeEvents: ['新生儿出生'],
  keywords: ['出生一件事', '新生儿', '落户', '出生证'],
  legalDays: 20,
  promisedDays: 5,
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
      required: true,
      tolerable: true,
      sources: ['e-license', 'scan', 'commitment'],
      licenseType: 'marriage',
      commitmentText: '本人承诺与新生儿另一方父（母）亲为合法婚姻关系。',
    }),
    material({
      id: 'baby-photo',
      name: '新生儿白底照片（社保卡用）',
      required: false,
      sources: ['scan'],
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
    requiredPhone,
  ],
  steps: [
    { name: '受理', days: 0 },
    { name: '出生医学证明', days: 1 },
    { name: '户口登记', days: 2 },
    { name: '医保参保', days: 1 },
    { name: '社保卡制卡', days: 1 },
  ],
  delivery: ['pickup', 'mail'],
  notes: '一次提交，由卫生健康、公安、医保、人社部门并联办理；结果分别送达。',
  bundle: [
    birthCertificate.code,
    newbornHousehold.code,
    residentMedicalEnrolment.code,
    socialSecurityCard.code,
  ],
});

/** 退休一件事 — retirement, medical insurance for retirees, the senior card; the file is checked at a window. */
export const retirementBundle = personItem({
  code: code(DEPT.approval, '437019900200'),
  name: '退休“一件事”',
  department: DEPT.approval.name,
  themes: ['社保', '老年人'],
  lifeEvents: ['退休'],
  keywords: ['退休一件事', '退休手续', '养老金'],
  legalDays: 20,
  promisedDays: 10,
  selfService: {
    eligible: false,
    reason: '须现场审核人事档案原件。',
    windowArea: '2楼 B区 “一件事”综合窗口',
  },
  materials: [material({ id: 'archive', name: '个人人事档案', required: true, sources: ['scan'] })],
  steps: [
    { name: '受理' },
    { name: '退休审批', days: 7 },
    { name: '待遇核定', days: 2 },
    { name: '优待证制证', days: 1 },
  ],
  delivery: ['pickup', 'mail'],
  bundle: [retirement.code, seniorCard.code],
});

export const BUNDLE_ITEMS: readonly ServiceItem[] = [newbornBundle, retirementBundle];
