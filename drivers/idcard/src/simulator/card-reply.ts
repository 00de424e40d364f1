import type { IdentityCard } from '../card';
import { encodeReadReply, type ReadKind } from '../protocol/read-reply';
import { encodeTextBlock } from '../protocol/text-block';
import { syntheticFingerprint } from './synthetic-blocks';

/**
 * The read-reply data (30 01 and 30 10) a simulated card answers with. Encoded once when the card
 * is placed, so a card that no reader could hold (a field too long, a nation without a code)
 * throws there, at the caller's mistake, and not in the middle of a read.
 */
export interface CardReplies {
  'text-photo': Uint8Array;
  'text-photo-fingerprint': Uint8Array;
}

export function encodeCardReplies(card: IdentityCard): CardReplies {
  const { photoWlt, hasFingerprint, ...text } = card;
  const parts = {
    text: encodeTextBlock(text),
    photo: photoWlt,
    // Seeded by the photo so each card's stand-in differs; it is never a real template.
    ...(hasFingerprint ? { fingerprint: syntheticFingerprint(photoWlt[60] ?? 0) } : {}),
  };
  const encode = (kind: ReadKind) => encodeReadReply(parts, kind);
  return {
    'text-photo': encode('text-photo'),
    'text-photo-fingerprint': encode('text-photo-fingerprint'),
  };
}
