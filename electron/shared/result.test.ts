import { describe, expect, it } from 'vitest';
import { assertNever, err, ok, type Result } from './result';

describe('Result', () => {
  it('carries a value or a tagged error', () => {
    const good: Result<number, { code: 'x' }> = ok(3);
    const bad: Result<number, { code: 'x' }> = err({ code: 'x' });
    expect(good).toEqual({ ok: true, value: 3 });
    expect(bad.ok ? null : bad.error.code).toBe('x');
  });

  it('assertNever throws on a value the types said could not exist', () => {
    expect(() => assertNever('boom' as never, 'state')).toThrow('Unexpected state: "boom"');
  });
});
