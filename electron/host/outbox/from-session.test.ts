import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sampleCards } from '../../../drivers/idcard/src/simulator/sample-cards';
import { buildCatalog } from '../../../tests/platform-sim/catalog';
import { signaturePng } from '../../../tests/support/png';
import { caseToQueueFromSession } from './from-session';
import { checkCaseToQueue } from './queued-case';

describe('caseToQueueFromSession', () => {
  it('queues what the session gathered, the signature as file 0, on-spec', () => {
    const catalog = buildCatalog();
    const card = sampleCards[0]!.card;
    const input = {
      card,
      item: catalog.items[0]!,
      signaturePng: new Uint8Array(signaturePng()),
      idempotencyKey: randomUUID(),
      clientCaseId: randomUUID(),
      consentAt: '2026-11-20T09:30:00+08:00',
      submittedAt: '2026-11-20T09:31:00+08:00',
    };
    const queued = caseToQueueFromSession(input, catalog.version);
    expect(queued.submission).toMatchObject({
      signatureFileId: 'local-file:0',
      clientCaseId: input.clientCaseId,
      catalogVersion: catalog.version,
      applicant: { idNumber: card.idNumber },
    });
    expect(queued.files).toEqual([{ bytes: input.signaturePng, mediaType: 'image/png' }]);
    expect(checkCaseToQueue(queued)).toEqual({ ok: true, value: undefined });
  });
});
