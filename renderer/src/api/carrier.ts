/**
 * A carrier moves strings between the page and the host (DESIGN §2.2). Each shell has its own:
 * a WebSocket with a per-launch secret in the browser shell, a MessagePort handed over by the
 * preload in Electron. Everything above a carrier is shared code.
 */

/** Why a carrier stopped; the page then shows a calm notice and reloads. */
export type CarrierLoss = 'closed' | 'rejected' | 'timed-out';

/** What a carrier reports to the link above it. */
export interface CarrierSink {
  /** The carrier can now send; `send` delivers one RPC message to the host. */
  opened(send: (text: string) => void): void;
  /** One RPC message from the host. */
  received(text: string): void;
  /** The connection is gone (or never came); nothing more will arrive. */
  lost(reason: CarrierLoss): void;
}

/** Starts connecting and reports through the sink. */
export type Carrier = (sink: CarrierSink) => void;
