import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAllSentOnSpec,
  RESIDENT,
  startTestPlatform,
  submission,
  APPLICANT,
} from './sim-test-kit';
import type { TestPlatform } from './sim-test-kit';

/** Friday 2026-11-20 09:30 in China; the clock moves when a test says so. */
let clock = new Date('2026-11-20T01:30:00Z');
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
});
afterAll(async () => {
  await platform.close();
});

type Case = { caseNo: string; status: string; applicantMasked: string; timeline: unknown[] };

describe('platform simulator: 办件查询', () => {
  it('finds a resident’s past cases, newest first, masked, at their stage', async () => {
    const res = await platform.post('/v1/cases/search', { applicant: RESIDENT });
    expect(res.status).toBe(200);
    const { cases } = res.json as { cases: Case[] };
    expect(cases.length).toBe(4);
    expect(cases.every((c) => c.applicantMasked === '王**')).toBe(true);
    expect(res.text).not.toContain(RESIDENT.name);
    // The newest (3 days ago, a 20-day item) is still in review; the oldest was delivered.
    expect(cases[0]?.status).toBe('in-review');
    expect(cases.at(-1)?.status).toBe('delivered');
    const limited = await platform.post('/v1/cases/search', { applicant: RESIDENT, limit: 2 });
    expect((limited.json as { cases: Case[] }).cases).toHaveLength(2);
  });

  it('finds nobody for a name that does not go with the number', async () => {
    const res = await platform.post('/v1/cases/search', {
      applicant: { ...RESIDENT, name: '王秀' },
    });
    expect(res.json).toEqual({ cases: [] });
  });

  it('opens one case with its query code, and 404 for a wrong code or an unknown case', async () => {
    const [first] = platform.sim.historyCases();
    if (!first) throw new Error('no seeded case');
    const ok = await platform.post(`/v1/cases/${first.caseNo}/status`, {
      queryCode: first.queryCode,
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ caseNo: first.caseNo, itemCode: first.itemCode });
    const wrongCode = String((Number(first.queryCode) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await platform.post(`/v1/cases/${first.caseNo}/status`, { queryCode: wrongCode });
    const unknown = await platform.post('/v1/cases/37010020000101999999/status', {
      queryCode: '000000',
    });
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    // Indistinguishable on purpose: the same problem body.
    const strip = (j: unknown) => ({ ...(j as object), detail: undefined });
    expect(strip(wrong.json)).toEqual(strip(unknown.json));
    const malformed = await platform.post('/v1/cases/not_a_case/status', { queryCode: '000000' });
    expect(malformed.status).toBe(400);
  });

  it('shows a case submitted now progressing as time passes', async () => {
    const signature = await platform.uploadSignature();
    const res = await platform.post(
      '/v1/cases',
      submission(signature, {
        itemCode: '11370100004188027P4370117002000',
        form: {
          name: APPLICANT.name,
          idNumber: APPLICANT.idNumber,
          address: '济南市历下区测试路1号',
        },
      }),
      randomUUID(),
    );
    const { caseNo, queryCode } = res.json as { caseNo: string; queryCode: string };
    const status = async () =>
      ((await platform.post(`/v1/cases/${caseNo}/status`, { queryCode })).json as Case).status;
    expect(await status()).toBe('accepted');
    clock = new Date(clock.getTime() + 12 * 60 * 60 * 1000);
    expect(await status()).toBe('in-review');
    clock = new Date(clock.getTime() + 5 * 24 * 60 * 60 * 1000);
    expect(await status()).toBe('delivered');
    const mine = await platform.post('/v1/cases/search', { applicant: APPLICANT });
    expect((mine.json as { cases: Case[] }).cases[0]).toMatchObject({
      caseNo,
      status: 'delivered',
    });
  });

  it('sent only answers that validate against the spec', () => {
    expectAllSentOnSpec(platform.sim);
  });
});
