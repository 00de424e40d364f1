/**
 * Whether a resident can complete an item on this terminal as it is today, and if not, why.
 * The terminal never offers what it cannot finish: an item it cannot do is shown with the reason
 * and the window to go to. As capture, forms and face verification land (issues 5 and 7), the
 * reasons here shrink.
 */
import type { IdType, ItemSummary, UnavailableReason } from '../../shared/views';
import type { ServiceItem } from '../platform/types';

export function availabilityOf(item: ServiceItem, idType?: IdType): ItemSummary['availability'] {
  const reason = unavailableReason(item, idType);
  return reason ? { available: false, reason } : { available: true };
}

function unavailableReason(item: ServiceItem, idType?: IdType): UnavailableReason | undefined {
  if (!item.selfService.eligible) return 'not-self-service';
  if (item.identity === 'card-and-face') return 'needs-face-verification';
  if (idType && !item.acceptedIdTypes.includes(idType)) return 'id-type-not-accepted';
  // A required field filled from the card needs a card that carries it (permanent-residence cards
  // have no 民族 or address; Hong Kong, Macao and Taiwan residence permits no 民族).
  if (idType && item.form.some((f) => f.required && f.prefill && !cardCarries(idType, f.prefill))) {
    return 'id-type-not-accepted';
  }
  if (item.materials.some((material) => material.required)) return 'needs-materials';
  if (item.form.some((field) => field.required && !field.prefill)) return 'needs-form-input';
  // Mail delivery needs an address typed in; electronic or pickup need nothing more.
  if (deliveryMethodFor(item) === undefined) return 'needs-form-input';
  return undefined;
}

type Prefill = NonNullable<ServiceItem['form'][number]['prefill']>;

/** Which card fields each kind of card has (GA 467 text-block layouts). */
export function cardCarries(idType: IdType, field: Prefill): boolean {
  switch (field) {
    case 'nation':
      return idType === 'resident-id';
    case 'address':
      return idType !== 'foreign-permanent';
    case 'name':
    case 'sex':
    case 'birthDate':
    case 'idNumber':
      return true;
  }
}

/** The delivery the skeleton journey chooses: electronic first, then pickup at the hall. */
export function deliveryMethodFor(item: ServiceItem): 'electronic' | 'pickup' | undefined {
  if (item.delivery.includes('electronic')) return 'electronic';
  if (item.delivery.includes('pickup')) return 'pickup';
  return undefined;
}

export function summarise(item: ServiceItem, idType?: IdType): ItemSummary {
  return {
    code: item.code,
    name: item.name,
    department: item.department,
    themes: item.themes,
    promisedDays: item.promisedDays,
    instant: item.instant,
    fee: item.fee.free
      ? { free: true }
      : { free: false, amountFen: item.fee.amountFen, basis: item.fee.basis },
    ...(item.selfService.windowArea ? { windowArea: item.selfService.windowArea } : {}),
    availability: availabilityOf(item, idType),
  };
}
