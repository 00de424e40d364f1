import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ok, err, type Result } from '../../shared/result';
import { envOverrides } from './env';
import { configSchema, type KioskConfig } from './schema';

export type ConfigError =
  | { code: 'file-unreadable'; file: string; message: string }
  | { code: 'file-not-json'; file: string; message: string }
  | { code: 'invalid'; issues: string[] };

export interface LoadConfigOptions {
  /** The configuration file; `KIOSK_CONFIG` when absent; none means defaults + environment. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Relative paths in the file (dataDir, certificate files) resolve against this. */
  cwd?: string;
}

/** Reads the file (JSON), applies environment overrides, validates. Errors name the field. */
export function loadConfig(options: LoadConfigOptions = {}): Result<KioskConfig, ConfigError> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = options.file ?? env.KIOSK_CONFIG;
  let raw: Record<string, unknown> = {};
  if (file) {
    const path = resolve(cwd, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      return err({ code: 'file-unreadable', file: path, message: (e as Error).message });
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return err({
          code: 'file-not-json',
          file: path,
          message: 'the file must hold one JSON object',
        });
      }
      raw = parsed as Record<string, unknown>;
    } catch (e) {
      return err({ code: 'file-not-json', file: path, message: (e as Error).message });
    }
  }
  const fromEnv = new Map<string, string>();
  for (const override of envOverrides) {
    const value = env[override.name];
    if (value === undefined || value === '') continue;
    setPath(raw, override.path, override.parse(value));
    fromEnv.set(override.path.join('.'), override.name);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    return err({
      code: 'invalid',
      issues: parsed.error.issues.map((issue) => {
        const path = issue.path.join('.');
        const source = [...fromEnv.entries()].find(([p]) => path === p || path.startsWith(`${p}.`));
        return `${path || '(root)'}${source ? ` (from ${source[1]})` : ''}: ${issue.message}`;
      }),
    });
  }
  return ok(resolvePaths(parsed.data, cwd));
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path.at(-1);
  if (last !== undefined) node[last] = value;
}

function resolvePaths(config: KioskConfig, cwd: string): KioskConfig {
  const platform =
    config.platform.mode === 'real'
      ? {
          ...config.platform,
          caFile: resolve(cwd, config.platform.caFile),
          certFile: resolve(cwd, config.platform.certFile),
          keyFile: resolve(cwd, config.platform.keyFile),
        }
      : config.platform;
  return { ...config, dataDir: resolve(cwd, config.dataDir), platform };
}

export function describeConfigError(error: ConfigError): string {
  switch (error.code) {
    case 'file-unreadable':
      return `Cannot read the configuration file ${error.file}: ${error.message}`;
    case 'file-not-json':
      return `The configuration file ${error.file} is not valid JSON: ${error.message}`;
    case 'invalid':
      return `The configuration is not valid:\n  ${error.issues.join('\n  ')}`;
  }
}
