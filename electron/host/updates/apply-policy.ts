/**
 * When may a downloaded update be applied? Pure (no updater, no clock of its own), so it is tested
 * on its own and the shell only carries out its answer.
 *
 * - Only an update that was downloaded and verified (signature/checksum) is ever applied.
 * - Only inside the configured night window (local time, may cross midnight, e.g. 01:00–05:00),
 *   and only while nobody is using the terminal: idle or out of service, never during a resident's
 *   session or a technician's visit.
 * - A version that already failed to start after an update is not applied again.
 */
export interface NightWindow {
  /** Minutes after local midnight, e.g. 60 for 01:00. */
  startMinute: number;
  endMinute: number;
}

export type TerminalActivity = 'idle' | 'active' | 'maintenance' | 'out-of-service';

export type UpdateState =
  | { kind: 'none' }
  | { kind: 'downloading'; version: string }
  | { kind: 'downloaded'; version: string; verified: boolean };

export type ApplyDecision =
  | { apply: true; version: string }
  | {
      apply: false;
      reason: 'nothing-to-apply' | 'not-verified' | 'known-bad' | 'outside-window' | 'in-use';
    };

export function minuteOfDay(date: Date): number {
  return date.getHours() * 60 + date.getMinutes();
}

export function insideWindow(minute: number, window: NightWindow): boolean {
  if (window.startMinute === window.endMinute) return false;
  return window.startMinute < window.endMinute
    ? minute >= window.startMinute && minute < window.endMinute
    : minute >= window.startMinute || minute < window.endMinute; // crosses midnight
}

export function decideApply(input: {
  update: UpdateState;
  now: Date;
  window: NightWindow;
  activity: TerminalActivity;
  /** Versions that failed to start after being applied (kept by the shell across restarts). */
  failedVersions: readonly string[];
}): ApplyDecision {
  const { update } = input;
  if (update.kind !== 'downloaded') return { apply: false, reason: 'nothing-to-apply' };
  if (!update.verified) return { apply: false, reason: 'not-verified' };
  if (input.failedVersions.includes(update.version)) return { apply: false, reason: 'known-bad' };
  if (!insideWindow(minuteOfDay(input.now), input.window))
    return { apply: false, reason: 'outside-window' };
  if (input.activity === 'active' || input.activity === 'maintenance')
    return { apply: false, reason: 'in-use' };
  return { apply: true, version: update.version };
}

/** "01:00-05:00" → minutes after midnight (the configuration's form). */
export function parseNightWindow(text: string): NightWindow {
  const [start = '01:00', end = '05:00'] = text.split('-');
  const minutes = (hhmm: string) => {
    const [h = '0', m = '0'] = hhmm.split(':');
    return Number(h) * 60 + Number(m);
  };
  return { startMinute: minutes(start), endMinute: minutes(end) };
}

/** What the session's state means for installing an update. */
export function activityOf(state: string): TerminalActivity {
  if (state === 'idle' || state === 'maintenance' || state === 'out-of-service') return state;
  return 'active';
}
