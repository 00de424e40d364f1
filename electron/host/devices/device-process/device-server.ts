/**
 * The worker's side: serves one `DeviceManager` (real drivers, or drivers on simulators) over a
 * string channel to the host's proxy (remote-device-manager.ts). Status changes, printed
 * receipts and counter changes are pushed; operations carry a `callId` so the host can cancel a
 * card read and receive its progress.
 */
import { createBirpc } from 'birpc';
import { ok } from '../../../shared/result';
import { channelOptions, type StringChannel } from '../../../shared/rpc';
import type { DeviceManager } from '../device-manager';
import {
  bytesFromWire,
  cardFromWire,
  cardToWire,
  workerEventNames,
  type HostFunctions,
  type WorkerFunctions,
  type WorkerHello,
  type WorkerState,
} from './wire';

export interface DeviceServer {
  close(): void;
}

export function serveDeviceManager(manager: DeviceManager, channel: StringChannel): DeviceServer {
  const running = new Map<string, AbortController>();
  const abortable = <T>(callId: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    running.set(callId, controller);
    return run(controller.signal).finally(() => running.delete(callId));
  };
  const state = (): WorkerState => ({
    idcard: manager.idcard.status,
    printer: manager.printer.status,
    counters: {
      snapshot: manager.printerCounters.snapshot(),
      forecast: manager.printerCounters.forecast(),
    },
  });
  const sims = manager.simulators;

  const hello = (): WorkerHello => ({
    ...state(),
    ...(sims
      ? {
          simulators: {
            sampleCards: sims.idcard.sampleCards.map((sample) => ({
              id: sample.id,
              label: sample.label,
              card: cardToWire(sample.card),
            })),
            lastReceipt: sims.printer.lastReceipt() ?? null,
          },
        }
      : {}),
  });

  const functions: WorkerFunctions = {
    readCard: (callId) =>
      abortable(callId, async (signal) => {
        const read = await manager.idcard.readCard({
          signal,
          onProgress: (phase) => void rpc.readProgress.asEvent(callId, phase).catch(ignore),
        });
        return read.ok ? ok(cardToWire(read.value)) : read;
      }),
    waitForRemoval: (callId) =>
      abortable(callId, (signal) => manager.idcard.waitForRemoval({ signal })),
    cancel: (callId) => running.get(callId)?.abort(),
    whenSettled: () => manager.idcard.whenSettled(),
    async print(job) {
      const printed = await manager.printer.print(bytesFromWire(job));
      pushState(); // the counters moved
      return printed;
    },
    refreshStatus: () => manager.printer.refreshStatus(),
    diagnostics: () => manager.printer.diagnostics(),
    recordJob(lengthMm) {
      manager.printerCounters.recordJob(lengthMm);
      pushState();
    },
    refill() {
      manager.printerCounters.refill();
      pushState();
    },
    simPlaceCard: (card) => sims?.idcard.placeCard(cardFromWire(card)),
    simRemoveCard: () => sims?.idcard.removeCard(),
    simIdCardFault: (fault) => sims?.idcard.fault(fault),
    simSetPaper: (paper) => sims?.printer.setPaper(paper),
    simPrinterFault: (fault) => sims?.printer.fault(fault),
    simPlug(device, plugged) {
      const port = device === 'idcard' ? sims?.idcardPort : sims?.printerPort;
      if (plugged) port?.plug();
      else port?.unplug();
    },
    ping: () => Promise.resolve(),
    close: () => manager.close(),
  };

  const rpc = createBirpc<HostFunctions, WorkerFunctions>(functions, {
    ...channelOptions(channel),
    eventNames: workerEventNames,
    // Card reads wait for a resident for as long as the host lets them; the host cancels.
    timeout: -1,
  });
  const pushState = () => void rpc.state.asEvent(state()).catch(ignore);
  const unsubscribes = [
    manager.idcard.onStatus(pushState),
    manager.printer.onStatus(pushState),
    manager.onPrinted((receipt) => void rpc.printed.asEvent(receipt).catch(ignore)),
  ];

  void rpc.hello.asEvent(hello()).catch(ignore);

  return {
    close() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      for (const controller of running.values()) controller.abort();
      rpc.$close();
    },
  };
}

const ignore = () => undefined;
