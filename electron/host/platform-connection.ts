/**
 * Where the platform is and how to prove who we are to it. A real terminal reads its CA, client
 * certificate and key from the configured files; the simulated world (the default in development)
 * starts the platform simulator beside the kiosk, with its own CA under `<dataDir>/pki`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ok, err, type Result } from '../shared/result';
import type { KioskConfig } from './config/schema';
import type { TlsMaterial } from './platform/http-transport';
import type { PlatformPreset } from '../shared/contract';

export interface SimulatedPlatformHandle {
  receivedCases(): ReadonlyArray<{ caseNo: string; queryCode: string; itemCode: string }>;
  /** Puts the simulator in a named state for the dev panel (slow, flaky, maintenance, down …). */
  applyPreset(preset: PlatformPreset): Promise<void>;
  close(): Promise<void>;
}

export interface PlatformConnection {
  baseUrl: string;
  tls: TlsMaterial;
  timeoutMs: number;
  /** Present in the simulated world: the simulator this terminal talks to. */
  simulator?: SimulatedPlatformHandle;
  close(): Promise<void>;
}

export type PlatformConnectionError =
  | { code: 'credentials-unreadable'; file: string; message: string }
  | { code: 'simulator-failed'; message: string };

export async function openPlatformConnection(
  config: KioskConfig,
): Promise<Result<PlatformConnection, PlatformConnectionError>> {
  const platform = config.platform;
  if (platform.mode === 'real') {
    const files = { ca: platform.caFile, cert: platform.certFile, key: platform.keyFile };
    const tls: Record<string, string> = {};
    for (const [name, file] of Object.entries(files)) {
      try {
        tls[name] = await readFile(file, 'utf8');
      } catch (e) {
        return err({ code: 'credentials-unreadable', file, message: (e as Error).message });
      }
    }
    return ok({
      baseUrl: platform.url,
      tls: {
        ca: tls.ca ?? '',
        cert: tls.cert ?? '',
        key: tls.key ?? '',
        ...(platform.keyPassphrase ? { passphrase: platform.keyPassphrase } : {}),
      },
      timeoutMs: platform.timeoutMs,
      close: async () => undefined,
    });
  }
  // Production bundles define KIOSK_BUILD and drop this branch, simulator and all (electron/build.ts).
  if (process.env.KIOSK_BUILD !== 'production') {
    try {
      const { startSimulatedPlatform } = await import('../../tests/platform-sim/simulated-world');
      const { applyPlatformPreset } = await import('../../tests/platform-sim/dev-presets');
      const simulator = await startSimulatedPlatform({
        pkiDir: join(config.dataDir, 'pki'),
        terminalId: config.terminalId,
      });
      return ok({
        baseUrl: simulator.url,
        tls: simulator.terminalTls,
        timeoutMs: platform.timeoutMs,
        simulator: {
          receivedCases: () => simulator.receivedCases(),
          applyPreset: (preset) => applyPlatformPreset(simulator, preset),
          close: () => simulator.close(),
        },
        close: () => simulator.close(),
      });
    } catch (e) {
      return err({ code: 'simulator-failed', message: (e as Error).message });
    }
  }
  return err({
    code: 'simulator-failed',
    message: 'this production build has no platform simulator: set platform.mode to "real"',
  });
}

export function describePlatformConnectionError(error: PlatformConnectionError): string {
  switch (error.code) {
    case 'credentials-unreadable':
      return `Cannot read the platform credential ${error.file}: ${error.message}`;
    case 'simulator-failed':
      return `The platform simulator did not start: ${error.message}`;
  }
}
