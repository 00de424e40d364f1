/** The simulator's view of one HTTP exchange: what a route handler gets and what it answers. */

export type SimRequest = {
  method: string;
  /** The path below `/api`, e.g. `/v1/catalog`. */
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: Buffer;
  /** The client certificate's CN, already checked against X-Terminal-Id. */
  terminalId: string;
};

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
