/**
 * Masking for anything personal that must be shown or recorded (DESIGN §2.5): names keep their
 * first character (`张*`, `欧阳**`), identity numbers their first 4 and last 4 (`3701**********1234`).
 * Counting is by code point, so a rare character outside the BMP still counts as one.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  const first = chars[0] ?? '';
  // Latin names (foreign permanent residents): keep the first letter of each word.
  if (/^[A-Za-z]/.test(first) && chars.some((c) => c === ' ' || c === ',')) {
    return name
      .trim()
      .split(/([ ,]+)/)
      .map((part) =>
        /^[ ,]+$/.test(part)
          ? part
          : `${part.slice(0, 1)}${'*'.repeat(Math.max(0, part.length - 1))}`,
      )
      .join('');
  }
  return first + '*'.repeat(Math.max(1, chars.length - 1));
}

export function maskIdNumber(idNumber: string): string {
  const chars = Array.from(idNumber.trim());
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('');
}

export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}
