import { err, ok, type Result } from '../../../electron/shared/result';
import type { IdentityCard } from './card';
import { checkIdNumberAgainst } from './protocol/id-number';
import { decodeReadTextPhoto } from './protocol/read-reply';
import { decodeTextBlock, describeLayout } from './protocol/text-block';

export type CardDecodeError =
  /** The reply is not shaped like a 30 01 reply: worth reading again. */
  | { code: 'malformed-reply'; message: string }
  /** The card itself carries something we refuse: reading again will not help. */
  | { code: 'invalid-card'; message: string };

/**
 * From the data of a 30 01 reply to the card the host receives. The XOR checksum cannot see two
 * compensating errors, so the text is validated field by field and the identity number must
 * agree with its check character, birth date and sex before a card is believed. Messages name
 * fields, never their values.
 */
export function decodeCard(data: Uint8Array): Result<IdentityCard, CardDecodeError> {
  const parts = decodeReadTextPhoto(data);
  if (!parts.ok) return err({ code: 'malformed-reply', message: parts.error.message });
  const text = decodeTextBlock(parts.value.text);
  if (!text.ok) {
    const e = text.error;
    switch (e.code) {
      case 'unsupported-layout':
        return err({
          code: 'invalid-card',
          message: `${describeLayout(e.layout)} is not supported yet`,
        });
      case 'bad-field':
        return err({ code: 'invalid-card', message: `${e.field}: ${e.message}` });
      case 'bad-block-length':
        return err({ code: 'malformed-reply', message: `text block of ${e.length} bytes` });
    }
  }
  const number = checkIdNumberAgainst(text.value.idNumber, text.value);
  if (!number.ok) {
    return err({ code: 'invalid-card', message: `identity number: ${number.error.code}` });
  }
  return ok({ ...text.value, photoWlt: parts.value.photo });
}
