/**
 * `POST /v1/licenses/search` (电子证照调用): the licences a resident holds, only with their consent
 * given moments ago on the terminal's screen and for a named service item. An unknown person, or a
 * name that does not go with the number, simply holds no licences: the answer must not confirm
 * who exists.
 */
import type { License, LicenseSearch, ServiceItem } from '../../electron/host/platform/types';
import type { JsonRequest, Reply } from './exchange';
import { problem } from './problems';
import { findResident } from './residents';
import type { SimDb } from './sim-database';

/** Consent older than this is not consent for this look-up (the resident may have walked away). */
export const CONSENT_MAX_AGE_MS = 30 * 60 * 1000;
/** Terminal clocks drift; a consent this far in the future is still accepted. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export function createLicenceDesk(deps: { db: SimDb; items: () => readonly ServiceItem[] }) {
  const held = deps.db.prepare<[string], { body: string }>(
    'SELECT body FROM licenses WHERE id_number = ? ORDER BY license_id',
  );
  return {
    search(req: JsonRequest): Reply {
      const search = req.json as LicenseSearch;
      const consent = Date.parse(search.consentAt);
      const age = req.now.getTime() - consent;
      if (age > CONSENT_MAX_AGE_MS || age < -CLOCK_SKEW_MS) {
        return problem(422, 'validation-failed', {
          errors: [{ path: '/consentAt', code: 'consent-not-current' }],
        });
      }
      if (!deps.items().some((i) => i.code === search.purpose)) {
        return problem(422, 'validation-failed', {
          errors: [{ path: '/purpose', code: 'unknown-item' }],
        });
      }
      const resident = findResident(search.holder);
      const all =
        resident && resident.idType === search.holder.idType
          ? held.all(resident.idNumber).map((r) => JSON.parse(r.body) as License)
          : [];
      const licenses = search.types ? all.filter((l) => search.types!.includes(l.type)) : all;
      return { status: 200, body: { licenses } };
    },
  };
}
