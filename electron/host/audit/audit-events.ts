/**
 * What the audit trail records: technician and operator actions on the terminal, each with an
 * event id and an outcome (DESIGN §4 rule 10: the operators' log, apart from the developers').
 * Never personal data: `detail` holds short non-personal facts (a device name, a count, a reason
 * code), and `assertNoPersonalData` refuses anything shaped like an identity or phone number.
 */
export const AUDIT_EVENTS = [
  'technician.login',
  'technician.login-failed',
  'technician.locked-out',
  'technician.logout',
  'device.test',
  'printer.refilled',
  'platform.check',
  'outbox.retry',
  'catalog.sync',
  'service.out-of-service',
  'service.in-service',
  'logs.export',
  'app.restart',
  'app.exit-to-desktop',
  'remote.command',
] as const;

export type AuditEvent = (typeof AUDIT_EVENTS)[number];
export type AuditOutcome = 'ok' | 'failed' | 'refused';
export type AuditDetail = Record<string, string | number | boolean>;

export interface AuditEntry {
  id: number;
  at: string;
  event: AuditEvent;
  outcome: AuditOutcome;
  detail: AuditDetail;
  prevHash: string;
  hash: string;
}

/** 15/18-character identity numbers, mainland mobile numbers: never in the audit trail. */
const PERSONAL = [/\d{17}[\dXx]/, /\d{15}/, /1[3-9]\d{9}/];
const MAX_VALUE_LENGTH = 120;

export function assertNoPersonalData(detail: AuditDetail): void {
  for (const [key, value] of Object.entries(detail)) {
    const text = String(value);
    if (text.length > MAX_VALUE_LENGTH)
      throw new Error(`audit detail "${key}" is too long for a non-personal fact`);
    if (PERSONAL.some((pattern) => pattern.test(text))) {
      throw new Error(`audit detail "${key}" looks like personal data and is refused`);
    }
  }
}
