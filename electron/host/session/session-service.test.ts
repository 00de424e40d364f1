import { describe, expect, it, vi } from 'vitest';
import { err, ok, type Result } from '../../shared/result';
import type { IdentifyProblem, PrintFailureCode, SessionView } from '../../shared/views';
import type { IdentityCard } from '../../../drivers/idcard/src/card';
import type { CaseReceipt, ServiceItem } from '../platform/types';
import type { CaseToSubmit, SessionServices, SubmitFailure } from './machine';
import type { CaseOutcome } from './session-context';
import { createSessionService } from './session-service';

// Invented resident; the check digit is valid (GB 11643).
const card: IdentityCard = {
  type: 'resident-id',
  name: '王秀英',
  sex: '女',
  nation: '汉族',
  birthDate: '1958-03-12',
  address: '山东省济南市历下区泉城路虚构小区1号',
  idNumber: '37010219580312124X',
  issuer: '济南市公安局历下分局',
  validFrom: '2016-05-01',
  validTo: 'long-term',
  photoWlt: new Uint8Array(1024),
  hasFingerprint: false,
};

const item = {
  code: '11370100MB285591XJ4370117003000',
  name: '个人社保参保证明打印',
  department: '济南市人力资源和社会保障局',
  audience: 'person',
  kind: 'public-service',
  themes: ['社保'],
  legalDays: 0,
  promisedDays: 0,
  instant: true,
  fee: { free: true },
  selfService: { eligible: true },
  identity: 'card',
  acceptedIdTypes: ['resident-id'],
  materials: [],
  form: [{ key: 'name', label: '姓名', type: 'text', required: true, prefill: 'name' }],
  steps: [{ name: '受理' }],
  delivery: ['electronic'],
  updatedAt: '2026-11-01T08:00:00+08:00',
} as ServiceItem;

const receipt: CaseReceipt = {
  caseNo: 'SD370100202611210001',
  queryCode: '482913',
  status: 'approved',
  acceptedAt: '2026-11-21T09:30:00+08:00',
  promisedBy: '2026-11-21',
};

const accepted: CaseOutcome = { kind: 'accepted', receipt };
const FIXED_NOW = new Date('2026-11-21T01:30:00Z');

const delays = {
  idleWarningMs: 80,
  idleCountdownMs: 80,
  readRetryMs: 10,
  identifiedMs: 20,
  endedScreenMs: 40,
  technicianInactivityMs: 60,
};
const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

function harness(overrides: Partial<SessionServices> = {}) {
  const submissions: CaseToSubmit[] = [];
  const wipes: string[] = [];
  let n = 0;
  const services: SessionServices = {
    readCard: async (_signal, onCardFound) => {
      onCardFound();
      return ok(card);
    },
    submitCase: async (input) => {
      submissions.push(input);
      return ok(accepted);
    },
    printReceipt: async () => ok(),
    receiptPreview: (input) => ({
      svg: '<svg></svg>',
      qrPayload:
        input.outcome.kind === 'accepted'
          ? `CASE:${input.outcome.receipt.caseNo}`
          : `LOCAL:${input.outcome.localReference}`,
    }),
    onWipe: (reason) => wipes.push(reason),
    newId: () => `00000000-0000-4000-8000-00000000000${n++}`,
    now: () => FIXED_NOW,
    ...overrides,
  };
  const session = createSessionService(services, delays);
  const views: SessionView[] = [];
  session.onChange((view) => views.push(view));
  return { session, submissions, wipes, views };
}

/** attract → item → consent → card → "读取成功" → confirm */
async function toConfirming(session: ReturnType<typeof harness>['session']): Promise<void> {
  session.send({ type: 'START' });
  expect(session.view().state).toBe('browsing');
  expect(session.choose(item).ok).toBe(true);
  expect(session.view().state).toBe('consenting');
  expect(session.send({ type: 'AGREE' }).ok).toBe(true);
  await until(() => session.view().state === 'confirming');
}

const until = (predicate: () => boolean) =>
  vi.waitFor(() => expect(predicate()).toBe(true), { timeout: 2000, interval: 5 });

