/**
 * Technician mode for the host: the PIN is checked here (scrypt hash, doubling lockout), the
 * session machine is told to enter or leave maintenance, and every action goes to the audit trail.
 */
import { ok, err, type Result } from '../../shared/result';
import type { AuditLog } from '../audit/audit-log';
import type { AuditDetail, AuditEvent, AuditOutcome } from '../audit/audit-events';
import type { SessionService } from '../session/session-service';
import { verifyPin } from './access/pin-hash';
import { createPinLockout, defaultLockout, type LockoutOptions } from './access/pin-lockout';

export type LoginError =
  | { code: 'not-configured' }
  | { code: 'wrong-pin' }
  | { code: 'locked'; retryInMs: number }
  | { code: 'wrong-state' };

export type NotTechnician = { code: 'not-technician' };

export interface TechnicianService {
  login(pin: string): Result<void, LoginError>;
  logout(): void;
  /**
   * An action only a technician in maintenance may take; audited either way (a `Result` that is
   * not ok is audited as `failed`).
   */
  act<T>(
    event: AuditEvent,
    run: () => T | Promise<T>,
    detail?: AuditDetail,
  ): Promise<Result<T, NotTechnician>>;
  record(event: AuditEvent, outcome: AuditOutcome, detail?: AuditDetail): void;
  inMaintenance(): boolean;
  stop(): void;
}

export function createTechnicianService(options: {
  pinHash: string | undefined;
  session: SessionService;
  audit: AuditLog;
  now?: () => number;
  lockout?: LockoutOptions;
}): TechnicianService {
  const { session, audit } = options;
  const now = options.now ?? Date.now;
  const lockout = createPinLockout(options.lockout ?? defaultLockout);
  const inMaintenance = () => session.view().state === 'maintenance';
  let loggingOut = false;

  // Leaving maintenance without "退出维护" means the inactivity limit ended it: audit that too.
  let wasInMaintenance = inMaintenance();
  const stopWatching = session.onChange((view) => {
    const nowIn = view.state === 'maintenance';
    if (wasInMaintenance && !nowIn && !loggingOut)
      audit.append('technician.logout', 'ok', { reason: 'inactivity' });
    wasInMaintenance = nowIn;
  });

  return {
    login(pin) {
      if (!options.pinHash) return err({ code: 'not-configured' });
      const verdict = lockout.check(now());
      if (!verdict.allowed) {
        audit.append('technician.login-failed', 'refused', { reason: 'locked' });
        return err({ code: 'locked', retryInMs: verdict.retryInMs });
      }
      if (!verifyPin(pin, options.pinHash)) {
        const lockedFor = lockout.recordFailure(now());
        audit.append('technician.login-failed', 'failed', { reason: 'wrong-pin' });
        if (lockedFor > 0) {
          audit.append('technician.locked-out', 'ok', { seconds: Math.round(lockedFor / 1000) });
          return err({ code: 'locked', retryInMs: lockedFor });
        }
        return err({ code: 'wrong-pin' });
      }
      lockout.recordSuccess();
      const entered = session.send({ type: 'TECHNICIAN_ENTER' });
      audit.append('technician.login', entered.ok ? 'ok' : 'refused');
      return entered.ok ? ok() : err({ code: 'wrong-state' });
    },
    logout() {
      if (!inMaintenance()) return;
      loggingOut = true;
      session.send({ type: 'TECHNICIAN_EXIT' });
      loggingOut = false;
      audit.append('technician.logout', 'ok', { reason: 'technician' });
    },
    async act(event, run, detail = {}) {
      if (!inMaintenance()) {
        audit.append(event, 'refused', { ...detail, reason: 'not-in-maintenance' });
        return err({ code: 'not-technician' });
      }
      try {
        const value = await run();
        audit.append(event, isFailedResult(value) ? 'failed' : 'ok', detail);
        return ok(value);
      } catch (error) {
        audit.append(event, 'failed', detail);
        throw error;
      }
    },
    record: (event, outcome, detail) => void audit.append(event, outcome, detail),
    inMaintenance,
    stop: stopWatching,
  };
}

function isFailedResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}
