/** The simulator's view of one HTTP exchange: what a route handler gets and what it answers. */

export type SimRequest = {
  method: string;
  /** The path below `/api`, e.g. `/v1/catalog`. */
  path: string;
  /** Path parameters of the route, e.g. `{ caseNo: '…' }`. */
  params: Record<string, string>;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: Buffer;
  /** The client certificate's CN, already checked against X-Terminal-Id. */
  terminalId: string;
  /** Platform time for this request. */
  now: Date;
};

/** A JSON route's handler gets the body already parsed and valid against the request schema. */
export type JsonRequest = SimRequest & { json: unknown };

export type Reply = {
  status: number;
  headers?: Record<string, string>;
  /** A JSON body (`application/json`, or `application/problem+json` when `status` ≥ 400). */
  body?: unknown;
};

/** What the simulator sent, kept so tests can hold every answer against the spec. */
export type SentResponse = {
  /** The spec operation answered, or null for an unknown route. */
  operationId: string | null;
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** True when a fault hook deliberately broke the answer. */
  faulted: boolean;
};

/** What the simulator received (after the TLS handshake), so tests can hold requests to the spec. */
export type ReceivedRequest = {
  operationId: string | null;
  method: string;
  path: string;
  params: Record<string, string>;
  headers: Record<string, string | undefined>;
  /** The parsed JSON body, or for a raw body its media type and size. */
  body: { json: unknown } | { raw: { mediaType: string | undefined; size: number } } | undefined;
};
