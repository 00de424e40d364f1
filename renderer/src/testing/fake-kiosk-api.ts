/**
 * A fake host for renderer unit tests: every KioskApi method is a vi.fn with a harmless answer.
 * Residents here are invented (DESIGN §2.5: no fixtures drawn from real people).
 */
import { vi, type Mock } from 'vitest';
import type { KioskApi, KioskMethod } from '../../../electron/shared/contract';
import { ok } from '../../../electron/shared/result';
import type { ItemSummary, ResidentView, SessionView } from '../../../electron/shared/views';

export type FakeKioskApi = { [M in KioskMethod]: Mock<KioskApi[M]> };

export const resident: ResidentView = {
  idType: 'resident-id',
  nameMasked: '张*',
  idNumberMasked: '1101**********0012',
};

export const items: ItemSummary[] = [
  {
    code: 'elderly-allowance',
    name: '高龄津贴申领',
    department: '区民政局',
    themes: ['养老'],
    promisedDays: 0,
    instant: true,
    fee: { free: true },
    availability: { available: true },
  },
  {
    code: 'residence-certificate',
    name: '居住证明开具',
    department: '街道办事处',
    themes: ['户籍'],
    promisedDays: 5,
    instant: false,
    fee: { free: false, amountFen: 1050, basis: '示例收费依据' },
    availability: { available: true },
  },
  {
    code: 'business-licence',
    name: '营业执照变更',
    department: '区市场监管局',
    themes: ['企业'],
    promisedDays: 3,
    instant: false,
    fee: { free: true },
    windowArea: 'B 区 12 号窗口',
    availability: { available: false, reason: 'needs-materials' },
  },
];

const item = items[0] as ItemSummary;

/** One view per session state, for tests that go through all screens. */
export const sampleViews: { [S in SessionView['state']]: Extract<SessionView, { state: S }> } = {
  idle: { state: 'idle' },
  maintenance: { state: 'maintenance' },
  'out-of-service': { state: 'out-of-service' },
  browsing: { state: 'browsing', resident },
  consenting: { state: 'consenting', item },
  identifying: { state: 'identifying', item, phase: 'waiting' },
  identified: { state: 'identified', item, resident },
  confirming: { state: 'confirming', resident, item },
  submitting: { state: 'submitting', resident, item },
  'submit-failed': {
    state: 'submit-failed',
    resident,
    item,
    problem: 'platform-unreachable',
  },
  done: {
    state: 'done',
    resident,
    item,
    receipt: {
      kind: 'accepted',
      caseNo: 'A1B2C3D4E5F60718',
      queryCode: '482913',
      status: 'accepted',
      acceptedAt: '2030-03-04T09:15:00+08:00',
      promisedBy: '2030-03-11',
      itemName: item.name,
    },
    receiptSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" width="576" height="200"><text x="10" y="40">办件回执</text></svg>',
    qrPayload: 'CASE:A1B2C3D4E5F60718:482913',
    print: { state: 'printing' },
  },
  ended: { state: 'ended', reason: 'finished' },
};

