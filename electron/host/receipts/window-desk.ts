/**
 * For items done at a window (not on this terminal): a queue ticket from the platform (取号),
 * printed with the window and the people ahead, and the printed one-time notice (打印指南) so the
 * resident brings the right materials. A ticket's Idempotency-Key is kept for the screen's
 * retries of the same item, so a tap after a lost answer does not take a second ticket.
 */
import { ok, err, type Result } from '../../shared/result';
import type { PrintFailureCode, QueueTicketView } from '../../shared/views';
import type { CatalogService } from '../catalog/catalog-service';
import type { DeviceManager } from '../devices/device-manager';
import { isTransient } from '../platform/platform-error';
import type { PlatformClient } from '../platform/client';
import { printReceipt, type ReceiptTerminal } from './print-case-receipt';

export type TicketError =
  | { code: 'unknown-item' }
  | { code: 'platform-unavailable' }
  | { code: 'refused'; platformCode: string };

export type GuideError =
  { code: 'unknown-item' } | { code: 'print-failed'; reason: PrintFailureCode };

export interface WindowDesk {
  takeTicket(itemCode: string): Promise<Result<QueueTicketView, TicketError>>;
  printGuide(itemCode: string): Promise<Result<void, GuideError>>;
  /** Forget the kept keys (the session ended). */
  reset(): void;
}

export function createWindowDesk(deps: {
  client: PlatformClient;
  catalog: CatalogService;
  devices: DeviceManager;
  terminal: ReceiptTerminal;
  newId: () => string;
  now: () => Date;
}): WindowDesk {
  const keys = new Map<string, string>();
  return {
    async takeTicket(itemCode) {
      const item = await deps.catalog.find(itemCode);
      if (!item) return err({ code: 'unknown-item' });
      const key = keys.get(itemCode) ?? deps.newId();
      keys.set(itemCode, key);
      const ticket = await deps.client.takeQueueTicket({ itemCode }, key);
      if (!ticket.ok) {
        if (isTransient(ticket.error)) return err({ code: 'platform-unavailable' });
        keys.delete(itemCode);
        return err({
          code: 'refused',
          platformCode:
            ticket.error.code === 'problem' ? ticket.error.problemCode : ticket.error.code,
        });
      }
      keys.delete(itemCode);
      const { ticketNo, windowArea, waitingAhead, estimatedWaitMinutes } = ticket.value;
      const printed = await printReceipt(
        deps.devices.printer,
        {
          kind: 'queue-ticket',
          ticketNo,
          windowArea,
          waitingAhead,
          ...(estimatedWaitMinutes !== undefined ? { estimatedWaitMinutes } : {}),
          itemName: item.name,
          takenAt: deps.now().toISOString(),
          terminalId: deps.terminal.terminalId,
        },
        deps.terminal,
      );
      return ok({
        itemName: item.name,
        ticketNo,
        windowArea,
        waitingAhead,
        ...(estimatedWaitMinutes !== undefined ? { estimatedWaitMinutes } : {}),
        print: printed.ok ? { state: 'printed' } : { state: 'failed', code: printed.error },
      });
    },
    async printGuide(itemCode) {
      const item = await deps.catalog.find(itemCode);
      if (!item) return err({ code: 'unknown-item' });
      const printed = await printReceipt(
        deps.devices.printer,
        {
          kind: 'guide',
          item,
          printedAt: deps.now().toISOString(),
          terminalId: deps.terminal.terminalId,
          hotline: deps.terminal.hotline,
        },
        deps.terminal,
      );
      return printed.ok ? ok() : err({ code: 'print-failed', reason: printed.error });
    },
    reset: () => keys.clear(),
  };
}
