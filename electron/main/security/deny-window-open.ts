import type { WebContents } from 'electron';

/** No pop-ups, ever: a resident must not reach a second window (DESIGN §4 rule 7). */
export function denyWindowOpen(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
