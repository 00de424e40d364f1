import type { IdCardSimulator } from './id-card-simulator';
import { sampleCard, sampleCards } from './sample-cards';

/**
 * The standalone simulator's stdin commands, one a line (the dev panel's knobs for a simulator
 * running in its own process). Each returns the line to print: `ok`, a listing, or `error: …`.
 */
export interface ConsoleTarget {
  sim: IdCardSimulator;
  unplug(): Promise<void>;
  plug(): Promise<void>;
}

export const consoleHelp = [
  'cards                 list the sample cards',
  'place <id>            put a sample card on the reader',
  'remove                take the card away',
  'fail-next-read        the next read answers SW3 41 once',
  'remove-during-read    the next read fails and the card is gone',
  'corrupt-next          the next reply has a wrong checksum',
  'sam-fault <hex>       every command but 12 FF answers this SW3 (e.g. 60)',
  'sam-ok                heal the SAM',
  'mute | unmute         stop / resume answering (reader powered off)',
  'timing real [baud]    reply at real serial timing (default 115200)',
  'timing fast           reply as fast as the pty goes',
  'chunks <n>            write replies in pieces of n bytes',
  'unplug | plug         pull / reconnect the cable (the port path vanishes)',
  'wire                  bytes on the wire since the last `wire` (commands, replies)',
  'quit',
].join('\n');

export async function runConsoleCommand(line: string, target: ConsoleTarget): Promise<string> {
  const [command = '', ...args] = line.trim().split(/\s+/);
  const { sim } = target;
  switch (command) {
    case '':
      return '';
    case 'help':
      return consoleHelp;
    case 'cards':
      return sampleCards.map((c) => `${c.id}\t${c.label}`).join('\n');
    case 'place': {
      const sample = sampleCard(args[0] ?? '');
      if (!sample) return `error: no sample card "${args[0] ?? ''}" (try: cards)`;
      sim.placeCard(sample.card);
      return 'ok';
    }
    case 'remove':
      sim.removeCard();
      return 'ok';
    case 'fail-next-read':
      sim.failNextRead();
      return 'ok';
    case 'remove-during-read':
      sim.removeCardDuringNextRead();
      return 'ok';
    case 'corrupt-next':
      sim.corruptNextChecksum();
      return 'ok';
    case 'sam-fault': {
      const sw3 = parseInt(args[0] ?? '', 16);
      if (!Number.isInteger(sw3) || sw3 < 0 || sw3 > 0xff)
        return 'error: sam-fault needs a hex SW3';
      sim.setSamFault(sw3);
      return 'ok';
    }
    case 'sam-ok':
      sim.setSamFault(undefined);
      return 'ok';
    case 'mute':
    case 'unmute':
      sim.setResponsive(command === 'unmute');
      return 'ok';
    case 'timing': {
      const { chunkSize } = sim.pacing;
      const keep = chunkSize ? { chunkSize } : {};
      const baudRate = Number(args[1] ?? 115200);
      if (args[0] === 'fast') sim.setPacing(keep);
      else if (args[0] === 'real' && baudRate > 0) sim.setPacing({ ...keep, baudRate });
      else return 'error: timing real [baud] | timing fast';
      return 'ok';
    }
    case 'chunks': {
      const size = Number(args[0]);
      if (!Number.isInteger(size) || size < 1) return 'error: chunks needs a positive number';
      sim.setPacing({ ...sim.pacing, chunkSize: size });
      return 'ok';
    }
    case 'wire': {
      const { commands, replies } = sim.wireBytes(true);
      return `commands ${commands} replies ${replies}`;
    }
    case 'unplug':
      await target.unplug();
      return 'ok';
    case 'plug':
      await target.plug();
      return 'ok';
    default:
      return `error: unknown command "${command}" (try: help)`;
  }
}
