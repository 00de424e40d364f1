/**
 * The RPC layer above the carrier (DESIGN §2.2): the same code runs over an Electron MessagePort
 * and over the browser shell's WebSocket. A carrier only moves strings.
 */
import { createBirpc } from 'birpc';
import { kioskInputs, type KioskApi, type KioskMethod, type RendererApi } from './contract';
import type { HostEvent } from './views';

export interface StringChannel {
  send(text: string): void;
  /** Subscribe to incoming messages; returns an unsubscribe. */
  onMessage(listener: (text: string) => void): () => void;
}

function isKioskMethod(name: string): name is KioskMethod {
  return Object.hasOwn(kioskInputs, name);
}

export interface HostEndpoint {
  push(event: HostEvent): void;
  close(): void;
}

/**
 * Serves the host API on one channel. Each call's input is parsed with its zod schema before the
 * API sees it; an invalid input is a bug in the caller and rejects with the schema's message.
 */
export function serveKioskApi(api: KioskApi, channel: StringChannel): HostEndpoint {
  let unsubscribe: (() => void) | undefined;
  const rpc = createBirpc<RendererApi, KioskApi>(api, {
    post: (data: string) => channel.send(data),
    on: (fn) => {
      unsubscribe = channel.onMessage(fn);
    },
    off: () => unsubscribe?.(),
    serialize: (value: unknown) => JSON.stringify(value),
    deserialize: (text: string) => JSON.parse(text) as unknown,
    eventNames: ['onEvent'],
    resolver(name, resolved) {
      if (!isKioskMethod(name)) return undefined;
      const schema = kioskInputs[name];
      return (input: unknown) => {
        const parsed = schema.safeParse(input ?? {});
        if (!parsed.success) {
          throw new Error(
            `Invalid input for ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'} ${i.message}`).join('; ')}`,
          );
        }
        return resolved(parsed.data);
      };
    },
  });
  return {
    push: (event) => void rpc.onEvent.asEvent(event).catch(() => undefined),
    close: () => rpc.$close(),
  };
}

export interface RendererEndpoint {
  api: KioskApi;
  close(): void;
}

/** Connects the renderer to the host API; host events arrive at `onEvent`. */
export function connectKioskApi(
  channel: StringChannel,
  onEvent: (event: HostEvent) => void,
): RendererEndpoint {
  let unsubscribe: (() => void) | undefined;
  const rpc = createBirpc<KioskApi, RendererApi>(
    { onEvent },
    {
      post: (data: string) => channel.send(data),
      on: (fn) => {
        unsubscribe = channel.onMessage(fn);
      },
      off: () => unsubscribe?.(),
      serialize: (value: unknown) => JSON.stringify(value),
      deserialize: (text: string) => JSON.parse(text) as unknown,
      timeout: 30_000,
    },
  );
  return { api: rpc as unknown as KioskApi, close: () => rpc.$close() };
}
