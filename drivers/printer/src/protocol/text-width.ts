/**
 * How much paper a string takes on a receipt printer in Chinese mode: a character that GB18030
 * encodes in one byte (ASCII) prints half width, every other character (two or four bytes:
 * hanzi, full-width punctuation, `·`, `—`) prints full width, i.e. two columns. An 80 mm
 * printer with Font A (12 × 24 dots, 576 dots) holds 48 columns; a 58 mm one (384 dots) 32.
 */
export function charColumns(char: string): 1 | 2 {
  return (char.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
}

export function textColumns(text: string): number {
  let columns = 0;
  for (const char of text) columns += charColumns(char);
  return columns;
}

/** Runs of printable ASCII stay together; everything else breaks anywhere between characters. */
const SEGMENTS = /[\x21-\x7e]+| +|[^]/gu;

/**
 * Greedy wrapping to `columns`. Never splits a character (iteration is by code point) and keeps
 * Latin words and numbers whole unless one alone is longer than a line. Spaces at a break are
 * dropped; explicit newlines are kept.
 */
export function wrapText(text: string, columns: number): string[] {
  if (!Number.isInteger(columns) || columns < 2) throw new RangeError(`columns ${columns}`);
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, columns));
}

function wrapParagraph(paragraph: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const flush = () => {
    lines.push(line.trimEnd());
    line = '';
    used = 0;
  };
  for (const segment of paragraph.match(SEGMENTS) ?? []) {
    const width = textColumns(segment);
    if (used + width <= columns) {
      line += segment;
      used += width;
      continue;
    }
    if (segment.startsWith(' ')) {
      flush();
      continue;
    }
    if (used > 0 && width <= columns) flush();
    for (const char of segment) {
      const w = charColumns(char);
      if (used + w > columns) flush();
      line += char;
      used += w;
    }
  }
  if (line.trimEnd() !== '' || lines.length === 0) flush();
  return lines;
}
