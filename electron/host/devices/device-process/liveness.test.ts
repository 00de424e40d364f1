import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLiveness } from './liveness';

const timings = { pingIntervalMs: 1_000, pingTimeoutMs: 3_000 };

describe('worker liveness ping', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('keeps asking a worker that answers, one ping at a time', async () => {
    const ping = vi.fn(() => Promise.resolve());
    const onHung = vi.fn();
    const watch = watchLiveness(ping, onHung, timings);
    await vi.advanceTimersByTimeAsync(10_500);
    expect(ping).toHaveBeenCalledTimes(10);
    expect(onHung).not.toHaveBeenCalled();
    watch.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ping).toHaveBeenCalledTimes(10);
  });

  it('reports a worker hung once a ping goes unanswered for the timeout, and only once', async () => {
    let answering = true;
    const ping = vi.fn(() => (answering ? Promise.resolve() : new Promise<void>(() => undefined)));
    const onHung = vi.fn();
    watchLiveness(ping, onHung, timings);
    await vi.advanceTimersByTimeAsync(2_500);
    answering = false;
    await vi.advanceTimersByTimeAsync(500); // ping 3 goes out at 3 s, unanswered
    await vi.advanceTimersByTimeAsync(2_999);
    expect(onHung).not.toHaveBeenCalled(); // a slow answer is not yet a hang
    await vi.advanceTimersByTimeAsync(1);
    expect(onHung).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(onHung).toHaveBeenCalledTimes(1);
    expect(ping).toHaveBeenCalledTimes(3); // no pings stacked on the unanswered one
  });

  it('takes a rejected ping as an answer: the loop ran (death is the exit handler’s to see)', async () => {
    const onHung = vi.fn();
    watchLiveness(() => Promise.reject(new Error('closed')), onHung, timings);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onHung).not.toHaveBeenCalled();
  });

  it('stopping while a ping is out reports nothing', async () => {
    const onHung = vi.fn();
    const watch = watchLiveness(() => new Promise<void>(() => undefined), onHung, timings);
    await vi.advanceTimersByTimeAsync(1_500);
    watch.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onHung).not.toHaveBeenCalled();
  });
});
