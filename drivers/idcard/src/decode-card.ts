import { assertNever, err, ok, type Result } from '../../../electron/shared/result';
import type { IdentityCard } from './card';
import { checkForeign2023Number } from './protocol/foreign-number';
import { checkIdNumberAgainst, type IdNumberProblem } from './protocol/id-number';
import { decodeReadReply, type ReadKind } from './protocol/read-reply';
import { decodeTextBlock, describeLayout, type CardText } from './protocol/text-block';

export type CardDecodeError =
  /** The reply is not shaped like a read reply: worth reading again. */
  | { code: 'malformed-reply'; message: string }
  /** The card itself carries something we refuse: reading again will not help. */
  | { code: 'invalid-card'; message: string };

/**
 * From the data of a read reply (30 01 or 30 10) to the card the host receives. The XOR checksum
 * cannot see two compensating errors, so the text is validated field by field and must agree
 * with itself (identity number against birth date and sex, dates in order) before a card is
 * believed. Messages name fields and problems, never their values.
 */
export function decodeCard(
  data: Uint8Array,
  kind: ReadKind = 'text-photo',
): Result<IdentityCard, CardDecodeError> {
  const parts = decodeReadReply(data, kind);
  if (!parts.ok) return err({ code: 'malformed-reply', message: parts.error.message });
  const text = decodeTextBlock(parts.value.text);
  if (!text.ok) {
    const e = text.error;
    switch (e.code) {
      case 'unsupported-layout':
        return err({
          code: 'invalid-card',
          message: `${describeLayout(e.layout)} is not supported`,
        });
      case 'bad-field':
        return err({ code: 'invalid-card', message: `${e.field}: ${e.message}` });
      case 'bad-block-length':
        return err({ code: 'malformed-reply', message: `text block of ${e.length} bytes` });
      default:
        return assertNever(e, 'text block error');
    }
  }
  const consistent = verifyCardText(text.value);
  if (!consistent.ok) return err({ code: 'invalid-card', message: consistent.error });
  return ok({
    ...text.value,
    photoWlt: parts.value.photo,
    hasFingerprint: parts.value.hasFingerprint,
  });
}

/** The cross-field checks of each card type (README "What is validated"). */
export function verifyCardText(text: CardText): Result<void, string> {
  const number = checkNumber(text);
  if (!number.ok) return err(`identity number: ${number.error.code}`);
  if (text.validFrom < text.birthDate) return err('validFrom: before the birth date');
  if (text.validTo !== 'long-term' && text.validTo <= text.validFrom) {
    return err('validTo: not after validFrom');
  }
  return ok();
}

function checkNumber(text: CardText): Result<void, IdNumberProblem> {
  switch (text.type) {
    case 'resident-id':
    case 'hmt-residence':
      return checkIdNumberAgainst(text.idNumber, text);
    case 'foreign-permanent':
      // The 2017 number's shape was checked by its layout decoder; nothing more is published.
      return text.edition === 2023 ? checkForeign2023Number(text.idNumber, text) : ok();
    default:
      return assertNever(text, 'card type');
  }
}
