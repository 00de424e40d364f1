/**
 * Waiting helpers every driver needs: named delays that end early when the user cancels or the
 * link is lost (an AbortSignal each). Shared here because every driver sits on a transport.
 */

/** Waits `ms`, or less if any signal aborts. Resolves `true` when it was cut short. */
export function sleep(ms: number, ...signals: (AbortSignal | undefined)[]): Promise<boolean> {
  const live = signals.filter((s): s is AbortSignal => s !== undefined);
  if (live.some((s) => s.aborted)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (aborted: boolean) => {
      clearTimeout(timer);
      for (const s of live) s.removeEventListener('abort', onAbort);
      resolve(aborted);
    };
    const onAbort = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    for (const s of live) s.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves with `promise`'s value, or `'aborted'` as soon as `signal` aborts. The promise itself
 * keeps running (a command already on the wire still owns the link until its reply or timeout).
 */
export function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T | 'aborted'> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve('aborted');
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
