/**
 * The resident session as a state machine (DESIGN §2.5, house rule 5). The host owns it; the
 * renderer only shows the state it is in. Every delay is named and comes from configuration, so
 * tests shrink them and a hall with slower residents lengthens them.
 *
 * idle ──START──▶ active ───────────────────────────────────────────────▶ ended ──endedScreen──▶ idle
 *                 ├ flow:      identifying → choosing → confirming → submitting → done
 *                 │                                         ▲    └▶ submitFailed ─RETRY─┘
 *                 └ attention: attentive ──idleWarning──▶ warning ──idleCountdown──▶ (ended)
 * CANCEL from anywhere in `active` ends the session; ending always wipes it.
 */
import { assign, fromPromise, or, setup, stateIn } from 'xstate';
import type { Result } from '../../shared/result';
import type { EndReason, IdentifyProblem, PrintFailureCode } from '../../shared/views';
import type { SessionDelays } from '../config/schema';
import type { CaseReceipt, ServiceItem } from '../platform/types';
import type { IdentityCard } from '../../../drivers/idcard/src/card';
import {
  emptySession,
  type CaseToSubmit,
  type SessionContext,
  type SessionEvent,
  type SessionServices,
  type SubmitFailure,
} from './session-context';

export type {
  CaseToSubmit,
  SessionContext,
  SessionEvent,
  SessionServices,
  SubmitFailure,
} from './session-context';

