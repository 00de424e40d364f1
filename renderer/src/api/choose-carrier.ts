import type { Carrier } from './carrier';
import { messagePortCarrier } from './message-port-carrier';
import { webSocketCarrier } from './websocket-carrier';

/**
 * Picks the carrier for the shell this page runs in. The browser shell injects
 * `<meta name="kiosk-rpc" content="ws">` and the per-launch secret; without them this is the
 * Electron shell and the port comes from the preload.
 */
export function chooseCarrier(win: Window): Carrier {
  const doc = win.document;
  const kind = metaContent(doc, 'kiosk-rpc');
  if (kind === 'ws') {
    return webSocketCarrier(metaContent(doc, 'kiosk-rpc-secret') ?? '', win.location.host);
  }
  return messagePortCarrier(win);
}

function metaContent(doc: Document, name: string): string | undefined {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? undefined;
}
