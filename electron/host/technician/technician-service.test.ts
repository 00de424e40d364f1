import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, type Result } from '../../shared/result';
import type { SessionView } from '../../shared/views';
import { openAuditLog } from '../audit/audit-log';
import type { SessionService } from '../session/session-service';
import { hashPin } from './access/pin-hash';
import { createTechnicianService } from './technician-service';

const PIN_HASH = hashPin('20261121');

/** A session that only knows idle ⇄ maintenance, enough to drive the technician service. */
function fakeSession(): SessionService {
  let view: SessionView = { state: 'idle' };
  const listeners = new Set<(v: SessionView) => void>();
  const set = (next: SessionView) => {
    view = next;
    listeners.forEach((l) => l(next));
  };
  return {
    view: () => view,
    residentIdType: () => undefined,
    onChange: (l) => (listeners.add(l), () => listeners.delete(l)),
    send: (event): Result<void, { code: 'wrong-state' }> => {
      if (event.type === 'TECHNICIAN_ENTER') set({ state: 'maintenance' });
      if (event.type === 'TECHNICIAN_EXIT') set({ state: 'idle' });
      return ok();
    },
    choose: () => ok(),
    outOfService: () => false,
    stop: () => undefined,
    leaveByInactivity: () => set({ state: 'idle' }),
  } as SessionService & { leaveByInactivity(): void };
}

function setup(pinHash: string | null = PIN_HASH) {
  const audit = openAuditLog(join(mkdtempSync(join(tmpdir(), 'kiosk-tech-')), 'audit.db'));
  const session = fakeSession();
  let clock = 0;
  const technician = createTechnicianService({
    pinHash: pinHash ?? undefined,
    session,
    audit,
    now: () => clock,
    lockout: { freeAttempts: 2, firstLockMs: 30_000, maxLockMs: 120_000 },
  });
  return { audit, session, technician, advance: (ms: number) => (clock += ms) };
}

describe('the technician service', () => {
  it('enters maintenance with the right PIN and audits login and logout', async () => {
    const { audit, session, technician } = setup();
    expect(technician.login('20261121')).toEqual({ ok: true, value: undefined });
    expect(session.view().state).toBe('maintenance');
    expect((await technician.act('printer.refilled', () => 'done', { device: 'printer' })).ok).toBe(
      true,
    );
    technician.logout();
    expect(session.view().state).toBe('idle');
    expect(audit.list().map((e) => `${e.event}:${e.outcome}`)).toEqual([
      'technician.login:ok',
      'printer.refilled:ok',
      'technician.logout:ok',
    ]);
    expect(audit.verify().ok).toBe(true);
  });

  it('locks out after wrong PINs, for doubling times, and audits each refusal', () => {
    const { audit, technician, advance } = setup();
    expect(technician.login('11111111')).toEqual({ ok: false, error: { code: 'wrong-pin' } });
    expect(technician.login('22222222')).toEqual({ ok: false, error: { code: 'wrong-pin' } });
    expect(technician.login('33333333')).toEqual({
      ok: false,
      error: { code: 'locked', retryInMs: 30_000 },
    });
    advance(10_000);
    // Even the right PIN waits out the lock.
    expect(technician.login('20261121')).toEqual({
      ok: false,
      error: { code: 'locked', retryInMs: 20_000 },
    });
    advance(20_000);
    expect(technician.login('44444444')).toEqual({
      ok: false,
      error: { code: 'locked', retryInMs: 60_000 },
    });
    advance(60_000);
    expect(technician.login('20261121').ok).toBe(true);
    const events = audit.list().map((e) => e.event);
    expect(events.filter((e) => e === 'technician.login-failed')).toHaveLength(5);
    expect(events.filter((e) => e === 'technician.locked-out')).toHaveLength(2);
    expect(events.at(-1)).toBe('technician.login');
  });

  it('refuses actions outside maintenance, and says when no PIN is configured', async () => {
    const { audit, technician } = setup();
    expect(await technician.act('app.restart', () => 'x')).toEqual({
      ok: false,
      error: { code: 'not-technician' },
    });
    expect(audit.list()[0]).toMatchObject({ event: 'app.restart', outcome: 'refused' });
    expect(setup(null).technician.login('20261121')).toEqual({
      ok: false,
      error: { code: 'not-configured' },
    });
  });

  it('audits the end of maintenance by inactivity', () => {
    const { audit, session, technician } = setup();
    technician.login('20261121');
    (session as unknown as { leaveByInactivity(): void }).leaveByInactivity();
    expect(audit.list().at(-1)).toMatchObject({
      event: 'technician.logout',
      detail: { reason: 'inactivity' },
    });
  });
});
