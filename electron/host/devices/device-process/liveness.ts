/**
 * Noticing a device worker that hangs without dying (issue 8). A crash is seen by its exit; a
 * worker whose event loop is stuck — a synchronous HID read that never returns, a native call
 * wedged on a half-unplugged USB device — stays alive, holds the serial ports, and answers
 * nothing, so every card read would wait forever. The supervisor pings a worker that has said
 * hello; one that does not answer within the timeout is reported hung (and killed, and restarted,
 * by the caller).
 *
 * One ping is in flight at a time: a slow answer is not stacked on by the next tick.
 */
export interface LivenessTimings {
  /** How often a serving worker is asked. A healthy worker answers in well under 1 ms. */
  pingIntervalMs: number;
  /**
   * How long an answer may take. Generous: it must cover a GC pause or a burst of status frames
   * on a loaded machine, while a resident at the reader notices a stuck worker only after it.
   */
  pingTimeoutMs: number;
}

export const defaultLivenessTimings: LivenessTimings = {
  pingIntervalMs: 5_000,
  pingTimeoutMs: 10_000,
};

export interface LivenessWatch {
  stop(): void;
}

export function watchLiveness(
  ping: () => Promise<unknown>,
  onHung: () => void,
  timings: LivenessTimings = defaultLivenessTimings,
): LivenessWatch {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void askOnce(), timings.pingIntervalMs);
    timer.unref?.();
  };

  const askOnce = async () => {
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const answered = await Promise.race([
      ping().then(
        () => true,
        // A rejection is an answer: the worker's loop ran. Death is the exit handler's business.
        () => true,
      ),
      new Promise<false>((resolve) => {
        timeout = setTimeout(() => resolve(false), timings.pingTimeoutMs);
        timeout.unref?.();
      }),
    ]);
    clearTimeout(timeout);
    if (stopped) return;
    if (!answered) {
      stopped = true;
      onHung();
      return;
    }
    schedule();
  };

  schedule();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
