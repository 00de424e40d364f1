import { assertNever, err, type Result } from '../../../../electron/shared/result';
import type { IdentityCard } from '../card';
import { decodeResidentIdText, encodeResidentIdText } from './resident-id-layout';
import { TEXT_LENGTH } from './read-reply';
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

/** The card text without the photo: what a text block decodes to. */
export type CardText = Omit<IdentityCard, 'photoWlt'>;

export type TextBlockError =
  | { code: 'bad-block-length'; length: number }
  | { code: 'unsupported-layout'; layout: CardLayout }
  | { code: 'bad-field'; field: string; message: string };

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
    case 'hmt-residence': // issue 3
    case 'foreign-permanent': // issue 3
    case 'unknown':
      return err({ code: 'unsupported-layout', layout });
    default:
      return assertNever(layout, 'card layout');
  }
}

/** The simulator's side: the 256 bytes a card of this type carries. */
export function encodeTextBlock(text: CardText): Uint8Array {
  switch (text.type) {
    case 'resident-id':
      return encodeResidentIdText(text);
    default:
      return assertNever(text.type, 'card type');
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
