/**
 * The platform's business checks on a schema-valid CaseSubmission (the 422 `validation-failed`
 * answer). Each problem names a JSON pointer into the request body and a code from the spec's
 * examples where one fits (required, pattern, unknown-field, unknown-item, missing-material,
 * file-not-found, item-not-self-service, id-type-not-accepted).
 */
import type {
  CaseSubmission,
  FormField,
  ProblemFieldError,
  ServiceItem,
} from '../../electron/host/platform/types';
import type { FileStore } from './file-store';

type Material = CaseSubmission['materials'][number];
type FieldValue = CaseSubmission['form'][string];

const SOURCE_OF_KIND: Record<Material['kind'], string | undefined> = {
  file: 'scan',
  'e-license': 'e-license',
  commitment: 'commitment',
  tolerated: undefined,
};

export function checkCase(
  submission: CaseSubmission,
  items: readonly ServiceItem[],
  files: Pick<FileStore, 'get'>,
): ProblemFieldError[] {
  const item = items.find((i) => i.code === submission.itemCode);
  if (!item) return [{ path: '/itemCode', code: 'unknown-item' }];
  // An item the terminal may not complete is refused before anything else is looked at.
  if (!item.selfService.eligible) return [{ path: '/itemCode', code: 'item-not-self-service' }];
  return [
    ...checkIdentity(submission, item),
    ...checkForm(submission, item.form),
    ...checkMaterials(submission, item, files),
    ...checkSignature(submission, files),
    ...checkDelivery(submission, item),
  ];
}

function checkIdentity(s: CaseSubmission, item: ServiceItem): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  if (!item.acceptedIdTypes.includes(s.applicant.idType)) {
    errors.push({ path: '/applicant/idType', code: 'id-type-not-accepted' });
  }
  if (s.agent && !item.acceptedIdTypes.includes(s.agent.idType)) {
    errors.push({ path: '/agent/idType', code: 'id-type-not-accepted' });
  }
  if (item.identity === 'card-and-face' && s.verifiedBy !== 'card-and-face') {
    errors.push({
      path: '/verifiedBy',
      code: 'identity-not-verified',
      message: 'This item needs a face check (人证核验).',
    });
  }
  return errors;
}

function checkForm(s: CaseSubmission, fields: readonly FormField[]): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(s.form)) {
    if (!known.has(key)) errors.push({ path: `/form/${key}`, code: 'unknown-field' });
  }
  for (const field of fields) {
    const value = s.form[field.key];
    const path = `/form/${field.key}`;
    if (isEmpty(field, value)) {
      if (field.required) errors.push({ path, code: 'required' });
      continue;
    }
    const problem = checkValue(field, value!);
    if (problem) {
      errors.push({ path, code: problem });
      continue;
    }
    // A prefilled identity field comes from the card; it must agree with the applicant's card.
    const fromCard =
      field.prefill === 'name'
        ? s.applicant.name
        : field.prefill === 'idNumber'
          ? s.applicant.idNumber
          : undefined;
    if (fromCard !== undefined && value !== fromCard) {
      errors.push({ path, code: 'prefill-mismatch' });
    }
  }
  return errors;
}

function isEmpty(field: FormField, value: FieldValue | undefined): boolean {
  if (value === undefined || value === '') return true;
  // A required checkbox is a declaration that must be ticked.
  return field.type === 'checkbox' && value === false;
}

function checkValue(field: FormField, value: FieldValue): string | undefined {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'type';
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'type';
    default:
      break;
  }
  if (typeof value !== 'string') return 'type';
  if (field.maxLength !== undefined && [...value].length > field.maxLength) return 'max-length';
  if (field.pattern !== undefined && !new RegExp(field.pattern, 'u').test(value)) return 'pattern';
  if (field.type === 'phone' && !/^1[3-9][0-9]{9}$/.test(value)) return 'pattern';
  if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'pattern';
  if (field.type === 'select' && !field.options?.some((o) => o.value === value)) {
    return 'not-an-option';
  }
  return undefined;
}

function checkMaterials(
  s: CaseSubmission,
  item: ServiceItem,
  files: Pick<FileStore, 'get'>,
): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  const seen = new Set<string>();
  s.materials.forEach((m, i) => {
    const requirement = item.materials.find((r) => r.id === m.materialId);
    if (!requirement) {
      errors.push({ path: `/materials/${i}/materialId`, code: 'unknown-material' });
      return;
    }
    if (seen.has(m.materialId)) {
      errors.push({ path: `/materials/${i}/materialId`, code: 'duplicate-material' });
    }
    seen.add(m.materialId);
    const source = SOURCE_OF_KIND[m.kind];
    const allowed =
      m.kind === 'tolerated'
        ? requirement.tolerable === true
        : requirement.sources.includes(source as never);
    if (!allowed) errors.push({ path: `/materials/${i}/kind`, code: 'source-not-accepted' });
    if (m.kind === 'file') {
      m.fileIds.forEach((fileId, j) => {
        if (!files.get(fileId)) {
          errors.push({ path: `/materials/${i}/fileIds/${j}`, code: 'file-not-found' });
        }
      });
    }
  });
  for (const requirement of item.materials) {
    if (requirement.required && !seen.has(requirement.id)) {
      errors.push({
        path: '/materials',
        code: 'missing-material',
        message: `Material ${requirement.id} (${requirement.name}) is required.`,
      });
    }
  }
  return errors;
}

function checkSignature(s: CaseSubmission, files: Pick<FileStore, 'get'>): ProblemFieldError[] {
  const file = files.get(s.signatureFileId);
  if (!file) return [{ path: '/signatureFileId', code: 'file-not-found' }];
  if (file.mediaType !== 'image/png') return [{ path: '/signatureFileId', code: 'not-png' }];
  return [];
}

function checkDelivery(s: CaseSubmission, item: ServiceItem): ProblemFieldError[] {
  if (!item.delivery.includes(s.delivery.method)) {
    return [{ path: '/delivery/method', code: 'delivery-not-offered' }];
  }
  if (s.delivery.method === 'mail' && !s.delivery.address) {
    return [{ path: '/delivery/address', code: 'required' }];
  }
  return [];
}
