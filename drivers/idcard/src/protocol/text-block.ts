import { assertNever, err, type Result } from '../../../../electron/shared/result';
import type { DistributiveOmit, IdentityCard } from '../card';
import type { BadField } from './card-fields';
import { decodeForeign2017Text, encodeForeign2017Text } from './foreign-2017-layout';
import { decodeForeign2023Text, encodeForeign2023Text } from './foreign-2023-layout';
import { decodeHmtResidenceText, encodeHmtResidenceText } from './hmt-residence-layout';
import { TEXT_LENGTH } from './read-reply';
import { decodeResidentIdText, encodeResidentIdText } from './resident-id-layout';
import { readUcs2 } from './ucs2';

/**
 * The 256-byte text block (机读文字信息). Its layout depends on the card type, given by the
 * UCS-2 character at byte 248: blank for the 居民身份证, `J` for the 港澳台居民居住证, `I` for
 * the 2017 外国人永久居留身份证 and `Y` for its 2023 edition. Each layout lives in its own file;
 * this one only dispatches. Errors never carry field values (they are personal data).
 */
export const TEXT_BLOCK_LENGTH = TEXT_LENGTH;
export const CARD_TYPE_OFFSET = 248;

export type CardLayout =
  | { layout: 'resident-id' }
  | { layout: 'hmt-residence'; marker: 'J' }
  | { layout: 'foreign-permanent'; marker: 'I' | 'Y' }
  | { layout: 'unknown'; marker: string };

/** The card text without what comes from other blocks (photo, fingerprint). */
export type CardText = DistributiveOmit<IdentityCard, 'photoWlt' | 'hasFingerprint'>;

export type TextBlockError =
  | { code: 'bad-block-length'; length: number }
  | { code: 'unsupported-layout'; layout: CardLayout }
  | BadField;

export function cardLayoutOf(block: Uint8Array): CardLayout {
  const marker = readUcs2(block, CARD_TYPE_OFFSET, 2);
  switch (marker) {
    case '':
      return { layout: 'resident-id' };
    case 'J':
      return { layout: 'hmt-residence', marker };
    case 'I':
    case 'Y':
      return { layout: 'foreign-permanent', marker };
    default:
      return { layout: 'unknown', marker };
  }
}

export function decodeTextBlock(block: Uint8Array): Result<CardText, TextBlockError> {
  if (block.length !== TEXT_BLOCK_LENGTH) {
    return err({ code: 'bad-block-length', length: block.length });
  }
  const layout = cardLayoutOf(block);
  switch (layout.layout) {
    case 'resident-id':
      return decodeResidentIdText(block);
    case 'hmt-residence':
      return decodeHmtResidenceText(block);
    case 'foreign-permanent':
      return layout.marker === 'I' ? decodeForeign2017Text(block) : decodeForeign2023Text(block);
    case 'unknown':
      return err({ code: 'unsupported-layout', layout });
    default:
      return assertNever(layout, 'card layout');
  }
}

/** The simulator's side: the 256 bytes a card of this type carries. Throws on a bad card. */
export function encodeTextBlock(text: CardText): Uint8Array {
  switch (text.type) {
    case 'resident-id':
      return encodeResidentIdText(text);
    case 'hmt-residence':
      return encodeHmtResidenceText(text);
    case 'foreign-permanent':
      return text.edition === 2017 ? encodeForeign2017Text(text) : encodeForeign2023Text(text);
    default:
      return assertNever(text, 'card type');
  }
}

/** Human words for a layout, for error messages and the technician CLI. */
export function describeLayout(layout: CardLayout): string {
  switch (layout.layout) {
    case 'resident-id':
      return '居民身份证';
    case 'hmt-residence':
      return '港澳台居民居住证 (J)';
    case 'foreign-permanent':
      return `外国人永久居留身份证 (${layout.marker})`;
    case 'unknown':
      return `unknown card type marker ${JSON.stringify(layout.marker)}`;
    default:
      return assertNever(layout, 'card layout');
  }
}
