/**
 * The platform simulator: an HTTPS server that implements every operation of openapi.yaml as the
 * document says and nothing more (its own words), for development, demos and tests. Mutual TLS
 * as the real one: a client without a certificate from the platform CA never gets past the
 * handshake.
 *
 * Every request, in order: TLS client certificate (handshake) → X-Terminal-Id equals the
 * certificate CN (403) → a route (404) → headers and path parameters on-spec (400) → body size
 * (413) → terminal not locked (403) → faults → body media type and schema (415/400) → the route's
 * own rules. Every answer carries the request id back and is kept, with every request, for tests
 * to hold against the spec.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceItem, TerminalCommandType } from '../../electron/host/platform/types';
import type { ReceivedCase } from './case-desk';
import type { ReceivedRequest, Reply, SentResponse, SimRequest } from './exchange';
import { createFaultSwitch, seededRandom } from './faults';
import type { FaultRule, PlatformConditions, SimFault } from './faults';
import type { StoredFileRecord } from './file-store';
import { ensurePki } from './pki';
import type { PkiPaths } from './pki';
import { createPlatformDesks } from './platform-desks';
import { problem } from './problems';
import type { HallHours } from './queue-desk';
import { checkParameters, readJsonBody } from './request-checks';
import { matchRoute } from './routes';
import { openSimDatabase } from './sim-database';
import { describeBody, readBody } from './sim-http';
import type { CommandRecord, TerminalDesk } from './terminal-desk';

export type PlatformSimulatorOptions = {
  pkiDir: string;
  terminalId: string;
  host?: string;
  port?: number;
  now?: () => Date;
  /** The catalog's items; the built-in catalog when absent. */
  items?: readonly ServiceItem[];
  /** SQLite file for the platform's state; in memory (fresh each start) when absent. */
  dbPath?: string;
  /** How long a working day lasts for case progress (24 h; shorten for demos). */
  dayMs?: number;
  /** Seed of the fault dice (random when absent). */
  seed?: number;
  /** The hall's opening hours for queue tickets (always open when absent). */
  hallHours?: HallHours;
};

export type PlatformSimulator = {
  /** The spec's server URL for this instance, e.g. `https://127.0.0.1:41234/api`. */
  url: string;
  port: number;
  pki: PkiPaths;
  close(): Promise<void>;
  /** Cases submitted by terminals (not the residents' seeded history), oldest first. */
  receivedCases(): ReadonlyArray<ReceivedCase>;
  receivedFiles(): ReadonlyArray<StoredFileRecord>;
  /** Every request that passed the TLS handshake, oldest first (the last MAX_KEPT). */
  receivedRequests(): ReadonlyArray<ReceivedRequest>;
  /** Every answer sent, oldest first (the last MAX_KEPT). */
  sentResponses(): ReadonlyArray<SentResponse>;
  /** Requests processed whose answer was deliberately lost. */
  lostResponses(): number;
  /** One fault for the next matching requests (tests). */
  setFault(rule: FaultRule | null): void;
  /** The platform's standing state: latency, rates of 500s/drops/lost answers, maintenance. */
  setConditions(conditions: Partial<PlatformConditions>): PlatformConditions;
  conditions(): PlatformConditions;
  /** Down: connections refused (the listener is closed); up: listening again on the same port. */
  setOnline(online: boolean): Promise<void>;
  online(): boolean;
  /** 403 `terminal-locked` for everything but heartbeats and acknowledgements. */
  setTerminalLocked(locked: boolean): void;
  issueCommand(type: TerminalCommandType, args?: Record<string, unknown>): string;
  commands(): CommandRecord[];
  heartbeats(): ReturnType<TerminalDesk['heartbeats']>;
  evaluationCount(): number;
  /** The seeded residents' past cases with their query codes (for demos and tests). */
  historyCases(): { caseNo: string; queryCode: string; idNumber: string; itemCode: string }[];
};

