/** The simulator's other desks: licences, identity verification, 好差评, queue tickets. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACE_MARKERS } from './identity-desk';
import { expectAllSentOnSpec, ITEMS, RESIDENT, startTestPlatform } from './sim-test-kit';
import type { TestPlatform } from './sim-test-kit';

const NOW = new Date('2026-11-20T01:30:00Z');
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ now: () => NOW });
});
afterAll(async () => {
  await platform.close();
});

const consentAt = '2026-11-20T09:29:00+08:00';
/** A tiny JPEG: SOI, a COM segment carrying `comment`, EOI. Not a face: the simulator has none. */
function jpeg(comment = 'kiosk test'): string {
  const text = Buffer.from(comment, 'latin1');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(text.length + 2);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xfe]),
    length,
    text,
    Buffer.from([0xff, 0xd9]),
  ]).toString('base64');
}

describe('platform simulator: 电子证照', () => {
  it('returns the holder’s licences, filtered by type, masked', async () => {
    const all = await platform.post('/v1/licenses/search', {
      holder: RESIDENT,
      consentAt,
      purpose: ITEMS.ruralPension,
    });
    expect(all.status).toBe(200);
    const licences = (all.json as { licenses: { type: string; holderMasked: string }[] }).licenses;
    expect(licences.map((l) => l.type).sort()).toEqual(['household-register', 'marriage']);
    expect(licences.every((l) => l.holderMasked === '王**')).toBe(true);
    const some = await platform.post('/v1/licenses/search', {
      holder: RESIDENT,
      types: ['marriage'],
      consentAt,
      purpose: ITEMS.ruralPension,
    });
    expect((some.json as { licenses: unknown[] }).licenses).toHaveLength(1);
  });

  it('needs a current consent and a real purpose; strangers hold nothing', async () => {
    const stale = await platform.post('/v1/licenses/search', {
      holder: RESIDENT,
      consentAt: '2026-11-20T08:00:00+08:00',
      purpose: ITEMS.ruralPension,
    });
    expect(stale.json).toMatchObject({
      code: 'validation-failed',
      errors: [{ path: '/consentAt' }],
    });
    const noItem = await platform.post('/v1/licenses/search', {
      holder: RESIDENT,
      consentAt,
      purpose: 'X',
    });
    expect(noItem.json).toMatchObject({ errors: [{ path: '/purpose', code: 'unknown-item' }] });
    const stranger = await platform.post('/v1/licenses/search', {
      holder: { ...RESIDENT, name: '李四' },
      consentAt,
      purpose: ITEMS.ruralPension,
    });
    expect(stranger.json).toEqual({ licenses: [] });
  });
});

describe('platform simulator: 人证核验', () => {
  const verify = (livePhoto: string, cardPhotoWlt?: string) =>
    platform.post('/v1/identity/verifications', {
      person: RESIDENT,
      livePhoto,
      ...(cardPhotoWlt === undefined ? {} : { cardPhotoWlt }),
    });

  it('gives a verdict; a mismatch is an answer, not an error', async () => {
    expect((await verify(jpeg(), Buffer.alloc(1024).toString('base64'))).json).toEqual({
      match: true,
      score: 0.93,
    });
    expect((await verify(jpeg(FACE_MARKERS.mismatch))).json).toEqual({ match: false, score: 0.11 });
    expect((await verify(jpeg(FACE_MARKERS.uncertain))).json).toEqual({
      match: false,
      score: 0.62,
    });
  });

  it('refuses what is not a JPEG of at most 200 KiB, and a card photo that is not 1024 bytes', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64');
    expect((await verify(png)).json).toMatchObject({
      errors: [{ path: '/livePhoto', code: 'not-jpeg' }],
    });
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(201 * 1024)]).toString(
      'base64',
    );
    expect((await verify(big)).json).toMatchObject({
      errors: [{ path: '/livePhoto', code: 'too-large' }],
    });
    expect((await verify('***')).json).toMatchObject({
      errors: [{ path: '/livePhoto', code: 'not-base64' }],
    });
    const wlt = await verify(jpeg(), Buffer.alloc(10).toString('base64'));
    expect(wlt.json).toMatchObject({ errors: [{ path: '/cardPhotoWlt', code: 'not-wlt' }] });
  });
});

