import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateResponse } from '../../electron/host/platform/spec/validators';
import type { CaseSubmission } from '../../electron/host/platform/types';
import {
  APPLICANT,
  expectAllSentOnSpec,
  ITEMS,
  startTestPlatform,
  submission,
} from './sim-test-kit';
import type { TestPlatform } from './sim-test-kit';

/** Friday 2026-11-20 09:30 in China. */
const NOW = new Date('2026-11-20T01:30:00Z');

let platform: TestPlatform;
let signature: string;
beforeAll(async () => {
  platform = await startTestPlatform({ now: () => NOW });
  signature = await platform.uploadSignature();
});
afterAll(async () => {
  await platform.close();
});

/** `key: null` sends no Idempotency-Key. */
function submit(body: unknown, key: string | null = randomUUID()) {
  return platform.call('POST', '/v1/cases', {
    headers: { 'content-type': 'application/json', 'idempotency-key': key ?? undefined },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function rejected(overrides: Partial<CaseSubmission>) {
  const res = await submit(submission(signature, overrides));
  expect(res.status).toBe(422);
  expect(res.json).toMatchObject({ code: 'validation-failed', status: 422 });
  return (res.json as { errors: { path: string; code: string }[] }).errors;
}

describe('platform simulator: POST /v1/cases accepts', () => {
  it('approves an instant (秒批) item at once, with its document', async () => {
    const res = await submit(submission(signature));
    expect(res.status).toBe(201);
    expect(validateResponse('submitCase', 201, res.json).valid).toBe(true);
    expect(res.json).toMatchObject({
      status: 'approved',
      acceptedAt: '2026-11-20T09:30:00+08:00',
      promisedBy: '2026-11-20',
      result: { documentName: '个人社保参保证明', fileId: expect.any(String) },
    });
    const receipt = res.json as { caseNo: string; queryCode: string };
    expect(receipt.caseNo).toMatch(/^37010020261120\d{6}$/);
    expect(receipt.queryCode).toMatch(/^\d{6}$/);
    expect(platform.sim.receivedCases().at(-1)).toMatchObject({
      caseNo: receipt.caseNo,
      queryCode: receipt.queryCode,
      itemCode: ITEMS.pensionProof,
    });
  });

  it('accepts an ordinary item, promising a date in working days (weekend skipped)', async () => {
    const res = await submit(
      submission(signature, {
        itemCode: ITEMS.ruralPension,
        form: {
          name: APPLICANT.name,
          idNumber: APPLICANT.idNumber,
          address: '济南市历下区测试路1号',
        },
      }),
    );
    expect(res.status).toBe(201);
    // Friday + 3 working days = Wednesday.
    expect(res.json).toMatchObject({ status: 'accepted', promisedBy: '2026-11-25' });
    expect(res.json).not.toHaveProperty('result');
  });

  it('lists tolerated (容缺) materials as pending, with a due date', async () => {
    const res = await submit(
      submission(signature, {
        itemCode: ITEMS.birthRegistration,
        form: {
          name: APPLICANT.name,
          idNumber: APPLICANT.idNumber,
          dueDate: '2027-03-01',
          spouseName: '测试配偶',
        },
        materials: [{ materialId: 'marriage', kind: 'tolerated' }],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      pendingMaterials: [{ materialId: 'marriage', dueBy: '2026-11-27' }],
    });
  });
});

describe('platform simulator: POST /v1/cases idempotency', () => {
  it('replays the original answer for the same key and body', async () => {
    const key = randomUUID();
    const body = submission(signature);
    const first = await submit(body, key);
    const again = await submit(body, key);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(again.json).toEqual(first.json);
  });

  it('treats the same JSON with another key order as the same body', async () => {
    const key = randomUUID();
    const body = submission(signature);
    await submit(body, key);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await submit(reordered, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('answers 409 idempotency-conflict for the same key with a different body', async () => {
    const key = randomUUID();
    await submit(submission(signature), key);
    const changed = await submit(submission(signature), key);
    expect(changed.status).toBe(409);
    expect(changed.json).toMatchObject({ code: 'idempotency-conflict' });
  });

  it('requires a UUID Idempotency-Key', async () => {
    for (const key of [null, 'not-a-uuid']) {
      const res = await submit(submission(signature), key);
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: 'bad-request' });
    }
  });
});

describe('platform simulator: POST /v1/cases refuses', () => {
  it('answers 400 bad-request for malformed JSON and for schema violations', async () => {
    const malformed = await submit('{"itemCode":');
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ code: 'bad-request' });

    const { consentAt: _dropped, ...incomplete } = submission(signature);
    const invalid = await submit({ ...incomplete, surprise: true });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ code: 'bad-request', errors: expect.any(Array) });
  });

  it('unknown-item', async () => {
    expect(await rejected({ itemCode: 'NO-SUCH-ITEM' })).toEqual([
      { path: '/itemCode', code: 'unknown-item' },
    ]);
  });

  it('item-not-self-service', async () => {
    expect(await rejected({ itemCode: ITEMS.householdMove })).toEqual([
      { path: '/itemCode', code: 'item-not-self-service' },
    ]);
  });

  it('id-type-not-accepted', async () => {
    const errors = await rejected({
      itemCode: ITEMS.ruralPension,
      applicant: { ...APPLICANT, idType: 'hmt-residence' },
      form: { name: APPLICANT.name, idNumber: APPLICANT.idNumber, address: '济南市' },
    });
    expect(errors).toContainEqual({ path: '/applicant/idType', code: 'id-type-not-accepted' });
  });

  it('missing-material, and file-not-found for materials and the signature', async () => {
    const errors = await rejected({
      itemCode: ITEMS.minimumLiving,
      form: {
        name: APPLICANT.name,
        idNumber: APPLICANT.idNumber,
        address: '济南市',
        familySize: 2,
        monthlyIncome: 900,
      },
      materials: [
        { materialId: 'household-register', kind: 'file', fileIds: ['f-missing'] },
        { materialId: 'income-statement', kind: 'commitment' },
      ],
      signatureFileId: 'f-also-missing',
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '/materials/0/fileIds/0', code: 'file-not-found' },
        expect.objectContaining({ path: '/materials', code: 'missing-material' }),
        { path: '/signatureFileId', code: 'file-not-found' },
      ]),
    );
  });

  it('required form fields, unknown fields and patterns', async () => {
    const errors = await rejected({
      itemCode: ITEMS.birthRegistration,
      form: { name: APPLICANT.name, idNumber: APPLICANT.idNumber, dueDate: '明年', extra: 'x' },
      materials: [{ materialId: 'marriage', kind: 'commitment' }],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '/form/extra', code: 'unknown-field' },
        { path: '/form/dueDate', code: 'pattern' },
        { path: '/form/spouseName', code: 'required' },
        { path: '/materials/0/kind', code: 'source-not-accepted' },
      ]),
    );
  });

  it('a face check for card-and-face items', async () => {
    expect(await rejected({ itemCode: ITEMS.housingFund })).toContainEqual(
      expect.objectContaining({ path: '/verifiedBy', code: 'identity-not-verified' }),
    );
  });

  it('sent only answers that validate against the spec', () => {
    expectAllSentOnSpec(platform.sim);
  });
});