const BASE_PATH = '/api';
const MAX_KEPT = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function startPlatformSimulator(
  options: PlatformSimulatorOptions,
): Promise<PlatformSimulator> {
  const { host = '127.0.0.1', now = () => new Date() } = options;
  const pki = await ensurePki(options.pkiDir, options.terminalId);
  const [ca, cert, key] = await Promise.all(
    [pki.caCert, pki.serverCert, pki.serverKey].map((p) => readFile(p, 'utf8')),
  );

  const db = openSimDatabase(options.dbPath);
  const { routes, desk, files, terminals, evaluations } = createPlatformDesks(db, {
    ...options,
    now,
  });
  const faults = createFaultSwitch(
    options.seed === undefined ? Math.random : seededRandom(options.seed),
  );
  const sent: SentResponse[] = [];
  const received: ReceivedRequest[] = [];
  let lost = 0;
  let locked = false;

  function keep<T>(list: T[], entry: T): void {
    list.push(entry);
    if (list.length > MAX_KEPT) list.shift();
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    operationId: string | null,
    requestId: string | undefined,
    reply: Reply,
  ): void {
    const headers: Record<string, string> = { ...reply.headers };
    if (requestId !== undefined) headers['x-request-id'] = requestId;
    let payload: string | undefined;
    if (reply.body !== undefined) {
      headers['content-type'] =
        reply.status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
      payload = JSON.stringify(reply.body);
    }
    res.writeHead(reply.status, headers);
    res.end(payload);
    keep(sent, {
      operationId,
      method: req.method ?? '',
      path: req.url ?? '',
      status: reply.status,
      headers,
      body: reply.body,
      faulted: false,
    });
  }

  /** Answers as a fault says; deliberately off-spec answers are marked so tests can tell. */
  function answerFault(
    req: IncomingMessage,
    res: ServerResponse,
    operationId: string,
    requestId: string,
    fault: SimFault,
  ): void {
    switch (fault.kind) {
      case 'problem': {
        const retry = fault.retryAfterSeconds;
        const extra = retry === undefined ? {} : { headers: { 'retry-after': String(retry) } };
        send(req, res, operationId, requestId, problem(fault.status, fault.code, extra));
        return;
      }
      case 'raw': {
        const headers = {
          ...(fault.contentType ? { 'content-type': fault.contentType } : {}),
          'x-request-id': requestId,
        };
        res.writeHead(fault.status, headers);
        res.end(fault.body);
        keep(sent, {
          operationId,
          method: req.method ?? '',
          path: req.url ?? '',
          status: fault.status,
          headers,
          body: fault.body,
          faulted: true,
        });
        return;
      }
      case 'drop':
      case 'delay':
      case 'lose-response':
        req.socket.destroy();
        return;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://platform.invalid');
    const path = url.pathname.startsWith(`${BASE_PATH}/`)
      ? url.pathname.slice(BASE_PATH.length)
      : url.pathname;
    const matched = matchRoute(routes, req.method ?? '', path);
    const route = matched?.route;
    const params = matched?.params ?? {};
    const operationId = route?.operationId ?? null;
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
    );
    const rawRequestId = headers['x-request-id'];
    const requestId =
      rawRequestId !== undefined && UUID.test(rawRequestId) ? rawRequestId : undefined;
    const answer = (reply: Reply) => send(req, res, operationId, requestId, reply);

    const socket = req.socket as TLSSocket;
    // Unreachable with rejectUnauthorized, which stops such clients in the handshake; kept so a
    // configuration slip here fails closed.
    if (!socket.authorized) return answer(problem(401, 'unauthenticated'));
    const certCn = socket.getPeerCertificate().subject?.CN;
    const terminalId = headers['x-terminal-id'];

    const body = await readBody(req, route?.maxBody ?? 0);
    keep(received, {
      operationId,
      method: req.method ?? '',
      path,
      params,
      headers,
      body: describeBody(route?.body, headers['content-type'], body),
    });

    if (terminalId === undefined || terminalId !== certCn) {
      return answer(problem(403, 'terminal-mismatch'));
    }
    if (!route) return answer(problem(404, 'not-found'));
    const sim: SimRequest = {
      method: req.method ?? '',
      path,
      params,
      headers,
      body: body === 'too-large' ? Buffer.alloc(0) : body,
      terminalId,
      now: now(),
    };
    const badParameters = checkParameters(route.operationId, sim, params);
    if (badParameters) return answer(badParameters);
    if (body === 'too-large') {
      return answer(problem(413, 'too-large', { detail: `At most ${route.maxBody} bytes.` }));
    }
    if (locked && !route.allowedWhenLocked) return answer(problem(403, 'terminal-locked'));

    const plan = faults.plan(route.operationId);
    if (plan.delayMs > 0) await sleep(plan.delayMs);
    if (plan.instead) return answerFault(req, res, route.operationId, requestId!, plan.instead);

    let json: unknown;
    if (route.body === 'json') {
      const parsed = readJsonBody(route.operationId, sim);
      if (!parsed.ok) return answer(parsed.reply);
      json = parsed.body;
    }
    const reply = route.handle({ ...sim, json });
    if (plan.loseResponse) {
      // Processed and committed; the terminal never hears of it.
      lost += 1;
      req.socket.destroy();
      return;
    }
    answer(reply);
  }

  const server = createServer(
    { key, cert, ca, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.2' },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        // A bug in the simulator: say so loudly, answer as the platform would.
        console.error('platform simulator:', error);
        if (!res.headersSent) send(req, res, null, undefined, problem(500, 'internal'));
        else res.destroy();
      });
    },
  );
  let listening = false;
  async function listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    listening = true;
    return (server.address() as AddressInfo).port;
  }
  async function stop(): Promise<void> {
    if (!listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    listening = false;
  }
  const actualPort = await listen(options.port ?? 0);

  return {
    url: `https://${host}:${actualPort}${BASE_PATH}`,
    port: actualPort,
    pki,
    async close() {
      await stop();
      db.close();
    },
    receivedCases: () => desk.received(),
    receivedFiles: () => files.list(),
    receivedRequests: () => received,
    sentResponses: () => sent,
    lostResponses: () => lost,
    setFault: (rule) => faults.set(rule),
    setConditions: (conditions) => faults.setConditions(conditions),
    conditions: () => faults.conditions(),
    async setOnline(online) {
      if (online && !listening) await listen(actualPort);
      if (!online) await stop();
    },
    online: () => listening,
    setTerminalLocked(value) {
      locked = value;
    },
    issueCommand: (type, args) => terminals.issue(options.terminalId, type, args),
    commands: () => terminals.commands(),
    heartbeats: () => terminals.heartbeats(),
    evaluationCount: () => evaluations.count(),
    historyCases: () =>
      db
        .prepare<[], { caseNo: string; queryCode: string; idNumber: string; itemCode: string }>(
          `SELECT case_no AS caseNo, query_code AS queryCode, id_number AS idNumber,
           item_code AS itemCode FROM cases WHERE source = 'history' ORDER BY seq`,
        )
        .all(),
  };
}
