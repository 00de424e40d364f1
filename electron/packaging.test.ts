/**
 * The packaging configuration against electron-builder's own schema, and the release fuses the
 * terminal depends on (issue 8). Building a package needs Electron's binaries, which cannot be
 * downloaded everywhere; the configuration can always be checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..');
const schema = JSON.parse(
  readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
) as object;
const load = (file: string) =>
  parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

describe('packaging', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  it.each(['electron-builder.yml', 'electron-builder.e2e.yml'])(
    '%s follows electron-builder’s schema',
    (file) => {
      const ok = validate(load(file));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it('locks the release binary down with fuses, and only the e2e variant keeps --inspect', () => {
    const release = load('electron-builder.yml').electronFuses as Record<string, boolean>;
    expect(release).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
    });
    const e2e = load('electron-builder.e2e.yml');
    expect(e2e.extends).toBe('electron-builder.yml');
    expect((e2e.electronFuses as Record<string, boolean>).enableNodeCliInspectArguments).toBe(true);
  });

  it('builds Linux x64 and arm64 (AppImage, deb) and Windows NSIS, without tests or sources', () => {
    const config = load('electron-builder.yml') as {
      linux: { target: { target: string; arch: string[] }[] };
      win: { target: { target: string }[] };
      files: string[];
    };
    expect(config.linux.target.map((t) => [t.target, t.arch])).toEqual([
      ['AppImage', ['x64', 'arm64']],
      ['deb', ['x64', 'arm64']],
    ]);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.files).toContain('!tests/**');
  });
});