export function createSessionMachine(services: SessionServices) {
  return setup({
    types: {
      context: {} as SessionContext,
      events: {} as SessionEvent,
      input: {} as { delays: SessionDelays },
    },
    delays: {
      idleWarning: ({ context }) => context.delays.idleWarningMs,
      idleCountdown: ({ context }) => context.delays.idleCountdownMs,
      readRetry: ({ context }) => context.delays.readRetryMs,
      endedScreen: ({ context }) => context.delays.endedScreenMs,
    },
    actors: {
      readCard: fromPromise<Result<IdentityCard, IdentifyProblem>>(({ signal }) =>
        services.readCard(signal),
      ),
      submitCase: fromPromise(({ input }: { input: CaseToSubmit }) => services.submitCase(input)),
      printReceipt: fromPromise(
        ({ input }: { input: { card: IdentityCard; item: ServiceItem; receipt: CaseReceipt } }) =>
          services.printReceipt(input),
      ),
    },
    guards: {
      terminalIsWorking: or([
        stateIn({ active: { flow: 'submitting' } }),
        stateIn({ active: { flow: { done: 'printing' } } }),
      ]),
    },
    actions: {
      wipe: assign(({ context }) => ({
        ...emptySession(context.delays),
        endReason: context.endReason,
      })),
      notifyWipe: ({ context }) => services.onWipe(context.endReason ?? 'finished'),
    },
  }).createMachine({
    id: 'session',
    initial: 'idle',
    context: ({ input }) => emptySession(input.delays),
    states: {
      idle: {
        entry: assign(({ context }) => emptySession(context.delays)),
        on: { START: 'active' },
      },
      active: {
        type: 'parallel',
        on: {
          CANCEL: { target: 'ended', actions: assign({ endReason: 'cancelled' as EndReason }) },
        },
        states: {
          flow: {
            initial: 'identifying',
            states: {
              identifying: {
                initial: 'reading',
                states: {
                  reading: {
                    invoke: {
                      src: 'readCard',
                      onDone: [
                        {
                          guard: ({ event }) => event.output.ok,
                          target: '#session.active.flow.choosing',
                          actions: assign(({ event }) => ({
                            card: event.output.ok ? event.output.value : undefined,
                            consentAt: services.now().toISOString(),
                            identifyProblem: undefined,
                          })),
                        },
                        {
                          target: 'pausing',
                          actions: assign(({ event }) => ({
                            identifyProblem: event.output.ok ? undefined : event.output.error,
                          })),
                        },
                      ],
                      onError: {
                        target: 'pausing',
                        actions: assign({ identifyProblem: 'read-failed' as IdentifyProblem }),
                      },
                    },
                  },
                  // A failed read shows its message; the reader is polled again after a pause so a
                  // resident can re-place the card, and a dead reader is not hammered.
                  pausing: { after: { readRetry: 'reading' } },
                },
              },
              choosing: {
                on: {
                  CHOOSE: {
                    target: 'confirming',
                    actions: assign(({ event }) => ({ item: event.item })),
                  },
                },
              },
              confirming: {
                on: {
                  BACK: {
                    target: 'choosing',
                    actions: assign({ item: undefined, signaturePng: undefined }),
                  },
                  SUBMIT: {
                    target: 'submitting',
                    actions: assign(({ context, event }) => ({
                      signaturePng: event.signaturePng,
                      idempotencyKey: context.idempotencyKey ?? services.newId(),
                      clientCaseId: context.clientCaseId ?? services.newId(),
                      submittedAt: services.now().toISOString(),
                    })),
                  },
                },
              },
              submitting: {
                invoke: {
                  src: 'submitCase',
                  input: ({ context }) => caseToSubmit(context),
                  onDone: [
                    {
                      guard: ({ event }) => event.output.ok,
                      target: 'done',
                      actions: assign(({ event }) => ({
                        receipt: event.output.ok ? event.output.value : undefined,
                        submitFailure: undefined,
                        // Submitted: the signature has done its job and leaves memory now.
                        signaturePng: undefined,
                      })),
                    },
                    {
                      target: 'submitFailed',
                      actions: assign(({ event }) => ({
                        submitFailure: event.output.ok ? undefined : event.output.error,
                      })),
                    },
                  ],
                  onError: {
                    target: 'submitFailed',
                    actions: assign({
                      submitFailure: { problem: 'platform-error' } as SubmitFailure,
                    }),
                  },
                },
              },
              submitFailed: { on: { RETRY: 'submitting' } },
              done: {
                initial: 'printing',
                on: {
                  FINISH: {
                    target: '#session.ended',
                    actions: assign({ endReason: 'finished' as EndReason }),
                  },
                },
                states: {
                  printing: {
                    entry: assign({ printFailure: undefined }),
                    invoke: {
                      src: 'printReceipt',
                      input: ({ context }) => ({
                        card: required(context.card, 'card'),
                        item: required(context.item, 'item'),
                        receipt: required(context.receipt, 'receipt'),
                      }),
                      onDone: [
                        { guard: ({ event }) => event.output.ok, target: 'printed' },
                        {
                          target: 'failed',
                          actions: assign(({ event }) => ({
                            printFailure: event.output.ok ? undefined : event.output.error,
                          })),
                        },
                      ],
                      onError: {
                        target: 'failed',
                        actions: assign({ printFailure: 'other' as PrintFailureCode }),
                      },
                    },
                  },
                  printed: {},
                  failed: { on: { REPRINT: 'printing' } },
                },
              },
            },
          },
          attention: {
            initial: 'attentive',
            states: {
              attentive: {
                on: { TOUCH: { target: 'attentive', reenter: true } },
                after: {
                  idleWarning: [
                    // Nobody is asked "are you still there?" while the terminal itself is working.
                    { guard: 'terminalIsWorking', target: 'attentive', reenter: true },
                    { target: 'warning' },
                  ],
                },
              },
              warning: {
                entry: assign({ warningStartedAt: () => services.now().getTime() }),
                exit: assign({ warningStartedAt: undefined }),
                on: { CONTINUE: 'attentive', TOUCH: 'attentive' },
                after: {
                  idleCountdown: {
                    target: '#session.ended',
                    actions: assign({ endReason: 'idle' as EndReason }),
                  },
                },
              },
            },
          },
        },
      },
      ended: {
        entry: ['wipe', 'notifyWipe'],
        after: { endedScreen: 'idle' },
      },
    },
  });
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`session: ${what} missing in this state`);
  return value;
}

function caseToSubmit(context: SessionContext): CaseToSubmit {
  return {
    card: required(context.card, 'card'),
    item: required(context.item, 'item'),
    signaturePng: required(context.signaturePng, 'signature'),
    idempotencyKey: required(context.idempotencyKey, 'idempotency key'),
    clientCaseId: required(context.clientCaseId, 'client case id'),
    consentAt: required(context.consentAt, 'consent time'),
    submittedAt: required(context.submittedAt, 'submission time'),
  };
}

export type SessionMachine = ReturnType<typeof createSessionMachine>;
