/**
 * Builds the platform's `CaseSubmission` from what the session gathered. Identity fields of the
 * form are prefilled from the card (the spec: "the resident may not edit a prefilled identity
 * field"); the skeleton only offers items whose required fields are all of that kind.
 */
import type { IdentityCard } from '../../../drivers/idcard/src/card';
import { deliveryMethodFor } from '../catalog/availability';
import type { CaseSubmission, FormField, ServiceItem } from '../platform/types';

export function prefillValue(field: FormField, card: IdentityCard): string | undefined {
  switch (field.prefill) {
    case 'name':
      return card.name;
    case 'sex':
      return card.sex;
    case 'nation':
      return card.nation;
    case 'birthDate':
      return card.birthDate;
    case 'address':
      return card.address;
    case 'idNumber':
      return card.idNumber;
    case undefined:
      return undefined;
  }
}

export function buildCaseSubmission(input: {
  card: IdentityCard;
  item: ServiceItem;
  catalogVersion: string;
  clientCaseId: string;
  signatureFileId: string;
  consentAt: string;
  submittedAt: string;
}): CaseSubmission {
  const { card, item } = input;
  const form: Record<string, string> = {};
  for (const field of item.form) {
    const value = prefillValue(field, card);
    if (value !== undefined && value !== '') form[field.key] = value;
  }
  const method = deliveryMethodFor(item);
  if (!method) throw new Error(`item ${item.code} offers no delivery the terminal can choose`);
  return {
    clientCaseId: input.clientCaseId,
    itemCode: item.code,
    catalogVersion: input.catalogVersion,
    applicant: { idType: card.type, idNumber: card.idNumber, name: card.name },
    verifiedBy: 'card',
    form,
    materials: [],
    signatureFileId: input.signatureFileId,
    delivery: { method },
    consentAt: input.consentAt,
    submittedAt: input.submittedAt,
  };
}
