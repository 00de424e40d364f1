/**
 * Names for the platform's schemas, taken from the generated spec/openapi.d.ts so that a change
 * in the published interface shows up as a type error wherever it matters.
 */
import type { components } from './spec/openapi';

type Schemas = components['schemas'];

export type Catalog = Schemas['Catalog'];
export type ServiceItem = Schemas['ServiceItem'];
export type MaterialRequirement = Schemas['MaterialRequirement'];
export type FormField = Schemas['FormField'];
export type StoredFile = Schemas['StoredFile'];
export type CaseSubmission = Schemas['CaseSubmission'];
export type CaseReceipt = Schemas['CaseReceipt'];
export type Problem = Schemas['Problem'];
export type ProblemCode = Problem['code'];
export type ProblemFieldError = NonNullable<Problem['errors']>[number];
export type PersonRef = Schemas['PersonRef'];
export type IdType = Schemas['IdType'];

/** The media types `POST /v1/files` accepts. */
export const UPLOAD_MEDIA_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const;
export type UploadMediaType = (typeof UPLOAD_MEDIA_TYPES)[number];
