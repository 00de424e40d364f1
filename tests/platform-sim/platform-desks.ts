/**
 * The simulated platform's desks — catalog, files, cases, look-ups, licences, identity,
 * evaluations, queue, terminals — over one database, and the route table that puts each
 * operation of the spec in front of its desk.
 */
import type { ServiceItem } from '../../electron/host/platform/types';
import { createCaseDesk } from './case-desk';
import { createCaseLookup } from './case-lookup';
import { buildCatalog, catalogEtag, etagMatches } from './catalog';
import { createEvaluationDesk } from './evaluation-desk';
import { createFileStore, handleUpload, MAX_FILE_BYTES } from './file-store';
import { createIdempotencyDesk } from './idempotency';
import { verifyIdentity } from './identity-desk';
import { createLicenceDesk } from './licence-desk';
import { createQueueDesk } from './queue-desk';
import type { HallHours } from './queue-desk';
import { seedResidents } from './residents';
import { defineRoutes } from './routes';
import type { SimDb } from './sim-database';
import { createTerminalDesk } from './terminal-desk';

/** JSON requests are small; a case with a hundred materials is well under this. */
const MAX_JSON_BYTES = 1024 * 1024;
/** A base64 live photo of 200 KiB is ~273 KiB; the card photo adds 1.4 KiB. */
const MAX_IDENTITY_BYTES = 512 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

export function createPlatformDesks(
  db: SimDb,
  options: {
    now: () => Date;
    items?: readonly ServiceItem[];
    dayMs?: number;
    hallHours?: HallHours;
  },
) {
  const { now } = options;
  seedResidents(db, now());
  const catalog = buildCatalog(options.items);
  const etag = catalogEtag(catalog);
  const items = () => catalog.items;
  const files = createFileStore(db);
  const idempotency = createIdempotencyDesk(db);
  const desk = createCaseDesk({ db, items, files, idempotency });
  const lookup = createCaseLookup({ db, items, dayMs: options.dayMs ?? DAY_MS });
  const licences = createLicenceDesk({ db, items });
  const evaluations = createEvaluationDesk({ db, items, idempotency });
  const queue = createQueueDesk({ db, items, idempotency, hallHours: options.hallHours });
  const terminals = createTerminalDesk({ db, now });

  const routes = defineRoutes([
    {
      operationId: 'getCatalog',
      maxBody: 0,
      body: 'none',
      handle: (req) =>
        etagMatches(req.headers['if-none-match'], etag)
          ? { status: 304, headers: { etag } }
          : { status: 200, headers: { etag }, body: catalog },
    },
    {
      operationId: 'uploadFile',
      maxBody: MAX_FILE_BYTES,
      body: 'raw',
      handle: (req) => handleUpload(files, req),
    },
    {
      operationId: 'submitCase',
      maxBody: MAX_JSON_BYTES,
      body: 'json',
      handle: (req) => desk.handle(req),
    },
    {
      operationId: 'searchCases',
      maxBody: MAX_JSON_BYTES,
      body: 'json',
      handle: (req) => lookup.search(req),
    },
    {
      operationId: 'getCaseStatus',
      maxBody: MAX_JSON_BYTES,
      body: 'json',
      handle: (req) => lookup.status(req),
    },
    {
      operationId: 'searchLicenses',
      maxBody: MAX_JSON_BYTES,
      body: 'json',
      handle: (req) => licences.search(req),
    },
    {
      operationId: 'verifyIdentity',
      maxBody: MAX_IDENTITY_BYTES,
      body: 'json',
      handle: verifyIdentity,
    },
    {
      operationId: 'submitEvaluation',
      maxBody: MAX_JSON_BYTES,
      body: 'json',
      handle: (req) => evaluations.handle(req),
    },
    {
      operationId: 'takeQueueTicket',
      maxBody: MAX_JSON_BYTES,
      body: 'json',
      handle: (req) => queue.handle(req),
    },
    {
      operationId: 'heartbeat',
      maxBody: MAX_JSON_BYTES,
      body: 'json',
      allowedWhenLocked: true,
      handle: (req) => terminals.heartbeat(req),
    },
    {
      operationId: 'ackCommand',
      maxBody: MAX_JSON_BYTES,
      body: 'json',
      allowedWhenLocked: true,
      handle: (req) => terminals.ack(req),
    },
  ]);

  return { routes, desk, files, terminals, evaluations };
}
