import { describe, expect, it } from 'vitest';
import { decodeStatus, type PrinterStatus } from '../protocol/status';
import {
  paperStatusByte,
  printerIdReply,
  realtimeStatusByte,
  type SimulatedCondition,
} from './status-bytes';
import { toHex } from '../../../transport/src/hex';

const fine: SimulatedCondition = {
  paper: 'ok',
  coverOpen: false,
  offline: false,
  cutterError: false,
};

describe('simulated status bytes decode to the state the knobs set', () => {
  it.each<[string, Partial<SimulatedCondition>, PrinterStatus['state'], string]>([
    ['all fine', {}, 'ready', '12 12 12 12'],
    ['paper low', { paper: 'low' }, 'paper-low', '12 12 12 1E'],
    ['paper out', { paper: 'out' }, 'paper-out', '1A 32 12 7E'],
    ['cover open', { coverOpen: true }, 'cover-open', '1A 16 12 12'],
    ['cutter jammed', { cutterError: true }, 'cutter-error', '1A 52 1A 12'],
    ['offline', { offline: true }, 'offline', '1A 12 12 12'],
  ])('%s → %s', (_, knobs, state, bytes) => {
    const condition = { ...fine, ...knobs };
    const [printer = 0, offlineCause = 0, errorCause = 0, paperSensor = 0] = (
      [1, 2, 3, 4] as const
    ).map((n) => realtimeStatusByte(condition, n));
    expect(toHex(Uint8Array.of(printer, offlineCause, errorCause, paperSensor))).toBe(bytes);
    expect(decodeStatus({ printer, offlineCause, errorCause, paperSensor })).toEqual({
      ok: true,
      value: { state },
    });
  });

  it('answers GS r 1 with the paper bits and bit 4 clear', () => {
    expect(paperStatusByte(fine)).toBe(0x00);
    expect(paperStatusByte({ ...fine, paper: 'low' })).toBe(0x03);
    expect(paperStatusByte({ ...fine, paper: 'out' })).toBe(0x0f);
  });

  it('answers GS I 65..67 as `_ text NUL`, nothing else', () => {
    const identity = { firmware: 'V1.2', maker: 'ACME', model: 'T80' };
    expect(toHex(printerIdReply(identity, 65) ?? new Uint8Array())).toBe('5F 56 31 2E 32 00');
    expect(printerIdReply(identity, 1)).toBeUndefined();
  });
});
