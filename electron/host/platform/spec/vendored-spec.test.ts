import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const vendored = here('./openapi.yaml');
const generated = here('./openapi.d.ts');
/** The published original, outside the repo: present in the development workspace only. */
const published = here('../../../../../shared/platform-api/openapi.yaml');

describe('vendored platform spec', () => {
  it.skipIf(!existsSync(published))(
    existsSync(published)
      ? 'is a byte-for-byte copy of ../shared/platform-api/openapi.yaml'
      : 'is a byte-for-byte copy of ../shared/platform-api/openapi.yaml — skipped: that file is not present here',
    () => {
      expect(readFileSync(vendored).equals(readFileSync(published))).toBe(true);
    },
  );

  it('has current generated types (run `npm run gen:api` after changing the spec)', async () => {
    // The same steps as the openapi-typescript CLI behind `npm run gen:api`.
    const ast = await openapiTS(pathToFileURL(vendored), { silent: true });
    expect(readFileSync(generated, 'utf8')).toBe(`${COMMENT_HEADER}${astToString(ast)}`);
  }, 30_000);
});
