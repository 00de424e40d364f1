import { describe, expect, it } from 'vitest';
import { operationIds, validateRequest, validateResponse, validateSchema } from './validators';

const problem = { type: 'about:blank', title: 'x', status: 503, code: 'maintenance' };
const receipt = {
  caseNo: '37010020261120000001',
  queryCode: '123456',
  status: 'accepted',
  acceptedAt: '2026-11-20T09:30:00+08:00',
  promisedBy: '2026-11-25',
};

describe('spec validators', () => {
  it('know every operation in the spec', () => {
    expect(operationIds()).toEqual(
      expect.arrayContaining(['getCatalog', 'uploadFile', 'submitCase', 'heartbeat']),
    );
  });

  it('validate any component schema, with JSON-pointer paths', () => {
    expect(validateSchema('CaseNo', '37010020261120000001')).toEqual({ valid: true });
    expect(validateSchema('QueryCode', '12345')).toEqual({
      valid: false,
      errors: [{ path: '/', message: expect.stringContaining('pattern'), keyword: 'pattern' }],
    });
    expect(validateSchema('PersonRef', { idType: 'passport', idNumber: 'x', name: '' })).toEqual({
      valid: false,
      errors: expect.arrayContaining([
        expect.objectContaining({ path: '/idType' }),
        expect.objectContaining({ path: '/idNumber' }),
        expect.objectContaining({ path: '/name' }),
      ]),
    });
  });

  it('check formats (date, date-time, uuid)', () => {
    expect(validateSchema('CaseReceipt', receipt).valid).toBe(true);
    expect(validateSchema('CaseReceipt', { ...receipt, promisedBy: '2026-02-30' }).valid).toBe(
      false,
    );
    expect(
      validateSchema('CaseReceipt', { ...receipt, acceptedAt: '2026-11-20 09:30' }).valid,
    ).toBe(false);
  });

  it('validate request bodies, inline schemas included', () => {
    expect(validateRequest('submitCase', { itemCode: 'x' }).valid).toBe(false);
    expect(validateRequest('getCaseStatus', { queryCode: '123456' })).toEqual({ valid: true });
    expect(validateRequest('getCaseStatus', { queryCode: '123456', extra: 1 }).valid).toBe(false);
    expect(validateRequest('uploadFile', 'bytes', 'image/png')).toEqual({ valid: true });
    expect(validateRequest('uploadFile', 'bytes', 'image/gif').valid).toBe(false);
    expect(validateRequest('getCatalog', undefined)).toEqual({ valid: true });
  });

  it('validate responses by status, falling back to default', () => {
    expect(validateResponse('submitCase', 201, receipt)).toEqual({ valid: true });
    expect(validateResponse('submitCase', 201, { caseNo: 'x' }).valid).toBe(false);
    // 503 is not listed for submitCase: `default` (a Problem) applies.
    expect(validateResponse('submitCase', 503, problem)).toEqual({ valid: true });
    expect(validateResponse('submitCase', 503, receipt).valid).toBe(false);
    // 200 is not a success for submitCase: `default` says it must be a Problem.
    expect(validateResponse('submitCase', 200, receipt).valid).toBe(false);
    expect(validateResponse('getCatalog', 304, undefined)).toEqual({ valid: true });
    expect(validateResponse('getCatalog', 304, {}).valid).toBe(false);
  });

  it('check media types and declared headers when asked', () => {
    expect(
      validateResponse('submitCase', 503, problem, { mediaType: 'application/json' }).valid,
    ).toBe(false);
    const catalog = { version: 'v', generatedAt: '2026-11-20T09:30:00+08:00', items: [] };
    expect(validateResponse('getCatalog', 200, catalog, { headers: {} })).toEqual({
      valid: false,
      errors: [{ path: 'header ETag', message: 'is required' }],
    });
    expect(
      validateResponse('getCatalog', 200, catalog, {
        headers: { ETag: '"v"', 'X-Request-Id': 'not-a-uuid' },
      }),
    ).toEqual({
      valid: false,
      errors: [{ path: 'header X-Request-Id', message: expect.any(String), keyword: 'format' }],
    });
  });

  it('throw for an operation or schema the spec does not have (a bug, not a condition)', () => {
    expect(() => validateRequest('noSuchOperation', {})).toThrow(/noSuchOperation/);
    expect(() => validateSchema('NoSuchSchema', {})).toThrow(/NoSuchSchema/);
  });
});
