/**
 * Serves the built renderer (dist/renderer) and nothing else. The index page gets the RPC meta tags
 * injected per launch; hashed assets may be cached, the page itself never is.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { SECURITY_HEADERS } from './security-headers';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

export function createStaticHandler(root: string, injectIntoHead: () => string) {
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  return async function serve(pathname: string, res: ServerResponse): Promise<void> {
    const relative =
      pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(root, relative));
    const type = CONTENT_TYPES[extname(file)];
    if (!file.startsWith(rootWithSep) || !type) return notFound(res);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound(res);
    }
    const isPage = file.endsWith('index.html');
    if (isPage)
      body = Buffer.from(body.toString('utf8').replace('<head>', `<head>${injectIntoHead()}`));
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Cache-Control': isPage ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    res.end(body);
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}
