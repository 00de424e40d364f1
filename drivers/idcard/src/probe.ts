import { err, ok, type Result } from '../../../electron/shared/result';
import { decodeSamId } from './protocol/sam-id';
import { describeSw3, Sw3 } from './protocol/status-codes';
import type { SamLink } from './sam-link';
import type { IdCardErrorReason } from './status';

export type ProbeError =
  { code: 'lost' } | { code: 'failed'; reason: IdCardErrorReason; message: string };

/**
 * Before trusting a freshly opened port we ask the SAM how it is (11 FF must answer 90) and read
 * its management number (12 FF) for the technician panel. A port that does not answer is not a
 * reader (wrong device, wrong baud rate) or a reader whose SAM is dead: either way not `ready`.
 */
export async function probeSam(link: SamLink): Promise<Result<{ samId?: string }, ProbeError>> {
  const status = await checkSamStatus(link);
  if (!status.ok) return status;
  const id = await link.exchange('sam-id');
  if (!id.ok) return id.error.code === 'lost' ? err({ code: 'lost' }) : ok({});
  if (id.value.sw3 !== Sw3.ok) return ok({});
  const samId = decodeSamId(id.value.data);
  return ok(samId.ok ? { samId: samId.value } : {});
}

/** A reply garbled on the wire is asked again this many times before the port is distrusted. */
const GARBLED_RETRIES = 1;

/** 11 FF alone: the cheap health check. */
export async function checkSamStatus(link: SamLink): Promise<Result<void, ProbeError>> {
  let status = await link.exchange('sam-status');
  for (let i = 0; i < GARBLED_RETRIES && !status.ok && status.error.code === 'bad-frame'; i++) {
    status = await link.exchange('sam-status');
  }
  if (!status.ok) {
    switch (status.error.code) {
      case 'lost':
        return err({ code: 'lost' });
      case 'timeout':
        return err({
          code: 'failed',
          reason: 'no-answer',
          message: 'no answer to the SAM status check',
        });
      case 'bad-frame':
        return err({
          code: 'failed',
          reason: 'bad-reply',
          message: `SAM status reply: ${status.error.error.code}`,
        });
    }
  }
  if (status.value.sw3 !== Sw3.ok) {
    return err({
      code: 'failed',
      reason: 'sam-fault',
      message: `SAM status check: ${describeSw3(status.value.sw3)}`,
    });
  }
  return ok();
}
