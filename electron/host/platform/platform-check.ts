/**
 * `kioskctl platform check`: can this terminal work with the platform right now, and if not,
 * where does it break? In order: the TLS handshake on its own (protocol, cipher, the server's
 * certificate), the client certificate's days left, a full catalog fetch (version, items) and a
 * conditional one (the bare round trip), and one heartbeat (session `maintenance`, since a
 * technician is at the terminal; its commands are counted, not run — the app runs them).
 */
import { isIP } from 'node:net';
import { connect } from 'node:tls';
import { err, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import type { CertificateStatus } from './certificate-status';
import type { PlatformClient } from './client';
import type { TlsMaterial } from './http-transport';
import { describePlatformError } from './platform-error';
import type { Heartbeat } from './types';

export type PlatformCheck = {
  url: string;
  terminalId: string;
  tls: {
    handshakeMs: number;
    protocol: string | null;
    cipher: string;
    serverSubject: string;
    serverNotAfter: string;
  };
  certificate: CertificateStatus;
  catalog: { version: string; items: number; fetchMs: number };
  /** A conditional catalog request answered 304: the platform's round trip without payload. */
  latencyMs: number;
  heartbeat: { roundTripMs: number; serverTime: string; commandsPending: number };
  /** Things that work today and will not for long (a certificate near its end). */
  warnings: string[];
};

export type PlatformCheckError = {
  code: 'tls-failed' | 'catalog-failed' | 'heartbeat-failed';
  message: string;
  /** What did work before it broke. */
  partial: Partial<PlatformCheck>;
};

export async function checkPlatform(deps: {
  url: string;
  tls: TlsMaterial;
  client: PlatformClient;
  outbox: Heartbeat['outbox'];
  appVersion: string;
  timeoutMs: number;
}): Promise<Result<PlatformCheck, PlatformCheckError>> {
  const { client } = deps;
  const partial: Partial<PlatformCheck> = { url: deps.url, terminalId: client.terminalId };
  const fail = (code: PlatformCheckError['code'], message: string) =>
    err({ code, message, partial });

  const tls = await handshake(deps.url, deps.tls, deps.timeoutMs);
  if (!tls.ok) return fail('tls-failed', tls.error);
  partial.tls = tls.value;
  partial.certificate = client.certificate();
  const warnings: string[] = [];
  if (partial.certificate.state === 'expiring') {
    warnings.push(
      `client certificate expires in ${partial.certificate.daysLeft} days; renew it now`,
    );
  }

  const once = { maxAttempts: 1 };
  let started = performance.now();
  const full = await client.getCatalog(once);
  const fetchMs = Math.round(performance.now() - started);
  if (!full.ok) return fail('catalog-failed', describePlatformError(full.error));
  if (full.value.kind !== 'catalog') return fail('catalog-failed', 'unexpected 304');
  partial.catalog = {
    version: full.value.catalog.version,
    items: full.value.catalog.items.length,
    fetchMs,
  };
  started = performance.now();
  const conditional = await client.getCatalog({ etag: full.value.etag, ...once });
  if (!conditional.ok) return fail('catalog-failed', describePlatformError(conditional.error));
  partial.latencyMs = Math.round(performance.now() - started);

  started = performance.now();
  const beat = await client.heartbeat(
    {
      at: new Date().toISOString(),
      appVersion: deps.appVersion,
      uptimeSeconds: Math.floor(process.uptime()),
      devices: {},
      outbox: deps.outbox,
      session: 'maintenance',
    },
    once,
  );
  const roundTripMs = Math.round(performance.now() - started);
  if (!beat.ok) return fail('heartbeat-failed', describePlatformError(beat.error));
  partial.heartbeat = {
    roundTripMs,
    serverTime: beat.value.serverTime,
    commandsPending: beat.value.commands.length,
  };
  return ok({ ...(partial as PlatformCheck), warnings });
}

/** A TLS connection of its own, to see the handshake (undici hides it). */
function handshake(
  url: string,
  material: TlsMaterial,
  timeoutMs: number,
): Promise<Result<PlatformCheck['tls'], string>> {
  const { hostname, port } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect({
      host,
      port: Number(port || 443),
      ca: material.ca,
      cert: material.cert,
      key: material.key,
      ...(material.passphrase === undefined ? {} : { passphrase: material.passphrase }),
      minVersion: 'TLSv1.2',
      rejectUnauthorized: true,
      // SNI takes a host name, never an address (RFC 6066 §3).
      ...(isIP(host) ? {} : { servername: host }),
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(err(`no TLS handshake within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const peer = socket.getPeerCertificate();
      const result = {
        handshakeMs: Math.round(performance.now() - started),
        protocol: socket.getProtocol(),
        cipher: socket.getCipher().name,
        serverSubject: String(peer.subject?.CN ?? ''),
        serverNotAfter: new Date(peer.valid_to).toISOString(),
      };
      socket.end();
      resolve(ok(result));
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(err(error.code ? `${error.code}: ${error.message}` : error.message));
    });
  });
}
