/**
 * The simulated platform's service items: a small, realistic slice of a city's implementation list
 * (实施清单), shaped exactly by the spec's ServiceItem. The codes, departments and time limits are
 * plausible but invented; no real person appears anywhere.
 *
 * Chosen so the terminal's screens meet every case: items a resident can finish here with only an
 * identity card and a signature (参保证明, 养老保险参保登记, 老年人优待证, 医保参保凭证, one of them
 * 秒批), and items that cannot be finished here — only at a window, needing scanned materials,
 * needing a face check, or a form that cannot be prefilled from the card.
 */
import type {
  FormField,
  MaterialRequirement,
  ServiceItem,
} from '../../electron/host/platform/types';

const UPDATED = '2026-10-15T09:00:00+08:00';
const ALL_IDS: ServiceItem['acceptedIdTypes'] = [
  'resident-id',
  'foreign-permanent',
  'hmt-residence',
];

/** The platform spells out the spec's defaults (`tolerable: false`, `copies: 1`). */
function material(
  m: Omit<MaterialRequirement, 'tolerable' | 'copies'> &
    Partial<Pick<MaterialRequirement, 'tolerable' | 'copies'>>,
): MaterialRequirement {
  return { tolerable: false, copies: 1, ...m };
}

const name: FormField = {
  key: 'name',
  label: '姓名',
  type: 'text',
  required: true,
  prefill: 'name',
};
const idNumber: FormField = {
  key: 'idNumber',
  label: '公民身份号码',
  type: 'text',
  required: true,
  prefill: 'idNumber',
};
const address: FormField = {
  key: 'address',
  label: '户籍地址',
  type: 'address',
  required: true,
  prefill: 'address',
};
const phone: FormField = {
  key: 'contactPhone',
  label: '联系电话',
  type: 'phone',
  required: false,
  pattern: '^1[3-9][0-9]{9}$',
  help: '用于办理结果短信通知，可不填。',
};

/** 个人社保参保证明打印 — 秒批: printed on the spot. */
const pensionProof: ServiceItem = {
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
    {
      key: 'purpose',
      label: '证明用途',
      type: 'select',
      required: false,
      options: [
        { value: 'housing', label: '购房' },
        { value: 'school', label: '子女入学' },
        { value: 'car', label: '购车摇号' },
        { value: 'other', label: '其他' },
      ],
    },
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
const ruralPensionEnrolment: ServiceItem = {
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
      key: 'contributionGrade',
      label: '缴费档次',
      type: 'select',
      required: false,
      options: [
        { value: '300', label: '每年 300 元' },
        { value: '500', label: '每年 500 元' },
        { value: '1000', label: '每年 1000 元' },
        { value: '2000', label: '每年 2000 元' },
      ],
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

/** 老年人优待证申领 — completable; the card is made and picked up or mailed. */
const seniorCard: ServiceItem = {
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

/** 医保参保凭证打印 — 秒批. */
const medicalProof: ServiceItem = {
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

/** 住房公积金缴存证明 — needs a face check, which this terminal build does not do yet. */
const housingFundProof: ServiceItem = {
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

/** 户口迁移（投靠） — only at the police window. */
const householdMove: ServiceItem = {
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

/** 最低生活保障申请 — needs scanned materials and a signed commitment. */
const minimumLiving: ServiceItem = {
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

/** 往来港澳通行证再次签注 — face check and a fee. */
const hkMacauEndorsement: ServiceItem = {
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
    {
      key: 'endorsementType',
      label: '签注种类',
      type: 'select',
      required: true,
      options: [
        { value: 'hk-1', label: '香港一次旅游' },
        { value: 'mo-1', label: '澳门一次旅游' },
      ],
    },
  ],
  steps: [{ name: '人证核验' }, { name: '缴费' }, { name: '签注' }],
  delivery: ['pickup'],
  notes: '须持有效的电子往来港澳通行证，签注当场写入证件。',
  updatedAt: UPDATED,
};

/** 失业保险金申领 — a scanned material is required. */
const unemployment: ServiceItem = {
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

/** 生育登记 — a form field that the card cannot fill, and a licence. */
const birthRegistration: ServiceItem = {
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

export const CATALOG_ITEMS: readonly ServiceItem[] = [
  pensionProof,
  ruralPensionEnrolment,
  seniorCard,
  medicalProof,
  housingFundProof,
  householdMove,
  minimumLiving,
  hkMacauEndorsement,
  unemployment,
  birthRegistration,
];

/** Documents the platform issues at once for 秒批 items (the `result` of their receipt). */
export const INSTANT_DOCUMENTS: Readonly<Record<string, string>> = {
  [pensionProof.code]: '个人社保参保证明',
  [medicalProof.code]: '基本医疗保险参保凭证',
  [housingFundProof.code]: '住房公积金缴存证明',
};
