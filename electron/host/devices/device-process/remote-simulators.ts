import type { PrintedReceiptView } from '../../../shared/views';
import type { IdentityCard } from '../../../../drivers/idcard/src/card';
import type { SimulatedDevices } from '../simulated-devices';
import { cardToWire, type WorkerRpc } from './wire';

/**
 * The dev panel's knobs, forwarded. Each is an event sent in order on the same channel as the
 * operations, so "place a card, then read" reaches the worker in that order. A restarted worker
 * starts with fresh simulators (no card on the reader, paper full).
 */
export function remoteSimulators(deps: {
  send: (run: (rpc: WorkerRpc) => Promise<void>) => void;
  sampleCards: () => SimulatedDevices['idcard']['sampleCards'];
  lastReceipt: () => PrintedReceiptView | undefined;
  onPrinted: SimulatedDevices['onPrinted'];
}): SimulatedDevices {
  const { send } = deps;
  const port = (plug: (plugged: boolean) => void) => {
    let plugged = true;
    return {
      // The drivers that open this port live in the worker; the host has nothing to open.
      open: () => Promise.resolve(undefined),
      get plugged() {
        return plugged;
      },
      unplug() {
        plugged = false;
        plug(false);
      },
      plug() {
        plugged = true;
        plug(true);
      },
    };
  };
  return {
    idcardPort: port((plugged) => send((rpc) => rpc.simPlug.asEvent('idcard', plugged))),
    printerPort: port((plugged) => send((rpc) => rpc.simPlug.asEvent('printer', plugged))),
    idcard: {
      get sampleCards() {
        return deps.sampleCards();
      },
      placeCard: (card: IdentityCard) => send((rpc) => rpc.simPlaceCard.asEvent(cardToWire(card))),
      removeCard: () => send((rpc) => rpc.simRemoveCard.asEvent()),
      fault: (fault) => send((rpc) => rpc.simIdCardFault.asEvent(fault)),
    },
    printer: {
      setPaper: (paper) => send((rpc) => rpc.simSetPaper.asEvent(paper)),
      fault: (fault) => send((rpc) => rpc.simPrinterFault.asEvent(fault)),
      lastReceipt: deps.lastReceipt,
    },
    onPrinted: deps.onPrinted,
  };
}
