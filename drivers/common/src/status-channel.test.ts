import { describe, expect, it, vi } from 'vitest';
import { createRetryTimer } from './retry-timer';
import { createStatusChannel } from './status-channel';

describe('createStatusChannel', () => {
  it('tells listeners about changes only', () => {
    const channel = createStatusChannel<{ state: string }>(
      { state: 'absent' },
      { same: (a, b) => a.state === b.state },
    );
    const heard: string[] = [];
    const stop = channel.subscribe((s) => heard.push(s.state));
    channel.set({ state: 'absent' });
    channel.set({ state: 'ready' });
    channel.set({ state: 'ready' });
    stop();
    channel.set({ state: 'absent' });
    expect(heard).toEqual(['ready']);
    expect(channel.current.state).toBe('absent');
  });
});

describe('createRetryTimer', () => {
  it('runs once per schedule, restarts on reschedule, and can be cancelled', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const timer = createRetryTimer(100, run);
    timer.schedule();
    vi.advanceTimersByTime(60);
    timer.schedule();
    vi.advanceTimersByTime(60);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(40);
    expect(run).toHaveBeenCalledTimes(1);
    timer.schedule();
    timer.cancel();
    vi.advanceTimersByTime(200);
    expect(run).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
