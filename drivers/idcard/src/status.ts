/**
 * The reader as the host sees it (DESIGN §4 rule 2). `absent` covers "never plugged in" and
 * "unplugged": the driver keeps trying to reopen and moves to `ready` by itself. `error` is a
 * reader that is there but unusable; the driver keeps re-probing it too.
 */
export type IdCardReaderStatus =
  | { state: 'ready'; samId?: string }
  | { state: 'absent' }
  | { state: 'error'; reason: IdCardErrorReason; message: string };

export type IdCardErrorReason =
  /** The port exists but cannot be opened (permissions, locked by another process). */
  | 'cannot-open'
  /** The port opened but nothing answers the SAM status check (wrong device or baud, powered off). */
  | 'no-answer'
  /** The SAM answered with a fault (self-test failed 60, not authorised 66, 23). */
  | 'sam-fault'
  /** Replies come back garbled. */
  | 'bad-reply';

export type IdCardReadError =
  | { code: 'cancelled' }
  | { code: 'no-reader' }
  | { code: 'read-failed'; message: string }
  | { code: 'invalid-card'; message: string }
  | { code: 'protocol-error'; message: string }
  | { code: 'sam-error'; message: string };
