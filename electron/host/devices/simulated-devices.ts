/**
 * The simulated card reader and printer the terminal runs on by default: real drivers talking
 * real bytes to device simulators through in-memory links (DESIGN §2.3 layer 4). The dev panel
 * places sample cards and runs the printer out of paper through this object.
 */
import type { IdCardFault, PrinterFault } from '../../shared/contract';
import type { PrintedReceiptView } from '../../shared/views';
import type { IdentityCard } from '../../../drivers/idcard/src/card';
import { createIdCardSimulator } from '../../../drivers/idcard/src/simulator/id-card-simulator';
import { sampleCards, type SampleCard } from '../../../drivers/idcard/src/simulator/sample-cards';
import { createPrinterSimulator } from '../../../drivers/printer/src/simulator/printer-simulator';
import {
  createSimulatedPort,
  type SimulatedPort,
} from '../../../drivers/transport/src/simulated-port';

export interface SimulatedDevices {
  idcardPort: SimulatedPort;
  printerPort: SimulatedPort;
  idcard: {
    sampleCards: readonly SampleCard[];
    placeCard(card: IdentityCard): void;
    removeCard(): void;
    fault(fault: IdCardFault): void;
  };
  printer: {
    setPaper(paper: 'ok' | 'out'): void;
    fault(fault: PrinterFault): void;
    lastReceipt(): PrintedReceiptView | undefined;
  };
  onPrinted(listener: (receipt: PrintedReceiptView) => void): () => void;
}

export function createSimulatedDevices(): SimulatedDevices {
  const cardSimulator = createIdCardSimulator();
  const printerSimulator = createPrinterSimulator();
  const idcardPort = createSimulatedPort({
    label: 'idcard',
    attach: (device) => void cardSimulator.attach(device),
  });
  const printerPort = createSimulatedPort({
    label: 'printer',
    attach: (device) => void printerSimulator.attach(device),
  });
  return {
    idcardPort,
    printerPort,
    idcard: {
      sampleCards,
      placeCard: (card) => cardSimulator.placeCard(card),
      removeCard: () => cardSimulator.removeCard(),
      fault(fault) {
        switch (fault) {
          case 'fail-next-read':
            return cardSimulator.failNextRead();
          case 'remove-during-next-read':
            return cardSimulator.removeCardDuringNextRead();
          case 'corrupt-next-checksum':
            return cardSimulator.corruptNextChecksum();
          case 'sam-fault':
            return cardSimulator.setSamFault(0x60); // SW3 60: SAM self-test failed
          case 'sam-ok':
            return cardSimulator.setSamFault(undefined);
          case 'unplug':
            return idcardPort.unplug();
          case 'plug':
            return idcardPort.plug();
        }
      },
    },
    printer: {
      setPaper: (paper) => printerSimulator.setPaper(paper),
      fault(fault) {
        switch (fault) {
          case 'paper-low':
            return printerSimulator.setPaper('low');
          case 'out-mid-job':
            // Enough for the start of a receipt, not its end: the job must be reported failed.
            return printerSimulator.runOutOfPaperAfter(200);
          case 'cover-open':
          case 'cover-closed':
            return printerSimulator.setCoverOpen(fault === 'cover-open');
          case 'offline':
          case 'online':
            return printerSimulator.setOffline(fault === 'offline');
          case 'cutter-jammed':
          case 'cutter-ok':
            return printerSimulator.setCutterError(fault === 'cutter-jammed');
          case 'slow':
            return printerSimulator.setSpeed(40); // mm/s: a tired mechanism; real units do 150–250
          case 'normal-speed':
            return printerSimulator.setSpeed(undefined);
        }
      },
      lastReceipt: () => printerSimulator.lastReceipt(),
    },
    onPrinted: (listener) => printerSimulator.onPrinted(listener),
  };
}
