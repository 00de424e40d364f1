/** Display helpers whose output goes into message parameters; the words stay in zh-CN.json. */

/** 1050 fen → "10.50"; whole yuan without decimals (3000 → "30"). */
export function yuanFromFen(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

/** A calendar date "2025-03-07" split for the `common.date` message, with no time-zone shift. */
export function dateParts(isoDate: string): { year: string; month: string; day: string } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return null;
  const [, year = '', month = '', day = ''] = match;
  return { year, month: String(Number(month)), day: String(Number(day)) };
}

/** A moment (RFC 3339) in the terminal's own local time, split for the `common.dateTime` message. */
export function timeParts(
  iso: string,
): { year: string; month: string; day: string; hour: string; minute: string } | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return {
    year: String(at.getFullYear()),
    month: String(at.getMonth() + 1),
    day: String(at.getDate()),
    hour: String(at.getHours()).padStart(2, '0'),
    minute: String(at.getMinutes()).padStart(2, '0'),
  };
}
