import { ref, type Ref } from 'vue';

export interface Pending {
  pending: Ref<boolean>;
  /** Runs one host call at a time; a second tap while it is in flight does nothing. */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
}

/**
 * Guards buttons against double taps. A rejected call is a bug or a dropped connection (which the
 * connection store handles); it is logged without arguments, which may be personal.
 */
export function usePending(): Pending {
  const pending = ref(false);
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (pending.value) return undefined;
    pending.value = true;
    try {
      return await action();
    } catch (error) {
      console.error('host call failed:', error instanceof Error ? error.message : 'unknown');
      return undefined;
    } finally {
      pending.value = false;
    }
  }
  return { pending, run };
}
