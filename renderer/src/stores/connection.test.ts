import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reloadPage } from '../api/page';
import { RELOAD_AFTER_LOSS_MS, useConnectionStore } from './connection';

vi.mock('../api/page', () => ({ reloadPage: vi.fn() }));

describe('connection store', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reloads the page 3 s after the host connection is lost, once', () => {
    vi.useFakeTimers();
    const connection = useConnectionStore(createPinia());
    connection.apply({ state: 'open' });
    connection.apply({ state: 'lost', reason: 'closed' });
    connection.apply({ state: 'lost', reason: 'closed' });
    vi.advanceTimersByTime(RELOAD_AFTER_LOSS_MS - 1);
    expect(reloadPage).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(reloadPage).toHaveBeenCalledTimes(1);
  });
});
