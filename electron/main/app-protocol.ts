/**
 * The renderer is served from `app://kiosk/`, not file://: a real origin for the permission rules,
 * and headers (the CSP) on every response. Only files inside the built renderer are reachable.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../browser/security-headers';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://kiosk';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const root = rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep;
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const relative =
      url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).slice(1);
    const file = normalize(join(rendererDir, relative));
    const type = TYPES[extname(file)];
    if (url.host !== 'kiosk' || !file.startsWith(root) || !type)
      return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { ...SECURITY_HEADERS, 'Content-Type': type } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
