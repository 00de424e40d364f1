import { describe, expect, it } from 'vitest';
import { addWorkingDays, cstDate, toCstTimestamp } from './calendar';

describe('platform calendar', () => {
  it('writes times in China Standard Time with the +08:00 offset', () => {
    const at = new Date('2026-11-20T17:30:05.123Z');
    expect(toCstTimestamp(at)).toBe('2026-11-21T01:30:05+08:00');
    // Past 16:00 UTC it is already the next day in China.
    expect(cstDate(at)).toBe('2026-11-21');
  });

  it('counts working days, skipping Saturdays and Sundays', () => {
    expect(addWorkingDays('2026-11-20', 0)).toBe('2026-11-20'); // Friday, 即办
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23'); // → Monday
    expect(addWorkingDays('2026-11-21', 1)).toBe('2026-11-23'); // Saturday → Monday
    expect(addWorkingDays('2026-11-20', 5)).toBe('2026-11-27');
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
