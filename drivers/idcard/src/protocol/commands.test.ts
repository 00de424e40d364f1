import { describe, expect, it } from 'vitest';
import { hex, toHex } from '../../../transport/src/hex';
import {
  commandNameOf,
  commands,
  decodeCommand,
  encodeNamedCommand,
  encodeSetBaud,
  type CommandName,
} from './commands';
import { CommandFrameAccumulator } from './frame';

/** Every command of GA 467 we speak, as bytes on the wire (CHK = XOR of Len and payload). */
const vectors: [CommandName, string][] = [
  ['reset-sam', 'AA AA AA 96 69 00 03 10 FF EC'],
  ['sam-status', 'AA AA AA 96 69 00 03 11 FF ED'],
  ['sam-id', 'AA AA AA 96 69 00 03 12 FF EE'],
  ['find-card', 'AA AA AA 96 69 00 03 20 01 22'],
  ['select-card', 'AA AA AA 96 69 00 03 20 02 21'],
  ['read-text-photo', 'AA AA AA 96 69 00 03 30 01 32'],
  ['read-text-photo-fingerprint', 'AA AA AA 96 69 00 03 30 10 23'],
  ['read-appended-address', 'AA AA AA 96 69 00 03 30 03 30'],
];

describe('command hex vectors', () => {
  it('covers every named command', () => {
    expect(vectors.map(([name]) => name).sort()).toEqual(Object.keys(commands).sort());
  });

  it.each(vectors)('%s encodes as %s and decodes back', (name, wire) => {
    expect(toHex(encodeNamedCommand(name))).toBe(wire);
    const [frame] = new CommandFrameAccumulator().push(hex(wire));
    expect(frame?.ok && commandNameOf(frame.value.cmd, frame.value.para)).toBe(name);
  });

  it.each([
    [115200, 'AA AA AA 96 69 00 03 60 00 63'],
    [57600, 'AA AA AA 96 69 00 03 60 01 62'],
    [38400, 'AA AA AA 96 69 00 03 60 02 61'],
    [19200, 'AA AA AA 96 69 00 03 60 03 60'],
    [9600, 'AA AA AA 96 69 00 03 60 04 67'],
  ] as const)('set baud %i → %s', (rate, wire) => {
    expect(toHex(encodeSetBaud(rate))).toBe(wire);
    expect(decodeCommand(0x60, hex(wire)[8] ?? 0)).toEqual({ name: 'set-baud', baudRate: rate });
  });

  it('names what it does not know as unknown', () => {
    expect(decodeCommand(0x60, 0x05)).toEqual({ name: 'unknown' });
    expect(decodeCommand(0x30, 0x02)).toEqual({ name: 'unknown' });
    expect(decodeCommand(0x20, 0x01)).toEqual({ name: 'find-card' });
  });
});
