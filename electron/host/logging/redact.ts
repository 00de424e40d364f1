/**
 * A last line of defence for anything that leaves the terminal as text (log export): identity
 * numbers and mobile numbers are masked wherever they appear (`3701**********124X`,
 * `138****8000`). The logs are written without personal data in the first place; this catches
 * a mistake before it reaches a USB stick.
 */
import { maskIdNumber, maskPhone } from '../../shared/mask';

const ID_NUMBER = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d{9})(?!\d)/g;

export function maskPersonalText(text: string): string {
  return text
    .replace(ID_NUMBER, (match) => maskIdNumber(match))
    .replace(MOBILE, (match) => maskPhone(match));
}
