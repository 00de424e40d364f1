import { describe, expect, it } from 'vitest';
import {
  canPrint,
  decodeStatus,
  describeStatusBits,
  isPaperStatusReply,
  isRealtimeStatusReply,
  statusRequest,
  type PrinterStatus,
} from './status';
import { toHex } from '../../../transport/src/hex';

const clear = { printer: 0x12, offlineCause: 0x12, errorCause: 0x12, paperSensor: 0x12 };

describe('DLE EOT', () => {
  it('requests are 10 04 n', () => {
    expect([1, 2, 3, 4].map((n) => toHex(statusRequest(n as 1 | 2 | 3 | 4)))).toEqual([
      '10 04 01',
      '10 04 02',
      '10 04 03',
      '10 04 04',
    ]);
  });

  it.each<[string, Partial<typeof clear>, PrinterStatus['state']]>([
    ['all clear', {}, 'ready'],
    ['near end (bits 2,3 of n=4)', { paperSensor: 0x1e }, 'paper-low'],
    ['near end, one sensor bit', { paperSensor: 0x16 }, 'paper-low'],
    ['paper end (n=4 bits 5,6) while still online', { paperSensor: 0x7e }, 'paper-out'],
    [
      'stopped by paper end (n=2 bit 5)',
      { printer: 0x1a, offlineCause: 0x32, paperSensor: 0x7e },
      'paper-out',
    ],
    ['cover open (n=2 bit 2)', { printer: 0x1a, offlineCause: 0x16 }, 'cover-open'],
    [
      'cover open and paper out: the cover first',
      { printer: 0x1a, offlineCause: 0x36, paperSensor: 0x7e },
      'cover-open',
    ],
    [
      'autocutter error (n=3 bit 3)',
      { printer: 0x1a, offlineCause: 0x52, errorCause: 0x1a },
      'cutter-error',
    ],
    ['offline without a named cause (n=1 bit 3)', { printer: 0x1a }, 'offline'],
    ['unrecoverable error', { printer: 0x1a, offlineCause: 0x52, errorCause: 0x32 }, 'offline'],
  ])('%s → %s', (_, replies, state) => {
    expect(decodeStatus({ ...clear, ...replies })).toEqual({ ok: true, value: { state } });
  });

  it('refuses a byte whose fixed bits are wrong (not a status reply)', () => {
    expect(decodeStatus({ ...clear, errorCause: 0x00 })).toEqual({
      ok: false,
      error: { code: 'bad-status-byte', request: 3, byte: 0 },
    });
  });

  it('paper-low still prints; nothing else that is wrong does', () => {
    const states: PrinterStatus['state'][] = [
      'ready',
      'paper-low',
      'paper-out',
      'cover-open',
      'cutter-error',
      'offline',
      'absent',
    ];
    expect(states.filter((state) => canPrint({ state } as PrinterStatus))).toEqual([
      'ready',
      'paper-low',
    ]);
  });

  it('names the bits that are set, for the test page', () => {
    expect(describeStatusBits(clear)).toEqual([]);
    expect(
      describeStatusBits({
        printer: 0x1a,
        offlineCause: 0x36,
        errorCause: 0x1a,
        paperSensor: 0x7e,
      }),
    ).toEqual([
      'offline',
      'cover-open',
      'paper-end-stop',
      'autocutter-error',
      'paper-near-end',
      'paper-end',
    ]);
  });

  it('tells DLE EOT replies (bit 4 set) from GS r 1 replies (bit 4 clear)', () => {
    for (const byte of [0x12, 0x1a, 0x1e, 0x36, 0x7e]) {
      expect([isRealtimeStatusReply(byte), isPaperStatusReply(byte)]).toEqual([true, false]);
    }
    for (const byte of [0x00, 0x03, 0x0c, 0x0f]) {
      expect([isRealtimeStatusReply(byte), isPaperStatusReply(byte)]).toEqual([false, true]);
    }
    expect(isRealtimeStatusReply(0x5f)).toBe(false); // a GS I header is neither
  });
});