describe('platform simulator: 好差评', () => {
  const rate = (body: object, key = randomUUID()) =>
    platform.post('/v1/evaluations', { channel: 'kiosk', evaluatedAt: consentAt, ...body }, key);

  it('records a good rating, and promises a follow-up for a poor one with reasons', async () => {
    const good = await rate({ level: 5, itemCode: ITEMS.pensionProof });
    expect(good.status).toBe(201);
    expect(good.json).toEqual({ evaluationId: expect.any(String) });
    const poor = await rate({ level: 2, itemCode: ITEMS.pensionProof, reasons: ['too-slow'] });
    expect(poor.json).toEqual({ evaluationId: expect.any(String), followUpDays: 15 });
  });

  it('applies the rules: reasons for ≤ 2, known reasons, a case or an item, once per case', async () => {
    expect((await rate({ level: 1, itemCode: ITEMS.pensionProof })).json).toMatchObject({
      code: 'validation-failed',
      errors: [{ path: '/reasons', code: 'required' }],
    });
    expect(
      (await rate({ level: 2, itemCode: ITEMS.pensionProof, reasons: ['rude'] })).json,
    ).toMatchObject({
      errors: [{ path: '/reasons/0', code: 'unknown-reason' }],
    });
    expect((await rate({ level: 4 })).json).toMatchObject({
      errors: [{ path: '/caseNo', code: 'required' }],
    });
    expect((await rate({ level: 4, caseNo: '37010020000101999999' })).json).toMatchObject({
      errors: [{ path: '/caseNo', code: 'unknown-case' }],
    });
    const [past] = platform.sim.historyCases();
    expect((await rate({ level: 4, caseNo: past!.caseNo })).status).toBe(201);
    expect((await rate({ level: 5, caseNo: past!.caseNo })).json).toMatchObject({
      errors: [{ path: '/caseNo', code: 'already-evaluated' }],
    });
    const future = await rate({
      level: 5,
      itemCode: ITEMS.pensionProof,
      evaluatedAt: '2026-11-21T09:00:00+08:00',
    });
    expect(future.json).toMatchObject({ errors: [{ path: '/evaluatedAt', code: 'in-future' }] });
  });

  it('is idempotent: one evaluation per key, 409 for another body', async () => {
    const before = platform.sim.evaluationCount();
    const key = randomUUID();
    const first = await rate({ level: 3, itemCode: ITEMS.pensionProof }, key);
    const again = await rate({ level: 3, itemCode: ITEMS.pensionProof }, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json).toEqual(first.json);
    expect(platform.sim.evaluationCount()).toBe(before + 1);
    expect((await rate({ level: 4, itemCode: ITEMS.pensionProof }, key)).status).toBe(409);
  });
});

describe('platform simulator: 取号', () => {
  const take = (itemCode: string, key = randomUUID()) =>
    platform.post('/v1/queue/tickets', { itemCode }, key);

  it('numbers tickets per window zone, with the queue ahead', async () => {
    const first = await take(ITEMS.householdMove);
    expect(first.status).toBe(201);
    expect(first.json).toEqual({
      ticketNo: 'A001',
      windowArea: '1楼 A区 3号窗口（公安户籍）',
      waitingAhead: 0,
      estimatedWaitMinutes: 0,
    });
    expect((await take(ITEMS.householdMove)).json).toMatchObject({
      ticketNo: 'A002',
      waitingAhead: 1,
    });
    // An item without its own window goes to its theme's zone.
    expect((await take(ITEMS.pensionProof)).json).toMatchObject({
      ticketNo: 'B001',
      windowArea: '2楼 B区 社保窗口',
    });
  });

  it('replays a ticket for the same key, and refuses an unknown item', async () => {
    const key = randomUUID();
    const first = await take(ITEMS.minimumLiving, key);
    const again = await take(ITEMS.minimumLiving, key);
    expect(again.json).toEqual(first.json);
    expect((await take('NO-SUCH-ITEM')).json).toMatchObject({
      errors: [{ path: '/itemCode', code: 'unknown-item' }],
    });
  });

  it('sent only answers that validate against the spec', () => {
    expectAllSentOnSpec(platform.sim);
  });
});

describe('platform simulator: a hall with opening hours', () => {
  it('answers 503 maintenance with Retry-After until opening', async () => {
    // 07:30 in China; the hall opens at 08:30.
    const early = await startTestPlatform({
      now: () => new Date('2026-11-19T23:30:00Z'),
      hallHours: { opens: '08:30', closes: '17:30' },
    });
    try {
      const res = await early.post(
        '/v1/queue/tickets',
        { itemCode: ITEMS.householdMove },
        randomUUID(),
      );
      expect(res.status).toBe(503);
      expect(res.json).toMatchObject({ code: 'maintenance' });
      expect(res.headers['retry-after']).toBe('3600');
      expectAllSentOnSpec(early.sim);
    } finally {
      await early.close();
    }
  });
});
