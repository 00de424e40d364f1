/**
 * The resident session as a state machine (DESIGN §2.5, house rule 5). The host owns it; the
 * renderer only shows the state it is in. Every delay is named and comes from configuration, so
 * tests shrink them and a hall with slower residents lengthens them.
 *
 * idle ─START─▶ active ─────────────────────────────────────────────────▶ ended ─endedScreen─▶ idle
 *   flow:  browsing ─CHOOSE─▶ consenting ─AGREE─▶ identifying ─card ok─▶ identified ─NEXT─▶ confirming
 *             ▲  (a card already read and accepted skips straight to confirming)          │ SUBMIT
 *             └──────────────── BACK ───────────────────────────────────────────  submitting ⇄ submitFailed
 *                                                                                          ▼
 *                                                                            done: printing → printed | failed
 *   attention: attentive ─idleWarning─▶ warning ─idleCountdown─▶ (ended)
 * CANCEL from anywhere in `active` ends the session; ending always wipes it.
 * idle ─TECHNICIAN_ENTER─▶ maintenance ─TECHNICIAN_EXIT | technicianInactivity─▶ idle (a resident's
 * session is wiped first); idle ⇄ outOfService follows SET_OUT_OF_SERVICE.
 */
import { assign, fromCallback, fromPromise, or, setup, stateIn, type EventObject } from 'xstate';
import { err } from '../../shared/result';
import type { EndReason, IdentifyProblem, PrintFailureCode } from '../../shared/views';
import {
  emptySession,
  itemAcceptsCard,
  type CaseToSubmit,
  type MachineDelays,
  type ReceiptInput,
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
      input: {} as { delays: MachineDelays; outOfService?: boolean },
    },
    delays: {
      // 长辈模式 doubles both (issue 7: "doubled in elder mode").
      idleWarning: ({ context }) => context.delays.idleWarningMs * (context.elder ? 2 : 1),
      idleCountdown: ({ context }) => context.delays.idleCountdownMs * (context.elder ? 2 : 1),
      readRetry: ({ context }) => context.delays.readRetryMs,
      identified: ({ context }) => context.delays.identifiedMs,
      endedScreen: ({ context }) => context.delays.endedScreenMs,
      technicianInactivity: ({ context }) => context.delays.technicianInactivityMs,
    },
    actors: {
      // A callback actor, so the driver's "a card is there" reaches the machine before the read ends.
      readCard: fromCallback<EventObject>(({ sendBack }) => {
        const controller = new AbortController();
        services
          .readCard(controller.signal, () => sendBack({ type: 'CARD_FOUND' }))
          .then(
            (result) => sendBack({ type: 'CARD_READ', result }),
            () => sendBack({ type: 'CARD_READ', result: err('read-failed' as IdentifyProblem) }),
          );
        return () => controller.abort();
      }),
      submitCase: fromPromise(({ input }: { input: CaseToSubmit }) => services.submitCase(input)),
      printReceipt: fromPromise(({ input }: { input: ReceiptInput }) =>
        services.printReceipt(input),
      ),
    },
    guards: {
      terminalIsWorking: or([
        stateIn({ active: { flow: 'submitting' } }),
        stateIn({ active: { flow: { done: 'printing' } } }),
      ]),
      isOutOfService: ({ context }) => context.outOfService,
      cardAlreadyAccepted: ({ context, event }) =>
        event.type === 'CHOOSE' &&
        context.card !== undefined &&
        itemAcceptsCard(event.item, context.card),
    },
    actions: {
      wipe: assign(({ context }) => ({
        ...emptySession(context),
        endReason: context.endReason,
      })),
      notifyWipe: ({ context }) => services.onWipe(context.endReason ?? 'finished'),
    },
  }).createMachine({
    id: 'session',
    initial: 'idle',
    context: ({ input }) =>
      emptySession({ delays: input.delays, outOfService: input.outOfService ?? false }),
    on: {
      SET_OUT_OF_SERVICE: { actions: assign(({ event }) => ({ outOfService: event.on })) },
      // Chosen on the attract screen or during the session; the next wipe forgets it.
      SET_ELDER: { actions: assign(({ event }) => ({ elder: event.elder })) },
    },
    states: {
      idle: {
        entry: assign(({ context }) => emptySession(context)),
        always: { guard: 'isOutOfService', target: 'outOfService' },
        on: { START: 'active', TECHNICIAN_ENTER: 'maintenance' },
      },
      // 本机暂停服务: the hall's help on screen; only a technician (or the platform) brings it back.
      outOfService: {
        always: { guard: ({ context }) => !context.outOfService, target: 'idle' },
        on: { TECHNICIAN_ENTER: 'maintenance' },
      },
      maintenance: {
        on: {
          TECHNICIAN_EXIT: 'idle',
          TOUCH: { target: 'maintenance', reenter: true },
        },
        // A technician who walks away does not leave the terminal in maintenance.
        after: { technicianInactivity: 'idle' },
      },
      active: {
        type: 'parallel',
        on: {
          CANCEL: { target: 'ended', actions: assign({ endReason: 'cancelled' as EndReason }) },
          // The resident's session is ended and wiped before technician mode starts.
          TECHNICIAN_ENTER: {
            target: 'maintenance',
            actions: [assign({ endReason: 'cancelled' as EndReason }), 'wipe', 'notifyWipe'],
          },
        },
        states: {
          flow: {
            initial: 'browsing',
            states: {
              browsing: {
                on: {
                  CHOOSE: [
                    {
                      guard: 'cardAlreadyAccepted',
                      target: 'confirming',
                      actions: assign(({ event }) => ({ item: event.item })),
                    },
                    {
                      target: 'consenting',
                      actions: assign(({ event }) => ({ item: event.item })),
                    },
                  ],
                },
              },
              consenting: {
                on: {
                  AGREE: {
                    target: 'identifying',
                    actions: assign({ consentAt: () => services.now().toISOString() }),
                  },
                  BACK: { target: 'browsing', actions: assign({ item: undefined }) },
                },
              },
              identifying: {
                initial: 'reading',
                entry: assign({ identifyProblem: undefined, cardFound: undefined }),
                on: { BACK: { target: 'browsing', actions: assign({ item: undefined }) } },
                states: {
                  reading: {
                    invoke: { src: 'readCard' },
                    on: {
                      CARD_FOUND: { actions: assign({ cardFound: true }) },
                      CARD_READ: [
                        {
                          guard: ({ context, event }) =>
                            event.result.ok &&
                            context.item !== undefined &&
                            itemAcceptsCard(context.item, event.result.value),
                          target: '#session.active.flow.identified',
                          actions: assign(({ event }) => ({
                            card: event.result.ok ? event.result.value : undefined,
                            identifyProblem: undefined,
                            cardFound: undefined,
                          })),
                        },
                        {
                          target: 'pausing',
                          actions: assign(({ event }) => ({
                            identifyProblem: event.result.ok
                              ? ('id-type-not-accepted' as const)
                              : event.result.error,
                            cardFound: undefined,
                          })),
                        },
                      ],
                    },
                  },
                  // A failed read shows its message; the reader is polled again after a pause so a
                  // resident can re-place the card, and a dead reader is not hammered.
                  pausing: { after: { readRetry: 'reading' } },
                },
              },
              // "读取成功" with the masked identity, long enough to read, then on by itself.
              identified: {
                on: { NEXT: 'confirming' },
                after: { identified: 'confirming' },
              },
              confirming: {
                on: {
                  BACK: {
                    target: 'browsing',
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
                        outcome: event.output.ok ? event.output.value : undefined,
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
              submitFailed: {
                on: {
                  // A refusal is final (the same case gets the same answer); anything else may be tried again.
                  RETRY: {
                    guard: ({ context }) => context.submitFailure?.problem !== 'platform-rejected',
                    target: 'submitting',
                  },
                },
              },
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
                        outcome: required(context.outcome, 'outcome'),
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
