/**
 * The terminal's readiness, as a technician needs it at a glance (`kioskctl diag`): every device,
 * the platform, the clock, the certificate, the disk, the outbox, the audit trail, the versions.
 * Each part says what it found; `problems` lists, in words, what needs doing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KioskConfig } from '../config/schema';
import { auditFile, openAuditLog } from '../audit/audit-log';
import { diskFreeBytes } from '../heartbeat/heartbeat-sources';
import { DATABASE_FILE, openKioskDatabase } from '../outbox/kiosk-database';
import { createOutboxStore } from '../outbox/outbox-store';
import { checkPlatform } from '../platform/platform-check';
import { createPlatformClient } from '../platform/client';
import { describePlatformConnectionError, openPlatformConnection } from '../platform-connection';
import { createIdCardReader } from '../../../drivers/idcard/src/driver';
import { idCardOpener } from '../../../drivers/idcard/src/port-selection';
import { createReceiptPrinter } from '../../../drivers/printer/src/driver';
import { serialTransportOpener } from '../../../drivers/transport/src/serial';
import { tcpTransportOpener } from '../../../drivers/transport/src/tcp';
import { usblpTransportOpener } from '../../../drivers/transport/src/usblp';

/** A device that does not answer within this long is reported as not answering. */
const PROBE_TIMEOUT_MS = 5_000;
/** More clock skew than this against the platform and receipts show wrong times: fix NTP. */
const MAX_CLOCK_SKEW_S = 60;
/** Less free space than this and the outbox cannot be trusted to keep cases. */
const MIN_FREE_BYTES = 500 * 1024 * 1024;

export interface Readiness {
  ready: boolean;
  problems: string[];
  terminalId: string;
  versions: { app: string; node: string; electron: string | null };
  devices: { idcard: string; printer: string };
  platform:
    | {
        reachable: true;
        latencyMs: number;
        catalogVersion: string;
        certificateDaysLeft: number | null;
        clockSkewSeconds: number;
      }
    | { reachable: false; error: string };
  diskFreeBytes: number | null;
  outbox: { pending: number; oldestQueuedAt: string | null } | null;
  audit: { entries: number; intact: boolean } | null;
}

const within = <T>(promise: Promise<T>, fallback: T) =>
  Promise.race([
    promise,
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), PROBE_TIMEOUT_MS).unref()),
  ]);

async function idcardState(config: KioskConfig['devices']['idcard']): Promise<string> {
  if (config.kind === 'simulated') return 'simulated';
  const reader = createIdCardReader({
    open:
      config.kind === 'serial'
        ? idCardOpener({ transport: 'serial', path: config.path, baudRate: config.baudRate })
        : idCardOpener({
            transport: 'hid',
            path: config.path,
            vendorId: config.vendorId,
            productId: config.productId,
          }),
  });
  const status = await within(reader.whenSettled(), { state: 'absent' as const });
  await reader.close();
  return status.state;
}

async function printerState(config: KioskConfig['devices']['printer']): Promise<string> {
  if (config.kind === 'simulated') return 'simulated';
  const open =
    config.kind === 'serial'
      ? serialTransportOpener({ path: config.path, baudRate: config.baudRate })
      : config.kind === 'usblp'
        ? usblpTransportOpener({ path: config.path })
        : tcpTransportOpener({ host: config.host, port: config.port });
  const printer = createReceiptPrinter({ open, confirmCompletion: config.confirmCompletion });
  const status = await within(printer.refreshStatus(), { state: 'absent' as const });
  await printer.close();
  return status.state;
}

function version(file: string): string | null {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

export async function checkReadiness(config: KioskConfig, root: string): Promise<Readiness> {
  const problems: string[] = [];
  const [idcard, printer] = await Promise.all([
    idcardState(config.devices.idcard),
    printerState(config.devices.printer),
  ]);
  if (!['ready', 'simulated'].includes(idcard)) problems.push(`身份证阅读器：${idcard}`);
  if (!['ready', 'paper-low', 'simulated'].includes(printer))
    problems.push(`回执打印机：${printer}`);
  if (printer === 'paper-low') problems.push('回执打印机：纸将用尽，请准备换纸');

  const dbPath = join(config.dataDir, DATABASE_FILE);
  const db = existsSync(dbPath) ? openKioskDatabase(dbPath, { readonly: true }) : undefined;
  const outbox = db ? createOutboxStore(db).depth() : null;
  db?.close();

  let audit: Readiness['audit'] = null;
  if (existsSync(auditFile(config.dataDir))) {
    const log = openAuditLog(auditFile(config.dataDir));
    const verdict = log.verify();
    log.close();
    audit = { entries: verdict.entries, intact: verdict.ok };
    if (!verdict.ok) problems.push(`操作日志第 ${verdict.firstBrokenId} 条起校验不通过`);
  }

  // A terminal that never ran has no data directory yet: its parent holds the same file system.
  const free =
    (await diskFreeBytes(existsSync(config.dataDir) ? config.dataDir : dirname(config.dataDir))) ??
    null;
  if (free !== null && free < MIN_FREE_BYTES) problems.push('磁盘剩余空间不足 500 MB');

  let platform: Readiness['platform'];
  const connection = await openPlatformConnection(config);
  if (!connection.ok) {
    platform = { reachable: false, error: describePlatformConnectionError(connection.error) };
  } else {
    const client = createPlatformClient({
      baseUrl: connection.value.baseUrl,
      terminalId: config.terminalId,
      tls: connection.value.tls,
      timeoutMs: connection.value.timeoutMs,
    });
    const check = await checkPlatform({
      url: connection.value.baseUrl,
      tls: connection.value.tls,
      client,
      outbox: outbox ?? { pending: 0, oldestQueuedAt: null },
      appVersion: version(join(root, 'package.json')) ?? 'unknown',
      timeoutMs: connection.value.timeoutMs,
    });
    await client.close();
    await connection.value.close();
    if (check.ok) {
      const certificate = check.value.certificate;
      const skew = Math.round((Date.now() - Date.parse(check.value.heartbeat.serverTime)) / 1000);
      platform = {
        reachable: true,
        latencyMs: Math.round(check.value.latencyMs),
        catalogVersion: check.value.catalog.version,
        certificateDaysLeft: 'daysLeft' in certificate ? certificate.daysLeft : null,
        clockSkewSeconds: skew,
      };
      problems.push(...check.value.warnings);
      if (Math.abs(skew) > MAX_CLOCK_SKEW_S)
        problems.push(`终端时钟与平台相差 ${skew} 秒，请检查时间同步`);
    } else {
      platform = { reachable: false, error: `${check.error.code}: ${check.error.message}` };
    }
  }
  if (!platform.reachable)
    problems.push('无法连接政务服务平台（申请会保存在本机，恢复后自动上传）');

  return {
    ready: problems.length === 0,
    problems,
    terminalId: config.terminalId,
    versions: {
      app: version(join(root, 'package.json')) ?? 'unknown',
      node: process.version,
      electron: version(join(root, 'node_modules', 'electron', 'package.json')),
    },
    devices: { idcard, printer },
    platform,
    diskFreeBytes: free,
    outbox,
    audit,
  };
}
