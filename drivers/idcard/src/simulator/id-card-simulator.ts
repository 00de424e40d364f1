import createDebug from 'debug';
import type { Transport } from '../../../transport/src/transport';
import type { IdentityCard } from '../card';
import { commandNameOf } from '../protocol/commands';
import { CommandFrameAccumulator, encodeResponse, type CommandFrame } from '../protocol/frame';
import { encodeReadTextPhoto } from '../protocol/read-reply';
import { encodeSamId } from '../protocol/sam-id';
import { Sw3 } from '../protocol/status-codes';
import { encodeTextBlock } from '../protocol/text-block';

const debug = createDebug('kiosk:idcard:sim');

/**
 * The reader's side of the SAM protocol (DESIGN §2.3 layer 4), over any transport: the device
 * end of a memory link, or one end of a socat pty pair. It answers like a SAM-V reader: a card
 * must be found (20 01) and selected (20 02) before it can be read (30 01), and after a read, or
 * a failed one, it must be found and selected again (the card halts after each read).
 */
export interface IdCardSimulatorOptions {
  /** Management number answered to 12 FF. */
  samId?: string;
  /** Time the "card" takes to answer a read (real readers: ~1 s). Default 0. */
  readDelayMs?: number;
}

export interface IdCardSimulator {
  /** Serves the protocol on `device` until it closes; returns a detach function. */
  attach(device: Transport): () => void;
  /** Throws if the card cannot be encoded (unknown nation, a field too long): a caller bug. */
  placeCard(card: IdentityCard): void;
  removeCard(): void;
  readonly card: IdentityCard | undefined;
  /** The next read-text(-photo) answers SW3 41 (read failed), once. */
  failNextRead(): void;
  /** The next reply goes out with a wrong CHK, once. */
  corruptNextChecksum(): void;
  /** Makes the SAM status check (11 FF) answer this SW3, e.g. 0x60; `undefined` heals it. */
  setSamFault(sw3: number | undefined): void;
}

export function createIdCardSimulator(options: IdCardSimulatorOptions = {}): IdCardSimulator {
  const samId = encodeSamId(options.samId ?? '05.01-20240101-0000000001-0000000042');
  let card: IdentityCard | undefined;
  /** The 30 01 reply data of `card`, encoded when it is placed (so a bad card throws there). */
  let cardData: Uint8Array | undefined;
  let found = false;
  let selected = false;
  let failRead = false;
  let corrupt = false;
  let samFault: number | undefined;

  function halt(): void {
    found = false;
    selected = false;
  }

  async function answer(frame: CommandFrame): Promise<Uint8Array> {
    const name = commandNameOf(frame.cmd, frame.para);
    if (samFault !== undefined && name !== 'sam-id') return encodeResponse(samFault);
    switch (name) {
      case 'reset-sam':
      case 'sam-status':
        return encodeResponse(Sw3.ok);
      case 'sam-id':
        return encodeResponse(Sw3.ok, samId);
      case 'find-card':
        if (!card) return encodeResponse(Sw3.noCard);
        found = true;
        return encodeResponse(Sw3.cardFound, new Uint8Array(4));
      case 'select-card':
        if (!card || !found) return encodeResponse(Sw3.selectFailed);
        selected = true;
        return encodeResponse(Sw3.ok, new Uint8Array(8));
      case 'read-text-photo':
      case 'read-text-photo-fingerprint': {
        if (!card) return encodeResponse(Sw3.noCard);
        if (!selected) return encodeResponse(Sw3.readFailed);
        halt();
        if (options.readDelayMs) await new Promise((r) => setTimeout(r, options.readDelayMs));
        if (failRead) {
          failRead = false;
          return encodeResponse(Sw3.readFailed);
        }
        const data = cardData ?? new Uint8Array(0);
        if (name === 'read-text-photo') return encodeResponse(Sw3.ok, data);
        // 30 10 adds a fingerprint length after the photo length; synthetic cards carry none.
        const withPrint = new Uint8Array(data.length + 2);
        withPrint.set(data.subarray(0, 4), 0);
        withPrint.set(data.subarray(4), 6);
        return encodeResponse(Sw3.ok, withPrint);
      }
      case 'read-appended-address':
        return encodeResponse(card ? Sw3.itemEmpty : Sw3.noCard);
      case undefined:
        return encodeResponse(Sw3.commandError);
    }
  }

  return {
    attach(device) {
      const accumulator = new CommandFrameAccumulator();
      // Replies go out in command order even when one of them waits (readDelayMs).
      let queue: Promise<void> = Promise.resolve();
      const send = (reply: Uint8Array) => {
        if (corrupt) {
          corrupt = false;
          reply[reply.length - 1] = (reply[reply.length - 1] ?? 0) ^ 0xff;
        }
        if (device.isOpen) device.write(reply).catch(() => undefined);
      };
      const offData = device.onData((chunk) => {
        for (const outcome of accumulator.push(chunk)) {
          if (!outcome.ok) {
            debug('bad command frame: %s', outcome.error.code);
            const sw3 = outcome.error.code === 'bad-checksum' ? Sw3.checksumError : Sw3.lengthError;
            queue = queue.then(() => send(encodeResponse(sw3)));
            continue;
          }
          const frame = outcome.value;
          queue = queue.then(async () => send(await answer(frame)));
        }
      });
      const offClose = device.onClose(() => detach());
      const detach = () => {
        offData();
        offClose();
        halt();
      };
      return detach;
    },
    placeCard(next) {
      const { photoWlt, ...text } = next;
      cardData = encodeReadTextPhoto({ text: encodeTextBlock(text), photo: photoWlt });
      card = next;
      halt();
    },
    removeCard() {
      card = undefined;
      cardData = undefined;
      halt();
    },
    get card() {
      return card;
    },
    failNextRead() {
      failRead = true;
    },
    corruptNextChecksum() {
      corrupt = true;
    },
    setSamFault(sw3) {
      samFault = sw3;
    },
  };
}
