import { err, type Result } from '../../../electron/shared/result';
import { raceAbort } from '../../transport/src/timing';
import type { TransportOpener } from '../../transport/src/transport';
import type { IdentityCard } from './card';
import { createConnection } from './connection';
import { defaultIdCardDelays, type IdCardDelays } from './delays';
import { readCard, type ReadProgress } from './read-card';
import type { ReadCommand } from './read-machine';
import type { SamLink } from './sam-link';
import type { IdCardReadError, IdCardReaderStatus } from './status';
import { waitForRemoval, type WaitForRemovalError } from './wait-for-removal';
import { watchCards, type CardPresenceEvent } from './watch-cards';

export { defaultIdCardDelays, type IdCardDelays } from './delays';
export type { IdCardErrorReason, IdCardReadError, IdCardReaderStatus } from './status';
export type { ReadProgress } from './read-card';
export type { WaitForRemovalError } from './wait-for-removal';
export type { CardPresenceEvent } from './watch-cards';

export interface IdCardReaderOptions {
  open: TransportOpener;
  delays?: Partial<IdCardDelays>;
  /**
   * `text-photo-fingerprint` (30 10, default) tells whether the card holds fingerprints (the
   * templates are dropped at once); `text-photo` (30 01) is the shorter 1295-byte reply and
   * `hasFingerprint` is then always false. A SAM that refuses 30 10 gets 30 01 automatically.
   */
  read?: 'text-photo' | 'text-photo-fingerprint';
}

export interface ReadCardOptions {
  signal?: AbortSignal | undefined;
  /** Called with `card-found` once a card answers, before it is read ("正在读取，请勿移开"). */
  onProgress?: ((phase: ReadProgress) => void) | undefined;
}

export interface IdCardReader {
  readonly status: IdCardReaderStatus;
  /** Called on every status change; returns an unsubscribe. */
  onStatus(listener: (status: IdCardReaderStatus) => void): () => void;
  /**
   * Waits for a card (polling), then reads it. Resolves `cancelled` when `signal` aborts and
   * `no-reader` when the reader is absent or goes away meanwhile.
   */
  readCard(options?: ReadCardOptions): Promise<Result<IdentityCard, IdCardReadError>>;
  /** Resolves once no card is on the reader (the resident took it away). */
  waitForRemoval(options?: {
    signal?: AbortSignal | undefined;
  }): Promise<Result<void, WaitForRemovalError>>;
  /** Reports placed / unreadable / removed until `signal` aborts (technician tools, dev panel). */
  watchCards(options: {
    signal: AbortSignal;
    onEvent: (event: CardPresenceEvent) => void;
  }): Promise<void>;
  /** The status once the connection attempt under way (if any) has its verdict. */
  whenSettled(): Promise<IdCardReaderStatus>;
  /** Stops reconnecting and closes the port. */
  close(): Promise<void>;
}

/**
 * The resident-ID reader driver (DESIGN §2.3 layer 3): a connection that probes and reconnects
 * by itself (`connection.ts`), and operations on it, run one at a time in call order: reads
 * (`read-machine.ts`), waits for removal, and an idle SAM health check.
 */
export function createIdCardReader(options: IdCardReaderOptions): IdCardReader {
  const delays: IdCardDelays = { ...defaultIdCardDelays, ...options.delays };
  const connection = createConnection(options.open, delays);
  const readCommands = new WeakMap<SamLink, ReadCommand>();
  const defaultRead: ReadCommand =
    options.read === 'text-photo' ? 'read-text-photo' : 'read-text-photo-fingerprint';
  let tail: Promise<unknown> = Promise.resolve();
  let queued = 0;

  /** Runs `operation` after every earlier one (one command sequence on the wire at a time). */
  function exclusive<T>(operation: () => Promise<T>): Promise<T> {
    queued++;
    const run = tail.then(operation).finally(() => queued--);
    tail = run.catch(() => undefined);
    return run;
  }

  /** The trusted link, waiting for a connection attempt under way; `undefined` if none. */
  async function currentLink(signal?: AbortSignal): Promise<SamLink | 'aborted' | undefined> {
    if (signal?.aborted) return 'aborted';
    if (!connection.link && (await raceAbort(connection.settled(), signal)) === 'aborted') {
      return 'aborted';
    }
    return connection.link;
  }

  /** After an operation: a refusing SAM is distrusted, a silent reader re-probed. */
  async function aftermath(link: SamLink, samError?: string): Promise<void> {
    if (samError !== undefined) {
      await connection.distrust(link, { state: 'error', reason: 'sam-fault', message: samError });
    } else if (link.silentExchanges > 0) {
      await connection.recheck(link);
    }
  }

  async function readExclusive(
    run: ReadCardOptions,
  ): Promise<Result<IdentityCard, IdCardReadError>> {
    const link = await currentLink(run.signal);
    if (link === 'aborted') return err({ code: 'cancelled' });
    if (!link) return err({ code: 'no-reader' });
    const { result, readCommand } = await readCard(
      link,
      delays,
      readCommands.get(link) ?? defaultRead,
      run,
    );
    readCommands.set(link, readCommand);
    await aftermath(
      link,
      !result.ok && result.error.code === 'sam-error' ? result.error.message : undefined,
    );
    return result;
  }

  async function removalExclusive(
    signal?: AbortSignal,
  ): Promise<Result<void, WaitForRemovalError>> {
    const link = await currentLink(signal);
    if (link === 'aborted') return err({ code: 'cancelled' });
    if (!link) return err({ code: 'no-reader' });
    const result = await waitForRemoval(link, delays, signal);
    await aftermath(
      link,
      !result.ok && result.error.code === 'sam-error' ? result.error.message : undefined,
    );
    return result;
  }

  // A reader powered off behind a USB-serial adapter sends no unplug event: ask it now and then.
  const idle = setInterval(() => {
    const link = connection.link;
    if (!link || queued > 0) return;
    if (performance.now() - link.lastExchangeAt < delays.idleCheckMs) return;
    void exclusive(() => connection.recheck(link));
  }, delays.idleCheckMs);
  idle.unref?.();

  const reader: IdCardReader = {
    get status() {
      return connection.status.current;
    },
    onStatus(listener) {
      return connection.status.subscribe(listener);
    },
    async readCard(run = {}) {
      const outcome = await raceAbort(
        exclusive(() => readExclusive(run)),
        run.signal,
      );
      return outcome === 'aborted' ? err({ code: 'cancelled' }) : outcome;
    },
    async waitForRemoval({ signal } = {}) {
      const outcome = await raceAbort(
        exclusive(() => removalExclusive(signal)),
        signal,
      );
      return outcome === 'aborted' ? err({ code: 'cancelled' }) : outcome;
    },
    watchCards({ signal, onEvent }) {
      return watchCards(reader, { signal, onEvent, pauseMs: delays.reconnectMs });
    },
    async whenSettled() {
      await connection.settled();
      return connection.status.current;
    },
    async close() {
      clearInterval(idle);
      await connection.close();
    },
  };
  return reader;
}
