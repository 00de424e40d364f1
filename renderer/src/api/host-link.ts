import type { KioskApi } from '../../../electron/shared/contract';
import { connectKioskApi, type StringChannel } from '../../../electron/shared/rpc';
import type { HostEvent } from '../../../electron/shared/views';
import type { Carrier, CarrierLoss } from './carrier';

/** How long the page waits for its carrier to open before it treats the host as gone. */
export const CONNECT_TIMEOUT_MS = 10_000;

export type LinkState =
  { state: 'connecting' } | { state: 'open' } | { state: 'lost'; reason: CarrierLoss };

export type HostEventListener = (event: HostEvent) => void;
/** Subscribes to host pushes; returns an unsubscribe. */
export type SubscribeHostEvents = (listener: HostEventListener) => () => void;

export interface HostLink {
  /** Usable at once: calls made before the carrier opens wait in a queue. */
  api: KioskApi;
  onEvent: SubscribeHostEvents;
  onState(listener: (state: LinkState) => void): () => void;
}

/**
 * The page's one connection to the host: the RPC layer (electron/shared/rpc.ts) over whichever
 * carrier the shell provides. Outgoing messages queue until the carrier opens, so the API object
 * exists from the first line of main.ts and stores never wait for a "ready" signal.
 */
export function createHostLink(carrier: Carrier, connectTimeoutMs = CONNECT_TIMEOUT_MS): HostLink {
  let state: LinkState = { state: 'connecting' };
  let send: ((text: string) => void) | undefined;
  const queue: string[] = [];
  const messageListeners = new Set<(text: string) => void>();
  const eventListeners = new Set<HostEventListener>();
  const stateListeners = new Set<(state: LinkState) => void>();

  const setState = (next: LinkState): void => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const channel: StringChannel = {
    send(text) {
      if (state.state === 'lost') return;
      if (send) send(text);
      else queue.push(text);
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
  };

  const endpoint = connectKioskApi(channel, (event) => {
    for (const listener of eventListeners) listener(event);
  });

  const timeout = setTimeout(() => {
    if (state.state === 'connecting') setState({ state: 'lost', reason: 'timed-out' });
  }, connectTimeoutMs);

  carrier({
    opened(carrierSend) {
      if (state.state !== 'connecting') return;
      clearTimeout(timeout);
      send = carrierSend;
      setState({ state: 'open' });
      for (const text of queue.splice(0)) carrierSend(text);
    },
    received(text) {
      if (state.state !== 'open') return;
      for (const listener of messageListeners) listener(text);
    },
    lost(reason) {
      if (state.state === 'lost') return;
      clearTimeout(timeout);
      send = undefined;
      queue.length = 0;
      setState({ state: 'lost', reason });
      endpoint.close();
    },
  });

  return {
    api: endpoint.api,
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
  };
}