describe('the session', () => {
  it('walks a resident from an item through consent and card to a printed receipt, then wipes', async () => {
    const { session, submissions, wipes, views } = harness();
    expect(session.view()).toEqual({ state: 'idle' });
    await toConfirming(session);
    const seen = views.map((v) => v.state);
    expect(seen).toEqual(
      expect.arrayContaining(['browsing', 'consenting', 'identifying', 'identified', 'confirming']),
    );
    expect(views.some((v) => v.state === 'identifying' && v.phase === 'reading')).toBe(true);
    const confirming = session.view();
    expect(confirming.state === 'confirming' && confirming.resident).toEqual({
      idType: 'resident-id',
      nameMasked: '王**',
      idNumberMasked: '3701**********124X',
    });
    expect(session.send({ type: 'SUBMIT', signaturePng: signature }).ok).toBe(true);
    await until(() => {
      const view = session.view();
      return view.state === 'done' && view.print.state === 'printed';
    });
    expect(submissions[0]?.card.idNumber).toBe(card.idNumber);
    expect(submissions[0]?.consentAt).toBe('2026-11-21T01:30:00.000Z');
    expect(session.send({ type: 'FINISH' }).ok).toBe(true);
    expect(session.view()).toEqual({ state: 'ended', reason: 'finished' });
    expect(wipes).toEqual(['finished']);
    await until(() => session.view().state === 'idle');
    // Nothing personal was ever put in a view unmasked.
    expect(JSON.stringify(views)).not.toContain('王秀英');
    expect(JSON.stringify(views)).not.toContain(card.idNumber);
  });

  it('reads no card before the resident agrees to the notice', async () => {
    let reads = 0;
    const { session } = harness({
      readCard: async () => {
        reads += 1;
        return ok(card);
      },
    });
    session.send({ type: 'START' });
    session.choose(item);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(reads).toBe(0);
    expect(session.send({ type: 'BACK' }).ok).toBe(true);
    expect(session.view().state).toBe('browsing');
  });

  it('starts the next resident from nothing: no card, no key, no receipt of the last one', async () => {
    const { session, submissions } = harness();
    for (let round = 0; round < 2; round += 1) {
      await toConfirming(session);
      session.send({ type: 'SUBMIT', signaturePng: signature });
      await until(() => session.view().state === 'done');
      session.send({ type: 'CANCEL' });
      await until(() => session.view().state === 'idle');
    }
    expect(submissions).toHaveLength(2);
    expect(submissions[1]?.idempotencyKey).not.toBe(submissions[0]?.idempotencyKey);
    expect(submissions[1]?.clientCaseId).not.toBe(submissions[0]?.clientCaseId);
  });

  it('refuses an event the current state cannot take', () => {
    const { session } = harness();
    expect(session.send({ type: 'SUBMIT', signaturePng: signature })).toEqual({
      ok: false,
      error: { code: 'wrong-state' },
    });
    expect(session.choose(item).ok).toBe(false);
  });

  it('shows a read problem and keeps polling until a good card arrives', async () => {
    const answers: Result<IdentityCard, IdentifyProblem>[] = [
      err('read-failed'),
      err('expired-card'),
      ok(card),
    ];
    const { session, views } = harness({ readCard: async () => answers.shift() ?? ok(card) });
    await toConfirming(session);
    expect(views.some((v) => v.state === 'identifying' && v.problem === 'read-failed')).toBe(true);
    expect(views.some((v) => v.state === 'identifying' && v.problem === 'expired-card')).toBe(true);
  });

  it('refuses a card type the item does not accept, and takes another card', async () => {
    const permanent = { ...card, type: 'foreign-permanent' } as unknown as IdentityCard;
    const answers: Result<IdentityCard, IdentifyProblem>[] = [ok(permanent), ok(card)];
    const { session, views } = harness({ readCard: async () => answers.shift() ?? ok(card) });
    await toConfirming(session);
    expect(
      views.some((v) => v.state === 'identifying' && v.problem === 'id-type-not-accepted'),
    ).toBe(true);
    const confirming = session.view();
    expect(confirming.state === 'confirming' && confirming.resident.idType).toBe('resident-id');
  });

  it('does not read the card again when the resident goes back and picks another item', async () => {
    let reads = 0;
    const { session } = harness({
      readCard: async () => {
        reads += 1;
        return ok(card);
      },
    });
    await toConfirming(session);
    expect(session.send({ type: 'BACK' }).ok).toBe(true);
    const browsing = session.view();
    expect(browsing.state === 'browsing' && browsing.resident?.nameMasked).toBe('王**');
    expect(session.choose(item).ok).toBe(true);
    expect(session.view().state).toBe('confirming');
    expect(reads).toBe(1);
  });

  it('keeps the Idempotency-Key when the resident retries a failed submission', async () => {
    const answers: Result<CaseOutcome, SubmitFailure>[] = [
      err({ problem: 'terminal-error' }),
      ok(accepted),
    ];
    const { session, submissions } = harness({
      submitCase: async (input) => {
        submissions.push(input);
        return answers.shift() ?? ok(accepted);
      },
    });
    await toConfirming(session);
    session.send({ type: 'SUBMIT', signaturePng: signature });
    await until(() => session.view().state === 'submit-failed');
    expect(session.view()).toMatchObject({
      state: 'submit-failed',
      problem: 'terminal-error',
    });
    session.send({ type: 'RETRY' });
    await until(() => session.view().state === 'done');
    expect(submissions).toHaveLength(2);
    expect(submissions[1]?.idempotencyKey).toBe(submissions[0]?.idempotencyKey);
    expect(submissions[1]?.clientCaseId).toBe(submissions[0]?.clientCaseId);
  });

  it('gives a queued case its local reference and a 待上传 receipt, and never retries a refusal', async () => {
    const queued: CaseOutcome = {
      kind: 'queued',
      localReference: 'L-20261121-0001',
      queuedAt: '2026-11-21T01:31:00.000Z',
    };
    const { session } = harness({ submitCase: async () => ok(queued) });
    await toConfirming(session);
    session.send({ type: 'SUBMIT', signaturePng: signature });
    await until(() => session.view().state === 'done');
    expect(session.view()).toMatchObject({
      receipt: { kind: 'queued', localReference: 'L-20261121-0001' },
      qrPayload: 'LOCAL:L-20261121-0001',
    });

    const refused = harness({
      submitCase: async () =>
        err({ problem: 'platform-rejected', platformCode: 'validation-failed' }),
    });
    await toConfirming(refused.session);
    refused.session.send({ type: 'SUBMIT', signaturePng: signature });
    await until(() => refused.session.view().state === 'submit-failed');
    expect(refused.session.send({ type: 'RETRY' }).ok).toBe(false);
  });

  it('reports a failed print and prints again on request', async () => {
    const answers: Result<void, PrintFailureCode>[] = [err('paper-out'), ok()];
    const { session } = harness({ printReceipt: async () => answers.shift() ?? ok() });
    await toConfirming(session);
    session.send({ type: 'SUBMIT', signaturePng: signature });
    await until(() => {
      const v = session.view();
      return v.state === 'done' && v.print.state === 'failed';
    });
    expect(session.view()).toMatchObject({
      print: { state: 'failed', code: 'paper-out' },
      receipt: { kind: 'accepted', caseNo: receipt.caseNo },
    });
    expect(session.send({ type: 'REPRINT' }).ok).toBe(true);
    await until(() => {
      const v = session.view();
      return v.state === 'done' && v.print.state === 'printed';
    });
  });

  it('warns after the idle delay, ends after the countdown, and wipes', async () => {
    const { session, wipes } = harness();
    session.send({ type: 'START' });
    await until(() => {
      const v = session.view();
      return v.state === 'browsing' && v.idleWarning !== undefined;
    });
    const warned = session.view();
    expect(warned.state === 'browsing' && warned.idleWarning?.secondsTotal).toBe(0);
    await until(() => session.view().state === 'ended');
    expect(session.view()).toEqual({ state: 'ended', reason: 'idle' });
    expect(wipes).toEqual(['idle']);
  });

  it('gives a resident in 长辈模式 twice the time, and forgets the mode when the session ends', async () => {
    const { session } = harness();
    session.send({ type: 'SET_ELDER', elder: true });
    session.send({ type: 'START' });
    // Past the ordinary warning time, an elder has no warning yet.
    await new Promise((resolve) => setTimeout(resolve, delays.idleWarningMs * 1.5));
    const early = session.view();
    expect(early.state === 'browsing' && early.idleWarning).toBeUndefined();
    await until(() => {
      const v = session.view();
      return v.state === 'browsing' && v.idleWarning !== undefined;
    });
    const warned = session.view();
    // The countdown runs twice as long (the harness's clock is fixed: endsAt = start + countdown).
    const warningFor =
      warned.state === 'browsing' && warned.idleWarning
        ? warned.idleWarning.endsAt - FIXED_NOW.getTime()
        : 0;
    expect(warningFor).toBe(delays.idleCountdownMs * 2);
    expect(warned.state === 'browsing' && warned.idleWarning?.secondsTotal).toBe(
      Math.round((delays.idleCountdownMs * 2) / 1000),
    );
    session.send({ type: 'CANCEL' });
    await until(() => session.view().state === 'idle');
    // The next resident starts in the ordinary mode.
    session.send({ type: 'START' });
    await new Promise((resolve) => setTimeout(resolve, delays.idleWarningMs * 1.5));
    const next = session.view();
    expect(next.state === 'browsing' && next.idleWarning).toBeDefined();
  });

  it('lets a touch or "continue" clear the warning', async () => {
    const { session } = harness();
    session.send({ type: 'START' });
    await until(() => {
      const v = session.view();
      return v.state === 'browsing' && v.idleWarning !== undefined;
    });
    expect(session.send({ type: 'CONTINUE' }).ok).toBe(true);
    const view = session.view();
    expect(view.state === 'browsing' && view.idleWarning).toBeUndefined();
  });

  it('does not ask "are you still there?" while submitting', async () => {
    let release: (value: Result<CaseOutcome, SubmitFailure>) => void = () => undefined;
    const { session, views } = harness({
      submitCase: () => new Promise((resolve) => (release = resolve)),
    });
    await toConfirming(session);
    session.send({ type: 'SUBMIT', signaturePng: signature });
    await new Promise((resolve) => setTimeout(resolve, delays.idleWarningMs * 3));
    expect(session.view().state).toBe('submitting');
    expect(views.filter((v) => v.state === 'submitting').every((v) => !('idleWarning' in v))).toBe(
      true,
    );
    release(ok(accepted));
    await until(() => session.view().state === 'done');
  });

  it('wipes a resident session before technician mode, and leaves maintenance after inactivity', async () => {
    const { session, wipes } = harness();
    await toConfirming(session);
    expect(session.send({ type: 'TECHNICIAN_ENTER' }).ok).toBe(true);
    expect(session.view()).toEqual({ state: 'maintenance' });
    expect(wipes).toEqual(['cancelled']);
    await until(() => session.view().state === 'idle');
  });

  it('stays out of service across sessions until told otherwise', async () => {
    const { session } = harness();
    session.send({ type: 'SET_OUT_OF_SERVICE', on: true });
    expect(session.view()).toEqual({ state: 'out-of-service' });
    expect(session.outOfService()).toBe(true);
    expect(session.send({ type: 'START' }).ok).toBe(false);
    // A technician may come and go; the terminal stays out of service.
    session.send({ type: 'TECHNICIAN_ENTER' });
    expect(session.view()).toEqual({ state: 'maintenance' });
    session.send({ type: 'TECHNICIAN_EXIT' });
    expect(session.view()).toEqual({ state: 'out-of-service' });
    session.send({ type: 'SET_OUT_OF_SERVICE', on: false });
    expect(session.view()).toEqual({ state: 'idle' });
  });

  it('lets a session that has begun finish before going out of service', async () => {
    const { session } = harness();
    await toConfirming(session);
    session.send({ type: 'SET_OUT_OF_SERVICE', on: true });
    expect(session.view().state).toBe('confirming');
    session.send({ type: 'CANCEL' });
    await until(() => session.view().state === 'out-of-service');
  });

  it('ends on cancel from any active state', async () => {
    const { session, wipes } = harness({ readCard: () => new Promise(() => undefined) });
    session.send({ type: 'START' });
    session.choose(item);
    session.send({ type: 'AGREE' });
    expect(session.view().state).toBe('identifying');
    expect(session.send({ type: 'CANCEL' }).ok).toBe(true);
    expect(session.view()).toEqual({ state: 'ended', reason: 'cancelled' });
    expect(wipes).toEqual(['cancelled']);
  });
});
