/**
 * The host's side of the RPC layer: serves the API on one channel, parsing each call's input with
 * its zod schema before the API sees it (DESIGN §2.2: input validated at the boundary).
 */
import { createBirpc } from 'birpc';
import { kioskInputs, type KioskApi, type KioskMethod, type RendererApi } from './contract';
import { channelOptions, type StringChannel } from './rpc';
import type { HostEvent } from './views';

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
  const rpc = createBirpc<RendererApi, KioskApi>(api, {
    ...channelOptions(channel),
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
