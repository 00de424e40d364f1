/**
 * One pending retry at a time (reconnecting to an absent device, polling its status). The timer
 * is unref'd: a background retry must not keep a process (CLI, test runner) alive by itself.
 */
export interface RetryTimer {
  /** (Re)starts the countdown; `run` is called once when it ends. */
  schedule(): void;
  cancel(): void;
}

export function createRetryTimer(delayMs: number, run: () => void): RetryTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        run();
      }, delayMs);
      timer.unref?.();
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
