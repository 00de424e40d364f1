/**
 * 长辈模式 (elder mode) type scale: every size one step above base.css's :root values (body 30 →
 * 36 px on a 1080-wide screen; the issue asks ≥ 32 px). Kept in code rather than a stylesheet so
 * unit tests can see it (vitest empties .css imports); set on <html> through the CSSOM, which the
 * strict CSP allows (it forbids inline style attributes in markup, not element.style).
 */
export const ELDER_TYPE_SCALE = {
  '--size-body': '36px',
  '--size-small': '32px',
  '--size-h2': '48px',
  '--size-h1': '64px',
  '--size-button': '44px',
  '--button-height': '112px',
  '--touch-min': '80px',
} as const;
