import type { Result } from '../../../electron/shared/result';
import { sleep } from '../../transport/src/timing';
import type { IdentityCard } from './card';
import type { ReadProgress } from './read-card';
import type { IdCardReadError, IdCardReaderStatus } from './status';
import type { WaitForRemovalError } from './wait-for-removal';

/** What `watchCards` reports, in order: placed (or unreadable), then removed, and again. */
export type CardPresenceEvent =
  | { kind: 'placed'; card: IdentityCard }
  /** A card is there but gives no card (retries used up, invalid card): it must be taken away. */
  | { kind: 'unreadable'; error: IdCardReadError }
  | { kind: 'removed' };

interface Watchable {
  readonly status: IdCardReaderStatus;
  readCard(options: {
    signal?: AbortSignal;
    onProgress?: (phase: ReadProgress) => void;
  }): Promise<Result<IdentityCard, IdCardReadError>>;
  waitForRemoval(options: { signal?: AbortSignal }): Promise<Result<void, WaitForRemovalError>>;
}

/**
 * Reports every card placed on the reader and every removal until `signal` aborts: read, then
 * wait for removal, then read again. While the reader is absent or failing it waits
 * `pauseMs` between tries (the driver reconnects by itself meanwhile).
 */
export async function watchCards(
  reader: Watchable,
  options: { signal: AbortSignal; onEvent: (event: CardPresenceEvent) => void; pauseMs: number },
): Promise<void> {
  const { signal, onEvent, pauseMs } = options;
  while (!signal.aborted) {
    const read = await reader.readCard({ signal });
    if (signal.aborted) return;
    if (read.ok) {
      onEvent({ kind: 'placed', card: read.value });
    } else if (read.error.code === 'no-reader' || read.error.code === 'sam-error') {
      await sleep(pauseMs, signal);
      continue;
    } else if (read.error.code !== 'cancelled') {
      onEvent({ kind: 'unreadable', error: read.error });
    }
    const removed = await reader.waitForRemoval({ signal });
    if (removed.ok) onEvent({ kind: 'removed' });
    else if (removed.error.code !== 'cancelled') await sleep(pauseMs, signal);
  }
}
