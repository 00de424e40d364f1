import { createSimulatedPort, type SimulatedPort } from '../../../transport/src/simulated-port';
import type { IdCardDelays } from '../delays';
import { createIdCardReader, type IdCardReader, type IdCardReaderOptions } from '../driver';
import {
  createIdCardSimulator,
  type IdCardSimulator,
  type IdCardSimulatorOptions,
} from '../simulator/id-card-simulator';
import type { IdCardReaderStatus } from '../status';

/** Delays shrunk for tests: the same machine, ~50× faster. */
export const fastDelays: IdCardDelays = {
  pollMs: 5,
  retryMs: 2,
  retries: 2,
  replyTimeoutMs: 1000,
  quickReplyTimeoutMs: 150,
  reconnectMs: 20,
  removalPollMs: 5,
  removalPolls: 2,
  idleCheckMs: 60_000,
};

export interface Rig {
  reader: IdCardReader;
  sim: IdCardSimulator;
  port: SimulatedPort;
}

/**
 * A reader on a simulated port, simulator behind it; chunkSize 61 (default) forces reassembly of
 * every reply (each chunk is a macrotask, so small chunks make long replies slow). Tests close every rig they make with `closeRigs()`.
 */
export function createRig(
  options: {
    plugged?: boolean;
    delays?: Partial<IdCardDelays>;
    read?: IdCardReaderOptions['read'];
    sim?: IdCardSimulatorOptions;
    chunkSize?: number;
  } = {},
): Rig {
  const sim = createIdCardSimulator(options.sim);
  const port = createSimulatedPort({
    label: 'idcard',
    chunkSize: options.chunkSize ?? 61,
    attach: sim.attach,
  });
  if (options.plugged === false) port.unplug();
  const reader = createIdCardReader({
    open: port.open,
    delays: { ...fastDelays, ...options.delays },
    ...(options.read ? { read: options.read } : {}),
  });
  const rig = { reader, sim, port };
  rigs.push(rig);
  return rig;
}

const rigs: Rig[] = [];

export async function closeRigs(): Promise<void> {
  await Promise.all(rigs.splice(0).map((r) => r.reader.close()));
}

export function statusBecomes(
  reader: Pick<IdCardReader, 'status' | 'onStatus'>,
  state: IdCardReaderStatus['state'],
): Promise<IdCardReaderStatus> {
  if (reader.status.state === state) return Promise.resolve(reader.status);
  return new Promise((resolve) => {
    const off = reader.onStatus((status) => {
      if (status.state !== state) return;
      off();
      resolve(status);
    });
  });
}

export const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
