/**
 * The heartbeat (spec: "every 60 s"): the terminal's health to the platform — devices, outbox
 * depth, session state, prints since refill, free disk — and, in the answer, the remote commands
 * not yet acknowledged, which are run one after another and acknowledged each (command-log.ts
 * keeps a restart from running one twice). Each beat also looks at the client certificate and
 * warns while it is within its last 30 days.
 */
import createDebug from 'debug';
import { err, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import type { CertificateStatus } from '../platform/certificate-status';
import type { PlatformClient } from '../platform/client';
import { describePlatformError } from '../platform/platform-error';
import type { PlatformError } from '../platform/platform-error';
import type { Heartbeat, TerminalCommand } from '../platform/types';
import type { CommandLog } from './command-log';
import type { HeartbeatSources } from './heartbeat-sources';
import { runCommand } from './terminal-commands';
import type { CommandResult, TerminalCommandHandlers } from './terminal-commands';

const debug = createDebug('kiosk:heartbeat');

export const HEARTBEAT_TIMINGS = {
  /** The spec: "every 60 s". */
  intervalMs: 60_000,
  /** The certificate warning is repeated at most this often while it stands. */
  certificateWarningRepeatMs: 24 * 60 * 60 * 1000,
};

export type BeatReport = {
  /** Request to answer, the platform's round trip (retries included). */
  roundTripMs: number;
  serverTime: string;
  /** The commands in the answer and what became of each. */
  commands: {
    commandId: string;
    type: TerminalCommand['type'];
    outcome: CommandResult['outcome'];
    acked: boolean;
  }[];
};

export interface HeartbeatService {
  start(): void;
  stop(): Promise<void>;
  /** One heartbeat now (kioskctl `platform check`, tests). */
  beat(): Promise<Result<BeatReport, PlatformError>>;
}

export function createHeartbeatService(deps: {
  client: PlatformClient;
  sources: HeartbeatSources;
  handlers: TerminalCommandHandlers;
  commandLog: CommandLog;
  timings?: Partial<typeof HEARTBEAT_TIMINGS>;
  now?: () => number;
  /** Called when the certificate is within its warning period or expired (at most daily). */
  onCertificateWarning?: (
    status: Extract<CertificateStatus, { state: 'expiring' | 'expired' }>,
  ) => void;
}): HeartbeatService {
  const timings = { ...HEARTBEAT_TIMINGS, ...deps.timings };
  const now = deps.now ?? Date.now;
  const startedAt = now();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  let warnedAt = -Infinity;

  async function compose(): Promise<Heartbeat> {
    const disk = await deps.sources.diskFreeBytes();
    const prints = deps.sources.printsSinceRefill();
    return {
      at: new Date(now()).toISOString(),
      appVersion: deps.sources.appVersion,
      uptimeSeconds: Math.floor((now() - startedAt) / 1000),
      devices: deps.sources.devices(),
      outbox: deps.sources.outbox(),
      session: deps.sources.session(),
      ...(prints === undefined ? {} : { printsSinceRefill: prints }),
      ...(disk === undefined ? {} : { diskFreeBytes: disk }),
    };
  }

  function checkCertificate(): void {
    const status = deps.client.certificate();
    if (status.state !== 'expiring' && status.state !== 'expired') return;
    if (now() - warnedAt < timings.certificateWarningRepeatMs) return;
    warnedAt = now();
    debug('client certificate %s (not after %s)', status.state, status.notAfter);
    deps.onCertificateWarning?.(status);
  }

  async function handle(command: TerminalCommand): Promise<BeatReport['commands'][number]> {
    const log = deps.commandLog;
    const entry = log.get(command.commandId);
    let result: CommandResult;
    if (entry?.outcome) {
      // Done before; the acknowledgement did not arrive (or its answer was lost). Say it again.
      result = { outcome: entry.outcome, ...(entry.detail ? { detail: entry.detail } : {}) };
    } else if (entry && command.type === 'restart-app') {
      // Started before and we are running again: the restart is what ended that process.
      result = { outcome: 'done', detail: 'restarted' };
      log.finished(command.commandId, result.outcome, result.detail, now());
    } else {
      if (!entry) log.started(command.commandId, command.type, now());
      try {
        result = await runCommand(deps.handlers, command);
      } catch (error) {
        // A handler bug must not stop the heartbeat; the platform hears "failed".
        result = {
          outcome: 'failed',
          detail: String((error as Error).message ?? error).slice(0, 200),
        };
      }
      log.finished(command.commandId, result.outcome, result.detail, now());
    }
    const ack = await deps.client.ackCommand(command.commandId, {
      outcome: result.outcome,
      ...(result.detail ? { detail: result.detail.slice(0, 500) } : {}),
    });
    if (ack.ok) log.acked(command.commandId, now());
    else debug('ack %s failed: %s', command.commandId, describePlatformError(ack.error));
    return {
      commandId: command.commandId,
      type: command.type,
      outcome: result.outcome,
      acked: ack.ok,
    };
  }

  async function beat(): Promise<Result<BeatReport, PlatformError>> {
    checkCertificate();
    const started = performance.now();
    const answer = await deps.client.heartbeat(await compose());
    const roundTripMs = Math.round(performance.now() - started);
    if (!answer.ok) {
      debug('heartbeat failed: %s', describePlatformError(answer.error));
      return err(answer.error);
    }
    const commands: BeatReport['commands'] = [];
    // One at a time, in the platform's order: "out of service" then "in service" must not race.
    for (const command of answer.value.commands) commands.push(await handle(command));
    return ok({ roundTripMs, serverTime: answer.value.serverTime, commands });
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = beat().finally(schedule);
    }, timings.intervalMs);
    timer.unref?.();
  }

  return {
    start() {
      stopped = false;
      running = beat().finally(schedule);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    beat,
  };
}
