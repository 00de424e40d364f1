/**
 * The terminal's client certificate and how long it has left. The platform refuses an expired
 * certificate at the TLS handshake, which would leave the terminal offline with nothing but a
 * network error to show; so the terminal warns `certificateWarningDays` ahead (30 days: the time
 * a hall needs to request and install a renewed certificate from the platform's CA).
 */
import { X509Certificate } from 'node:crypto';

export type CertificateStatus =
  | { state: 'valid'; subject: string; notAfter: string; daysLeft: number }
  /** Within the warning period: renew now. */
  | { state: 'expiring'; subject: string; notAfter: string; daysLeft: number }
  | { state: 'expired'; subject: string; notAfter: string }
  /** The configured PEM is not a certificate: the handshake will fail. */
  | { state: 'unreadable'; message: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first certificate in `pem` (the leaf; a chain may follow). */
export function certificateStatus(pem: string, now: Date, warningDays: number): CertificateStatus {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch (error) {
    return { state: 'unreadable', message: (error as Error).message };
  }
  // The subject is the terminal id (CN), not personal data.
  const subject = /^CN=(.*)$/m.exec(cert.subject)?.[1] ?? cert.subject;
  const notAfterMs = Date.parse(cert.validTo);
  const notAfter = new Date(notAfterMs).toISOString();
  const leftMs = notAfterMs - now.getTime();
  if (leftMs <= 0) return { state: 'expired', subject, notAfter };
  const daysLeft = Math.floor(leftMs / DAY_MS);
  return daysLeft < warningDays
    ? { state: 'expiring', subject, notAfter, daysLeft }
    : { state: 'valid', subject, notAfter, daysLeft };
}
