/**
 * Names for the platform's schemas and operation bodies, taken from the generated
 * spec/openapi.d.ts so that a change in the published interface shows up as a type error wherever
 * it matters.
 */
import type { components, operations } from './spec/openapi';

type Schemas = components['schemas'];

export type Catalog = Schemas['Catalog'];
export type ServiceItem = Schemas['ServiceItem'];
export type MaterialRequirement = Schemas['MaterialRequirement'];
export type FormField = Schemas['FormField'];
export type StoredFile = Schemas['StoredFile'];
export type CaseSubmission = Schemas['CaseSubmission'];
export type CaseReceipt = Schemas['CaseReceipt'];
export type CaseStatus = Schemas['CaseStatus'];
export type CaseNo = Schemas['CaseNo'];
export type License = Schemas['License'];
export type Evaluation = Schemas['Evaluation'];
export type Heartbeat = Schemas['Heartbeat'];
export type TerminalCommand = Schemas['TerminalCommand'];
export type TerminalCommandType = TerminalCommand['type'];
export type DeviceHealth = Heartbeat['devices'][string];
export type Problem = Schemas['Problem'];
export type ProblemCode = Problem['code'];
export type ProblemFieldError = NonNullable<Problem['errors']>[number];
export type PersonRef = Schemas['PersonRef'];
export type IdType = Schemas['IdType'];

/** Every operation of the interface, by its `operationId`. */
export type OperationId = keyof operations;

/** The JSON request body of an operation. */
export type RequestBody<K extends OperationId> = operations[K] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The JSON body of an operation's answer with status `S`. */
export type ResponseBody<
  K extends OperationId,
  S extends number,
> = operations[K]['responses'] extends {
  [status in S]: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type CaseSearch = RequestBody<'searchCases'>;
export type CaseSearchResult = ResponseBody<'searchCases', 200>;
export type LicenseSearch = RequestBody<'searchLicenses'>;
export type LicenseSearchResult = ResponseBody<'searchLicenses', 200>;
export type IdentityVerification = RequestBody<'verifyIdentity'>;
export type IdentityVerdict = ResponseBody<'verifyIdentity', 200>;
export type EvaluationRecorded = ResponseBody<'submitEvaluation', 201>;
export type QueueTicketRequest = RequestBody<'takeQueueTicket'>;
export type QueueTicket = ResponseBody<'takeQueueTicket', 201>;
export type HeartbeatAnswer = ResponseBody<'heartbeat', 200>;
export type CommandAck = RequestBody<'ackCommand'>;
export type CommandOutcome = CommandAck['outcome'];

/** The media types `POST /v1/files` accepts. */
export const UPLOAD_MEDIA_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const;
export type UploadMediaType = (typeof UPLOAD_MEDIA_TYPES)[number];
