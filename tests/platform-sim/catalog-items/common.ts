/**
 * Building blocks of the simulated catalog: departments (invented unified social credit codes),
 * the form fields every item shares, and defaults the platform spells out. Everything here is
 * plausible but invented; no real person appears anywhere (DESIGN §2.5).
 */
import type {
  FormField,
  MaterialRequirement,
  ServiceItem,
} from '../../../electron/host/platform/types';

export const UPDATED = '2026-10-15T09:00:00+08:00';

export const ALL_IDS: ServiceItem['acceptedIdTypes'] = [
  'resident-id',
  'foreign-permanent',
  'hmt-residence',
];

/** Deciding departments: name and (invented) unified social credit code, the code's prefix. */
export const DEPT = {
  hrss: { name: '济南市人力资源和社会保障局', credit: '11370100004188027P' },
  health: { name: '济南市卫生健康委员会', credit: '11370100MB28537891' },
  medicalSecurity: { name: '济南市医疗保障局', credit: '11370100MB2853212X' },
  housingFund: { name: '济南住房公积金中心', credit: '12370100495571234K' },
  police: { name: '济南市公安局', credit: '11370100004186732J' },
  exitEntry: { name: '济南市公安局出入境管理支队', credit: '11370100004186732J' },
  traffic: { name: '济南市公安局交通警察支队', credit: '11370100004186732J' },
  civilAffairs: { name: '济南市民政局', credit: '11370100004188123M' },
  disabled: { name: '济南市残疾人联合会', credit: '51370100MJ1234567C' },
  realEstate: { name: '济南市不动产登记中心', credit: '12370100MB2856043R' },
  tax: { name: '国家税务总局济南市税务局', credit: '11370100MB0231458T' },
  education: { name: '济南市教育局', credit: '11370100004188219W' },
  market: { name: '济南市市场监督管理局', credit: '11370100MB2861125Q' },
  approval: { name: '济南市行政审批服务局', credit: '11370100MB2863311H' },
} as const;

export type Dept = (typeof DEPT)[keyof typeof DEPT];

/** 实施编码: the department's credit code and the item's number in the provincial list. */
export const code = (dept: Dept, number: string): string => `${dept.credit}${number}`;

/** The platform spells out the spec's defaults (`tolerable: false`, `copies: 1`). */
export function material(
  m: Omit<MaterialRequirement, 'tolerable' | 'copies'> &
    Partial<Pick<MaterialRequirement, 'tolerable' | 'copies'>>,
): MaterialRequirement {
  return { tolerable: false, copies: 1, ...m };
}

export const name: FormField = {
  key: 'name',
  label: '姓名',
  type: 'text',
  required: true,
  prefill: 'name',
};
export const idNumber: FormField = {
  key: 'idNumber',
  label: '公民身份号码',
  type: 'text',
  required: true,
  prefill: 'idNumber',
};
export const address: FormField = {
  key: 'address',
  label: '户籍地址',
  type: 'address',
  required: true,
  prefill: 'address',
};
export const phone: FormField = {
  key: 'contactPhone',
  label: '联系电话',
  type: 'phone',
  required: false,
  pattern: '^1[3-9][0-9]{9}$',
  help: '用于办理结果短信通知，可不填。',
};
export const requiredPhone: FormField = { ...phone, required: true, help: '用于联系您核实情况。' };

/** A select whose answer the card cannot give: the resident must choose. */
export function choice(
  key: string,
  label: string,
  options: [string, string][],
  required = true,
): FormField {
  return {
    key,
    label,
    type: 'select',
    required,
    options: options.map(([value, text]) => ({ value, label: text })),
  };
}

/** Fields every item has, with the defaults most items share. */
type Essentials = Pick<ServiceItem, 'code' | 'name' | 'department' | 'themes' | 'steps'>;

/** A person-facing item: free, self-service, card identity, resident id, form name + id number. */
export function personItem(item: Essentials & Partial<ServiceItem>): ServiceItem {
  return {
    audience: 'person',
    kind: 'public-service',
    legalDays: 0,
    promisedDays: 0,
    instant: false,
    fee: { free: true },
    selfService: { eligible: true },
    identity: 'card',
    acceptedIdTypes: ['resident-id'],
    materials: [],
    form: [name, idNumber],
    delivery: ['electronic'],
    updatedAt: UPDATED,
    ...item,
  };
}
