/** Reading request bodies for the simulator, within limits, and describing them for the request log. */
import type { IncomingMessage } from 'node:http';
import type { ReceivedRequest } from './exchange';

/** An oversized body is read and thrown away up to here (so the client sees the 413), then cut. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

export function describeBody(
  kind: 'json' | 'raw' | 'none' | undefined,
  contentType: string | undefined,
  body: Buffer | 'too-large',
): ReceivedRequest['body'] {
  if (body === 'too-large') return { raw: { mediaType: contentType, size: -1 } };
  if (body.byteLength === 0) return undefined;
  if (kind === 'json') {
    try {
      return { json: JSON.parse(body.toString('utf8')) as unknown };
    } catch {
      // Malformed on purpose (a test) or by mistake: keep its size, not its bytes.
    }
  }
  return { raw: { mediaType: contentType, size: body.byteLength } };
}

/** The body, or `'too-large'` once it passes `limit` (drained so the client can read the 413). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_DRAIN_BYTES) {
      req.destroy();
      break;
    }
    if (size <= limit && declared <= limit) chunks.push(chunk);
  }
  return size > limit || declared > limit ? 'too-large' : Buffer.concat(chunks);
}
