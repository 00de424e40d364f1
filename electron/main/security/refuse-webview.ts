import type { WebContents } from 'electron';

/** `<webview>` would embed arbitrary content with its own preferences; the kiosk never needs one. */
export function refuseWebview(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
