/**
 * The simulated platform's PKI. The real platform's CA issues each terminal a client certificate
 * whose subject CN is the terminal id (openapi.yaml, "Transport and identity"); here we play that
 * CA: one platform CA, the platform's server certificate for 127.0.0.1/localhost, and one terminal
 * certificate, all ECDSA P-256.
 *
 * Generated on first start and reused after, so a developer's terminal configuration keeps working
 * across simulator restarts. A certificate is re-issued only when it is missing, expires within a
 * day, was not issued by the CA on disk, or (the terminal's) names another terminal.
 */
import { X509Certificate as NodeX509, webcrypto } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
// Must come before @peculiar/x509: its DI container checks for Reflect metadata on load.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

export type PkiPaths = {
  dir: string;
  /** platform-ca.pem: the anchor the terminal trusts and the server verifies clients against. */
  caCert: string;
  /** platform-ca.key: kept so later starts can issue leaves under the same CA. */
  caKey: string;
  serverCert: string;
  serverKey: string;
  terminalCert: string;
  terminalKey: string;
};

const EC: EcKeyGenParams & EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGNING: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };
const DAY_MS = 24 * 60 * 60 * 1000;
/** Backdated so a terminal whose clock is a little behind still accepts a fresh certificate. */
const BACKDATE_MS = 60 * 60 * 1000;
const CA_YEARS = 10;
const LEAF_YEARS = 1;
const TERMINAL_ID = /^T-[0-9]{6}-[0-9]{4}$/;

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

type Ca = { cert: x509.X509Certificate; key: CryptoKey; pem: string };

export function pkiPaths(dir: string): PkiPaths {
  return {
    dir,
    caCert: join(dir, 'platform-ca.pem'),
    caKey: join(dir, 'platform-ca.key'),
    serverCert: join(dir, 'platform-server.pem'),
    serverKey: join(dir, 'platform-server.key'),
    terminalCert: join(dir, 'terminal.pem'),
    terminalKey: join(dir, 'terminal.key'),
  };
}

export async function ensurePki(dir: string, terminalId: string): Promise<PkiPaths> {
  // The id goes into a distinguished name; the spec's pattern keeps it to safe characters.
  if (!TERMINAL_ID.test(terminalId)) throw new Error(`Not a terminal id: ${terminalId}`);
  const paths = pkiPaths(dir);
  await mkdir(dir, { recursive: true, mode: 0o700 });

  let ca = await loadCa(paths);
  const caIsNew = ca === undefined;
  if (!ca) {
    ca = await createCa();
    await writePem(paths.caCert, ca.pem, 0o644);
    await writeKey(paths.caKey, ca.key);
  }
  if (caIsNew || !(await leafUsable(paths.serverCert, paths.serverKey, ca.pem))) {
    await issueLeaf(ca, paths.serverCert, paths.serverKey, {
      subject: 'CN=localhost, O=Platform Simulator',
      usage: x509.ExtendedKeyUsage.serverAuth,
      altNames: [
        { type: 'ip', value: '127.0.0.1' },
        { type: 'dns', value: 'localhost' },
      ],
    });
  }
  if (caIsNew || !(await leafUsable(paths.terminalCert, paths.terminalKey, ca.pem, terminalId))) {
    await issueLeaf(ca, paths.terminalCert, paths.terminalKey, {
      subject: `CN=${terminalId}, O=Platform Simulator Terminals`,
      usage: x509.ExtendedKeyUsage.clientAuth,
    });
  }
  return paths;
}

/** The PEM strings the terminal's platform client is configured with. */
export async function readTerminalTls(
  paths: PkiPaths,
): Promise<{ ca: string; cert: string; key: string }> {
  const [ca, cert, key] = await Promise.all(
    [paths.caCert, paths.terminalCert, paths.terminalKey].map((p) => readFile(p, 'utf8')),
  );
  return { ca: ca!, cert: cert!, key: key! };
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function stillValid(cert: NodeX509): boolean {
  return Date.parse(cert.validTo) - Date.now() > DAY_MS;
}

async function loadCa(paths: PkiPaths): Promise<Ca | undefined> {
  const [pem, keyPem] = await Promise.all([readIfExists(paths.caCert), readIfExists(paths.caKey)]);
  if (pem === undefined || keyPem === undefined || !stillValid(new NodeX509(pem))) return undefined;
  const key = await webcrypto.subtle.importKey(
    'pkcs8',
    x509.PemConverter.decodeFirst(keyPem),
    EC,
    true,
    ['sign'],
  );
  return { cert: new x509.X509Certificate(pem), key, pem };
}

async function leafUsable(
  certPath: string,
  keyPath: string,
  caPem: string,
  expectedCn?: string,
): Promise<boolean> {
  const [pem, key] = await Promise.all([readIfExists(certPath), readIfExists(keyPath)]);
  if (pem === undefined || key === undefined) return false;
  const cert = new NodeX509(pem);
  const ca = new NodeX509(caPem);
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey) || !stillValid(cert)) return false;
  return expectedCn === undefined || /^CN=(.*)$/m.exec(cert.subject)?.[1] === expectedCn;
}

async function createCa(): Promise<Ca> {
  const keys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const notBefore = new Date(Date.now() - BACKDATE_MS);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: 'CN=Simulated Government Service Platform CA, O=Platform Simulator, C=CN',
    notBefore,
    notAfter: addYears(notBefore, CA_YEARS),
    signingAlgorithm: SIGNING,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, key: keys.privateKey, pem: cert.toString('pem') };
}

async function issueLeaf(
  ca: Ca,
  certPath: string,
  keyPath: string,
  spec: { subject: string; usage: x509.ExtendedKeyUsage; altNames?: x509.JsonGeneralName[] },
): Promise<void> {
  const keys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const notBefore = new Date(Date.now() - BACKDATE_MS);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: spec.subject,
    issuer: ca.cert.subject,
    notBefore,
    notAfter: addYears(notBefore, LEAF_YEARS),
    signingAlgorithm: SIGNING,
    publicKey: keys.publicKey,
    signingKey: ca.key,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([spec.usage]),
      ...(spec.altNames ? [new x509.SubjectAlternativeNameExtension(spec.altNames)] : []),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
    ],
  });
  await writeKey(keyPath, keys.privateKey);
  await writePem(certPath, cert.toString('pem'), 0o644);
}

async function writeKey(path: string, key: CryptoKey): Promise<void> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', key);
  await writePem(path, x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'), 0o600);
}

async function writePem(path: string, pem: string, mode: number): Promise<void> {
  await writeFile(path, pem.endsWith('\n') ? pem : `${pem}\n`, { mode });
  // `mode` only applies when the file is created; a re-issued key must be private too.
  await chmod(path, mode);
}

/** A positive 16-byte serial (RFC 5280 §4.1.2.2: at most 20 octets, non-negative). */
function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

function addYears(from: Date, years: number): Date {
  const to = new Date(from);
  to.setUTCFullYear(to.getUTCFullYear() + years);
  return to;
}
