import createDebug from 'debug';
import type { Transport } from '../../../transport/src/transport';
import type { IdentityCard } from '../card';
import { decodeCommand, type DecodedCommand, type SamBaudRate } from '../protocol/commands';
import { CommandFrameAccumulator, encodeResponse } from '../protocol/frame';
import { encodeSamId } from '../protocol/sam-id';
import { Sw3 } from '../protocol/status-codes';
import { encodeCardReplies, type CardReplies } from './card-reply';
import { writeReply, type WirePacing } from './reply-pacer';

const debug = createDebug('kiosk:idcard:sim');

/**
 * The reader's side of the SAM protocol (DESIGN §2.3 layer 4), over any transport: the device
 * end of a memory link, one end of a socat pty pair, or a HID loopback. It answers like a SAM-V
 * reader: a card must be found (20 01) and selected (20 02) before it can be read (30 01 / 30 10),
 * and after a read, or a failed one, it must be found and selected again. A card that stays in
 * the field is found again (find-card wakes a halted card), which is how removal is noticed.
 */
export interface IdCardSimulatorOptions {
  /** Management number answered to 12 FF. */
  samId?: string;
  /** Time the card takes to answer a read over the air (real readers: 0.5–1 s). Default 0. */
  readDelayMs?: number;
  /** An old SAM without fingerprint support answers 30 10 with SW3 21. Default true. */
  fingerprintCommand?: boolean;
  /** Reply timing (real serial timing, chunked writes). Default: as fast as the link goes. */
  pacing?: WirePacing;
}

export interface IdCardSimulator {
  /** Serves the protocol on `device` until it closes; returns a detach function. */
  attach(device: Transport): () => void;
  /** Throws if the card cannot be encoded (unknown nation, a field too long): a caller bug. */
  placeCard(card: IdentityCard): void;
  removeCard(): void;
  readonly card: IdentityCard | undefined;
  /** The next read answers SW3 41 (read failed), once. */
  failNextRead(): void;
  /** The next read answers SW3 41 and the card is gone: the resident took it mid-read. */
  removeCardDuringNextRead(): void;
  /** The next reply goes out with a wrong CHK, once. */
  corruptNextChecksum(): void;
  /** Makes every command but 12 FF answer this SW3, e.g. 0x60; `undefined` heals it. */
  setSamFault(sw3: number | undefined): void;
  /** `false`: commands are swallowed without a reply (a reader powered off behind its adapter). */
  setResponsive(responsive: boolean): void;
  /** Changes reply timing from now on. */
  setPacing(pacing: WirePacing): void;
  readonly pacing: WirePacing;
  /** The rate the last set-baud (60 0x) asked for. */
  readonly baudRate: SamBaudRate;
  /** Bytes seen on the wire since the last reset (for the bench's wire-time floor). */
  wireBytes(reset?: boolean): { commands: number; replies: number };
}

type ReadFault = 'fail' | 'remove' | undefined;

export function createIdCardSimulator(options: IdCardSimulatorOptions = {}): IdCardSimulator {
  const samId = encodeSamId(options.samId ?? '05.01-20240101-0000000001-0000000042');
  let card: IdentityCard | undefined;
  let replies: CardReplies | undefined;
  let found = false;
  let selected = false;
  let readFault: ReadFault;
  let corrupt = false;
  let samFault: number | undefined;
  let responsive = true;
  let pacing: WirePacing = options.pacing ?? {};
  let baudRate: SamBaudRate = 115200;
  const wire = { commands: 0, replies: 0 };

  function halt(): void {
    found = false;
    selected = false;
  }

  function removeCard(): void {
    card = undefined;
    replies = undefined;
    halt();
  }

  async function answer(command: DecodedCommand): Promise<Uint8Array> {
    if (samFault !== undefined && command.name !== 'sam-id') return encodeResponse(samFault);
    switch (command.name) {
      case 'reset-sam':
        halt();
        return encodeResponse(Sw3.ok);
      case 'sam-status':
        return encodeResponse(Sw3.ok);
      case 'sam-id':
        return encodeResponse(Sw3.ok, samId);
      case 'set-baud':
        baudRate = command.baudRate;
        return encodeResponse(Sw3.ok);
      case 'find-card':
        if (!card) return encodeResponse(Sw3.noCard);
        found = true;
        return encodeResponse(Sw3.cardFound, new Uint8Array(4));
      case 'select-card':
        if (!card || !found) return encodeResponse(Sw3.selectFailed);
        selected = true;
        return encodeResponse(Sw3.ok, new Uint8Array(8));
      case 'read-text-photo-fingerprint':
        if (options.fingerprintCommand === false) return encodeResponse(Sw3.commandError);
        return read('text-photo-fingerprint');
      case 'read-text-photo':
        return read('text-photo');
      case 'read-appended-address':
        return encodeResponse(card ? Sw3.itemEmpty : Sw3.noCard);
      case 'unknown':
        return encodeResponse(Sw3.commandError);
    }
  }

  async function read(kind: keyof CardReplies): Promise<Uint8Array> {
    if (!card) return encodeResponse(Sw3.noCard);
    if (!selected) return encodeResponse(Sw3.readFailed);
    halt();
    if (options.readDelayMs) await new Promise((r) => setTimeout(r, options.readDelayMs));
    const fault = readFault;
    readFault = undefined;
    if (fault === 'remove') removeCard();
    if (fault) return encodeResponse(Sw3.readFailed);
    return encodeResponse(Sw3.ok, replies?.[kind] ?? new Uint8Array(0));
  }

  return {
    attach(device) {
      const accumulator = new CommandFrameAccumulator();
      // Replies go out in command order even when one of them waits (readDelayMs, pacing).
      let queue: Promise<void> = Promise.resolve();
      const send = async (reply: Uint8Array, arrivedAt: number, length: number) => {
        if (corrupt) {
          corrupt = false;
          reply[reply.length - 1] = (reply[reply.length - 1] ?? 0) ^ 0xff;
        }
        wire.replies += reply.length;
        await writeReply(device, reply, pacing, { arrivedAt, length });
      };
      const offData = device.onData((chunk) => {
        const arrivedAt = performance.now();
        for (const outcome of accumulator.push(chunk)) {
          if (!responsive) continue;
          if (!outcome.ok) {
            debug('bad command frame: %s', outcome.error.code);
            const sw3 = outcome.error.code === 'bad-checksum' ? Sw3.checksumError : Sw3.lengthError;
            queue = queue.then(() => send(encodeResponse(sw3), arrivedAt, 0));
            continue;
          }
          const { cmd, para, data } = outcome.value;
          const length = 10 + data.length;
          wire.commands += length;
          const command = decodeCommand(cmd, para);
          debug('← %s', command.name);
          queue = queue.then(async () => send(await answer(command), arrivedAt, length));
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
      replies = encodeCardReplies(next);
      card = next;
      halt();
      debug('card placed (%s)', next.type);
    },
    removeCard() {
      removeCard();
      debug('card removed');
    },
    get card() {
      return card;
    },
    failNextRead() {
      readFault = 'fail';
    },
    removeCardDuringNextRead() {
      readFault = 'remove';
    },
    corruptNextChecksum() {
      corrupt = true;
    },
    setSamFault(sw3) {
      samFault = sw3;
    },
    setResponsive(next) {
      responsive = next;
    },
    setPacing(next) {
      pacing = next;
    },
    get pacing() {
      return pacing;
    },
    get baudRate() {
      return baudRate;
    },
    wireBytes(reset = false) {
      const counts = { ...wire };
      if (reset) {
        wire.commands = 0;
        wire.replies = 0;
      }
      return counts;
    },
  };
}
