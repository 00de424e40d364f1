/**
 * A device's current status and who wants to hear when it changes (DESIGN §4 rule 2: status is a
 * value the driver publishes, never an exception). `same` decides what counts as a change.
 */
export interface StatusChannel<S> {
  readonly current: S;
  /** Records `next` and tells the listeners, unless it is the same as the current status. */
  set(next: S): void;
  subscribe(listener: (status: S) => void): () => void;
}

export function createStatusChannel<S>(
  initial: S,
  options: { same: (a: S, b: S) => boolean; onChange?: (status: S) => void },
): StatusChannel<S> {
  let current = initial;
  const listeners = new Set<(status: S) => void>();
  return {
    get current() {
      return current;
    },
    set(next) {
      if (options.same(next, current)) return;
      current = next;
      options.onChange?.(next);
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
