/**
 * The reader as the host sees it (DESIGN §4 rule 2). `absent` covers "never plugged in" and
 * "unplugged": the driver keeps trying to reopen and moves to `ready` by itself.
 */
export type IdCardReaderStatus =
  { state: 'ready'; samId?: string } | { state: 'absent' } | { state: 'error'; message: string };

export type IdCardReadError =
  | { code: 'cancelled' }
  | { code: 'no-reader' }
  | { code: 'read-failed'; message: string }
  | { code: 'invalid-card'; message: string }
  | { code: 'protocol-error'; message: string }
  | { code: 'sam-error'; message: string };