export function fakeKioskApi(session: SessionView = { state: 'idle' }): FakeKioskApi {
  return {
    getSystemInfo: vi.fn<KioskApi['getSystemInfo']>(async () => ({
      terminalId: 'TEST-0001',
      hallName: '测试政务服务中心',
      hotline: '12345',
      technicianMode: true,
      appVersion: '0.0.0-test',
      shell: 'browser',
      devPanel: false,
    })),
    getSession: vi.fn<KioskApi['getSession']>(async () => session),
    startSession: vi.fn<KioskApi['startSession']>(async () => ok()),
    touchSession: vi.fn<KioskApi['touchSession']>(async () => undefined),
    setAccessibility: vi.fn<KioskApi['setAccessibility']>(async () => undefined),
    continueSession: vi.fn<KioskApi['continueSession']>(async () => undefined),
    cancelSession: vi.fn<KioskApi['cancelSession']>(async () => undefined),
    finishSession: vi.fn<KioskApi['finishSession']>(async () => undefined),
    listItems: vi.fn<KioskApi['listItems']>(async () => ok(items)),
    chooseItem: vi.fn<KioskApi['chooseItem']>(async () => ok()),
    takeQueueTicket: vi.fn<KioskApi['takeQueueTicket']>(async () =>
      ok({
        itemName: '营业执照变更',
        ticketNo: 'B023',
        windowArea: 'B 区 12 号窗口',
        waitingAhead: 3,
        estimatedWaitMinutes: 15,
        print: { state: 'printed' },
      }),
    ),
    printGuide: vi.fn<KioskApi['printGuide']>(async () => ok()),
    agreeConsent: vi.fn<KioskApi['agreeConsent']>(async () => ok()),
    continueAfterIdentified: vi.fn<KioskApi['continueAfterIdentified']>(async () => ok()),
    backToItems: vi.fn<KioskApi['backToItems']>(async () => ok()),
    submitCase: vi.fn<KioskApi['submitCase']>(async () => ok()),
    retrySubmit: vi.fn<KioskApi['retrySubmit']>(async () => ok()),
    reprintReceipt: vi.fn<KioskApi['reprintReceipt']>(async () => ok()),
    getDevices: vi.fn<KioskApi['getDevices']>(async () => []),
    technicianLogin: vi.fn<KioskApi['technicianLogin']>(async () => ok()),
    technicianLogout: vi.fn<KioskApi['technicianLogout']>(async () => undefined),
    setOutOfService: vi.fn<KioskApi['setOutOfService']>(async () => ok()),
    getMaintenanceOverview: vi.fn<KioskApi['getMaintenanceOverview']>(async () =>
      ok({
        terminalId: 'TEST-0001',
        appVersion: '0.0.0-test',
        buildHash: 'abc1234',
        update: { state: 'waiting-for-night', current: '0.0.0-test', version: '0.1.0' },
        shell: 'browser',
        devices: [
          { name: 'idcard', state: 'ready', simulated: true },
          { name: 'printer', state: 'paper-out', simulated: true },
        ],
        outOfService: false,
        audit: { entries: 3, intact: true },
        platform: { online: true, certificate: { state: 'valid', daysLeft: 300 } },
        outbox: {
          pending: 1,
          oldestQueuedAt: '2030-03-04T09:15:00+08:00',
          dead: [
            {
              id: 'L-1',
              kind: 'case',
              reason: 'validation-failed',
              createdAt: '2030-03-04T09:00:00+08:00',
            },
          ],
        },
        catalog: { version: 'v42', items: 50, checkedAt: '2030-03-04T09:10:00+08:00' },
        paper: { printsSinceRefill: 120, remainingM: 62.5, refilledAt: null },
      }),
    ),
    technicianPaperRefilled: vi.fn<KioskApi['technicianPaperRefilled']>(async () => ok()),
    technicianPrintTestPage: vi.fn<KioskApi['technicianPrintTestPage']>(async () => ok()),
    technicianSyncCatalog: vi.fn<KioskApi['technicianSyncCatalog']>(async () => ok()),
    technicianRetryOutbox: vi.fn<KioskApi['technicianRetryOutbox']>(async () => ok()),
    technicianTestCard: vi.fn<KioskApi['technicianTestCard']>(async () =>
      ok({
        idType: 'resident-id',
        nameMasked: '张*',
        idNumberMasked: '3701**********124X',
        validTo: 'long-term',
      }),
    ),
    technicianRestartApp: vi.fn<KioskApi['technicianRestartApp']>(async () => ok()),
    technicianExitToDesktop: vi.fn<KioskApi['technicianExitToDesktop']>(async () => ok()),
    devListCards: vi.fn<KioskApi['devListCards']>(async () => ok([])),
    devPlaceCard: vi.fn<KioskApi['devPlaceCard']>(async () => ok()),
    devRemoveCard: vi.fn<KioskApi['devRemoveCard']>(async () => ok()),
    devIdCardFault: vi.fn<KioskApi['devIdCardFault']>(async () => ok()),
    devPrinterFault: vi.fn<KioskApi['devPrinterFault']>(async () => ok()),
    devSetPrinterPaper: vi.fn<KioskApi['devSetPrinterPaper']>(async () => ok()),
    devLastReceipt: vi.fn<KioskApi['devLastReceipt']>(async () => ok(null)),
    devPlatformPreset: vi.fn<KioskApi['devPlatformPreset']>(async () => ok()),
  };
}
