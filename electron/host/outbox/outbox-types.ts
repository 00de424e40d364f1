/** The outbox's public shapes: what it is given, what it answers, how it is built. */
import type { Result } from '../../shared/result';
import type { CipherId } from '../crypto/record-cipher';
import type { KeyStore, KeyStoreError } from '../keystore/key-store';
import type { PlatformClient } from '../platform/client';
import type { CaseReceipt, Evaluation, ProblemCode, ProblemFieldError } from '../platform/types';
import type { KioskDatabase } from './kiosk-database';
import type { OutboxEntry, RequeueResult } from './outbox-store';
import type { OutboxTimings } from './outbox-timings';
import type { CaseToQueue } from './queued-case';

export type SubmitOutcome =
  /** The platform's receipt, within the bounded wait. */
  | { kind: 'accepted'; receipt: CaseReceipt; localReference: string }
  /** Safely on disk; the background sender delivers it when the platform answers. */
  | { kind: 'queued'; localReference: string; queuedAt: string };

export type EvaluationOutcome =
  | { kind: 'recorded'; evaluationId: string; followUpDays?: number; localReference: string }
  | { kind: 'queued'; localReference: string; queuedAt: string };

export type OutboxSubmitError =
  /** Breaks the spec (or the outbox's rules): nothing stored, nothing promised. */
  | { code: 'invalid'; message: string }
  /** The platform refused it for good while the resident waited (a final 4xx). Nothing kept. */
  | {
      code: 'rejected';
      status: number;
      platformCode: ProblemCode | 'unknown';
      errors?: ProblemFieldError[];
      localReference: string;
    }
  /** This Idempotency-Key was queued before (the same logical operation): see that record. */
  | { code: 'already-submitted'; localReference: string }
  /** The write failed (disk full, database damaged): nothing promised. */
  | { code: 'storage-failed'; message: string };

export type EvaluationToQueue = {
  idempotencyKey: string;
  evaluation: Evaluation;
  /**
   * The local reference of a case queued in the same session that has no case number yet: the
   * evaluation is sent after it, with its number (or with the item only, should the case die).
   */
  forCase?: string;
};

export type OutboxOptions = {
  db: KioskDatabase;
  client: PlatformClient;
  keyStore: KeyStore;
  cipher?: CipherId;
  timings?: Partial<OutboxTimings>;
  now?: () => number;
  random?: () => number;
  /** Whether the process that holds a lease still runs (start-up recovery); pid check by default. */
  ownerAlive?: (owner: string) => boolean;
};

export type OutboxOpenError = { code: 'key-store'; error: KeyStoreError };

export interface Outbox {
  submitCase(input: CaseToQueue): Promise<Result<SubmitOutcome, OutboxSubmitError>>;
  submitEvaluation(input: EvaluationToQueue): Promise<Result<EvaluationOutcome, OutboxSubmitError>>;
  /** Every record's non-personal metadata (kioskctl, technicians). */
  list(): OutboxEntry[];
  /** A technician's "try again now". */
  retry(id: string): RequeueResult;
  /** Records not yet settled, for the heartbeat and the screens. */
  depth(): { pending: number; oldestQueuedAt: string | null };
  /** Called whenever the depth may have changed; returns the unsubscribe. */
  onChange(
    listener: (depth: { pending: number; oldestQueuedAt: string | null }) => void,
  ): () => void;
  /** Starts the background sender (the host calls it once). */
  start(): void;
  /** Resolves when nothing is due or being sent (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops the sender and waits for deliveries under way. */
  close(): Promise<void>;
}
