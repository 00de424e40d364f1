import { err, ok, type Result } from '../../../electron/shared/result';
import { decodeSamId } from './protocol/sam-id';
import { describeSw3, Sw3 } from './protocol/status-codes';
import type { SamLink } from './sam-link';

export type ProbeError = { code: 'lost' } | { code: 'failed'; message: string };

/**
 * Before trusting a freshly opened port we ask the SAM how it is (11 FF must answer 90) and read
 * its management number (12 FF) for the technician panel. A port that does not answer is not a
 * reader (wrong device, wrong baud rate) or a reader whose SAM is dead: either way not `ready`.
 */
export async function probeSam(link: SamLink): Promise<Result<{ samId?: string }, ProbeError>> {
  const status = await link.exchange('sam-status');
  if (!status.ok) {
    switch (status.error.code) {
      case 'lost':
        return err({ code: 'lost' });
      case 'timeout':
        return err({ code: 'failed', message: 'no answer to the SAM status check' });
      case 'bad-frame':
        return err({ code: 'failed', message: 'SAM status reply failed its checksum' });
    }
  }
  if (status.value.sw3 !== Sw3.ok) {
    return err({ code: 'failed', message: `SAM status check: ${describeSw3(status.value.sw3)}` });
  }
  const id = await link.exchange('sam-id');
  if (!id.ok) return id.error.code === 'lost' ? err({ code: 'lost' }) : ok({});
  if (id.value.sw3 !== Sw3.ok) return ok({});
  const samId = decodeSamId(id.value.data);
  return ok(samId.ok ? { samId: samId.value } : {});
}
