import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envOverrides } from './env';

const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');

describe("README's configuration reference", () => {
  it.each(envOverrides.map((o) => [o.name, o.path.join('.')]))(
    'documents %s (%s)',
    (name, path) => {
      const row = readme.split('\n').find((line) => line.includes(`\`${name}\``));
      expect(row, `no README row names ${name}`).toBeDefined();
      expect(row).toContain(`\`${path}\``);
    },
  );

  it('shows the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
  });
});
