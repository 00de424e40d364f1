import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { submission } from '../../../tests/platform-sim/sim-test-kit';
import { LOCAL_REFERENCE, newLocalReference } from './local-reference';
import { checkCaseToQueue, localFileId, resolveFileIds } from './queued-case';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

describe('queued cases', () => {
  it('accepts an on-spec case whose files are all named', () => {
    const input = {
      idempotencyKey: randomUUID(),
      submission: submission(localFileId(0), {
        materials: [{ materialId: 'm', kind: 'file', fileIds: [localFileId(1), localFileId(2)] }],
      }),
      files: [
        { bytes: png, mediaType: 'image/png' as const },
        { bytes: png, mediaType: 'image/jpeg' as const },
        { bytes: png, mediaType: 'application/pdf' as const },
      ],
    };
    expect(checkCaseToQueue(input)).toEqual({ ok: true, value: undefined });
    const resolved = resolveFileIds(input.submission, ['f-sig', 'f-1', 'f-2']);
    expect(resolved.signatureFileId).toBe('f-sig');
    expect(resolved.materials).toEqual([
      { materialId: 'm', kind: 'file', fileIds: ['f-1', 'f-2'] },
    ]);
    // Resolution is a pure function: the same ids give byte-identical bodies.
    expect(JSON.stringify(resolveFileIds(input.submission, ['f-sig', 'f-1', 'f-2']))).toBe(
      JSON.stringify(resolved),
    );
  });

  it('refuses what could never be sent', () => {
    const base = {
      idempotencyKey: randomUUID(),
      submission: submission(localFileId(0)),
      files: [{ bytes: png, mediaType: 'image/png' as const }],
    };
    expect(checkCaseToQueue({ ...base, idempotencyKey: 'x' }).ok).toBe(false);
    expect(checkCaseToQueue({ ...base, submission: submission('f-real') }).ok).toBe(false);
    expect(checkCaseToQueue({ ...base, submission: submission(localFileId(3)) }).ok).toBe(false);
    expect(checkCaseToQueue({ ...base, files: [] }).ok).toBe(false);
    expect(
      checkCaseToQueue({ ...base, files: [{ bytes: new Uint8Array(0), mediaType: 'image/png' }] })
        .ok,
    ).toBe(false);
    expect(
      checkCaseToQueue({ ...base, submission: { ...submission(localFileId(0)), phone: 'x' } }),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('/phone'),
    });
  });
});

describe('local references', () => {
  it('carry the date in China and read unambiguously', () => {
    const ref = newLocalReference(new Date('2026-11-20T17:00:00Z'));
    expect(ref).toMatch(LOCAL_REFERENCE);
    expect(ref.startsWith('Q20261121-')).toBe(true);
    expect(ref.split('-')[1]).not.toMatch(/[ILOU]/);
  });
});
