/** The platform client's public shape: how it is built and what it offers (client.ts builds it). */
import type { CertificateStatus } from './certificate-status';
import type { Connectivity, ConnectivityListener } from './connectivity';
import type { FetchLike, TlsMaterial } from './http-transport';
import type { CallOptions } from './platform-caller';
import type { PlatformError } from './platform-error';
import type { PlatformTimings } from './retry-policy';
import type { Result } from '../../shared/result';
import type {
  CaseReceipt,
  CaseSearch,
  CaseSearchResult,
  CaseStatus,
  CaseSubmission,
  Catalog,
  CommandAck,
  Evaluation,
  EvaluationRecorded,
  Heartbeat,
  HeartbeatAnswer,
  IdentityVerdict,
  IdentityVerification,
  LicenseSearch,
  LicenseSearchResult,
  QueueTicket,
  QueueTicketRequest,
  StoredFile,
  UploadMediaType,
} from './types';

export type PlatformClientOptions = {
  /** The spec's server URL, e.g. `https://platform.example.gov.cn/api`. */
  baseUrl: string;
  /** This terminal's id; must equal the client certificate's CN. */
  terminalId: string;
  tls: TlsMaterial;
  /** Limit for one attempt of a call a resident waits on, connect to last byte. */
  timeoutMs: number;
  fetchImpl?: FetchLike;
  timings?: Partial<PlatformTimings>;
  /** Jitter source, [0, 1). */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
};

export type CatalogAnswer =
  | { kind: 'catalog'; catalog: Catalog; etag: string }
  /** The `etag` sent is still current; keep the cached catalog. */
  | { kind: 'not-modified' };

/** An answer to an idempotent creation, and whether the platform replayed an earlier one. */
export type Replayable<T> = T & { replayed: boolean };
/** The receipt, and whether the platform replayed an earlier answer to the same key. */
export type SubmittedCase = Replayable<CaseReceipt>;

export type PlatformClient = {
  getCatalog(
    options?: { etag?: string } & CallOptions,
  ): Promise<Result<CatalogAnswer, PlatformError>>;
  uploadFile(
    bytes: Uint8Array,
    mediaType: UploadMediaType,
    options?: CallOptions,
  ): Promise<Result<StoredFile, PlatformError>>;
  /** `idempotencyKey`: a UUID made once per case and kept across retries and restarts. */
  submitCase(
    submission: CaseSubmission,
    idempotencyKey: string,
    options?: CallOptions,
  ): Promise<Result<SubmittedCase, PlatformError>>;
  searchCases(
    search: CaseSearch,
    options?: CallOptions,
  ): Promise<Result<CaseSearchResult, PlatformError>>;
  /** A wrong query code is a `problem` 404 `not-found`, like an unknown case (on purpose). */
  getCaseStatus(
    caseNo: string,
    queryCode: string,
    options?: CallOptions,
  ): Promise<Result<CaseStatus, PlatformError>>;
  searchLicenses(
    search: LicenseSearch,
    options?: CallOptions,
  ): Promise<Result<LicenseSearchResult, PlatformError>>;
  verifyIdentity(
    request: IdentityVerification,
    options?: CallOptions,
  ): Promise<Result<IdentityVerdict, PlatformError>>;
  submitEvaluation(
    evaluation: Evaluation,
    idempotencyKey: string,
    options?: CallOptions,
  ): Promise<Result<Replayable<EvaluationRecorded>, PlatformError>>;
  takeQueueTicket(
    request: QueueTicketRequest,
    idempotencyKey: string,
    options?: CallOptions,
  ): Promise<Result<Replayable<QueueTicket>, PlatformError>>;
  heartbeat(
    beat: Heartbeat,
    options?: CallOptions,
  ): Promise<Result<HeartbeatAnswer, PlatformError>>;
  ackCommand(
    commandId: string,
    ack: CommandAck,
    options?: CallOptions,
  ): Promise<Result<void, PlatformError>>;
  /** What the last attempt showed about reaching the platform. */
  connectivity(): Connectivity;
  /** Every change of connectivity, for the screens and the outbox; returns the unsubscribe. */
  onConnectivity(listener: ConnectivityListener): () => void;
  /** The client certificate's expiry, computed now. */
  certificate(): CertificateStatus;
  terminalId: string;
  timings: PlatformTimings;
  close(): Promise<void>;
};
