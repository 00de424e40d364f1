import { describe, expect, it } from 'vitest';
import {
  defaultSupervisorTimings,
  initialSupervisorState,
  workerExited,
  workerStarted,
  type SupervisorState,
} from './supervisor-policy';

/** Starts at `startAt`, dies `ranMs` later; returns the delay before the next start. */
function crash(state: SupervisorState, startAt: number, ranMs: number) {
  return workerExited(workerStarted(state, startAt), startAt + ranMs);
}

describe('supervisor policy', () => {
  it('doubles the restart delay from 0.5 s while the worker keeps dying at once, up to 30 s', () => {
    let state = initialSupervisorState;
    const delays: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const next = crash(state, i * 100_000, 200);
      delays.push(next.restartInMs);
      state = next.state;
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000]);
  });

  it('starts over after a run of 60 s: a one-off crash of a healthy worker', () => {
    let state = initialSupervisorState;
    for (let i = 0; i < 5; i += 1) state = crash(state, i * 1000, 10).state;
    expect(crash(state, 10_000, 59_999).restartInMs).toBe(16_000);
    expect(crash(state, 10_000, 60_000).restartInMs).toBe(500);
    expect(crash(state, 10_000, 60_000).state.failures).toBe(1);
  });

  it('counts a worker that never said hello (no start time) as failing at once', () => {
    const first = workerExited(initialSupervisorState, 5_000_000);
    const second = workerExited(first.state, 10_000_000);
    expect([first.restartInMs, second.restartInMs]).toEqual([500, 1000]);
  });

  it('never overflows the cap, however many failures', () => {
    const state: SupervisorState = { failures: 5000 };
    expect(workerExited(state, 0).restartInMs).toBe(defaultSupervisorTimings.maxDelayMs);
  });

  it('follows shortened timings (tests and demos)', () => {
    const timings = { ...defaultSupervisorTimings, initialDelayMs: 10, maxDelayMs: 25 };
    const first = workerExited(initialSupervisorState, 0, timings);
    const second = workerExited(first.state, 0, timings);
    const third = workerExited(second.state, 0, timings);
    expect([first.restartInMs, second.restartInMs, third.restartInMs]).toEqual([10, 20, 25]);
  });
});
