/**
 * How receipts write times, dates and masked names. Inputs come from our own host (platform
 * answers, the clock), so a malformed one is a bug: these throw RangeError rather than print
 * something wrong on a document the resident keeps as proof.
 */
const RFC3339 =
  /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** `2025-03-04T09:15:00+08:00` → `2025-03-04 09:15`, in the timestamp's own offset. */
export function wallClock(rfc3339: string, what = 'time'): string {
  const match = RFC3339.exec(rfc3339);
  if (!match) throw new RangeError(`${what} is not RFC 3339`);
  return `${match[1]} ${match[2]}`;
}

export function isoDate(date: string, what = 'date'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`${what} is not YYYY-MM-DD`);
  return date;
}

/**
 * The applicant as the caller masked them (`张*`, `欧阳**`, `J*** S****`): a receipt is left on
 * counters, so it never carries a full name. An unmasked name here is a bug upstream.
 */
export function maskedName(name: string): string {
  if (!name.includes('*')) throw new RangeError('applicant name must be masked');
  return name;
}

export const DEFAULT_HOTLINE = '12345';

/** `date` as RFC 3339 in this machine's offset (`2025-03-04T09:15:27+08:00`), for wall clocks. */
export function localRfc3339(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${offset >= 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
}
