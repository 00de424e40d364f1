/**
 * The RPC layer above the carrier (DESIGN §2.2): the same code runs over an Electron MessagePort
 * and over the browser shell's WebSocket. A carrier only moves strings. This file is the page's
 * side and what both sides share; the host's side, with the zod validation, is rpc-serve.ts, so
 * the page bundle never carries zod.
 */
import { createBirpc } from 'birpc';
import type { KioskApi, RendererApi } from './contract';
import type { HostEvent } from './views';

export interface StringChannel {
  send(text: string): void;
  /** Subscribe to incoming messages; returns an unsubscribe. */
  onMessage(listener: (text: string) => void): () => void;
}

/**
 * JSON with one addition: an Error (a rejected call) crosses as its message, so the caller sees
 * why, not `{}`. Stacks stay on the side that threw.
 */
const ERROR_TAG = '__kioskError';
export function serialize(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Error ? { [ERROR_TAG]: true, message: v.message } : v,
  );
}
export function deserialize(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) =>
    v && typeof v === 'object' && (v as Record<string, unknown>)[ERROR_TAG] === true
      ? new Error(String((v as { message?: unknown }).message))
      : v,
  );
}

/** The carrier-facing half of birpc's options, the same on both sides: strings over a channel. */
export function channelOptions(channel: StringChannel) {
  let unsubscribe: (() => void) | undefined;
  return {
    post: (data: string) => channel.send(data),
    on: (fn: (data: string) => void) => {
      unsubscribe = channel.onMessage(fn);
    },
    off: () => unsubscribe?.(),
    serialize,
    deserialize,
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
  const rpc = createBirpc<KioskApi, RendererApi>(
    { onEvent },
    { ...channelOptions(channel), timeout: 30_000 },
  );
  return { api: rpc as unknown as KioskApi, close: () => rpc.$close() };
}
