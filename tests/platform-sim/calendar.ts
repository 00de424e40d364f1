/**
 * Platform time. The spec writes every time as RFC 3339 with an offset; this platform is in
 * China Standard Time (UTC+8, no daylight saving), so it answers with `+08:00`. Promised dates
 * count working days; public holidays and 调休 make-up workdays are not modelled — the simulator
 * only skips Saturdays and Sundays.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `2026-11-21T09:30:00+08:00`. */
export function toCstTimestamp(at: Date): string {
  return `${new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** The calendar date in China, `2026-11-21`. */
export function cstDate(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026-11-21` plus `days` working days (0 → the same date, even on a weekend). */
export function addWorkingDays(date: string, days: number): string {
  let t = Date.parse(`${date}T00:00:00Z`);
  for (let left = days; left > 0;) {
    t += DAY_MS;
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(t).toISOString().slice(0, 10);
}
