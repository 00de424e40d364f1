import { describe, expect, it } from 'vitest';
import { chromiumFlags, hasDisplay } from './chromium';

describe('the Chromium launcher', () => {
  const base = { url: 'http://127.0.0.1:8080/', userDataDir: '/tmp/p' };

  it('opens the page as an app in kiosk mode with a throwaway profile and no background traffic', () => {
    const flags = chromiumFlags({ ...base, isRoot: false, hasGpu: true });
    expect(flags).toEqual(
      expect.arrayContaining([
        '--app=http://127.0.0.1:8080/',
        '--user-data-dir=/tmp/p',
        '--kiosk',
        '--disable-background-networking',
      ]),
    );
    expect(flags).not.toContain('--no-sandbox');
    expect(flags).not.toContain('--disable-gpu');
  });

  it('drops the sandbox only as root and the GPU only where there is none', () => {
    const flags = chromiumFlags({ ...base, isRoot: true, hasGpu: false });
    expect(flags).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-gpu']));
  });

  it('opens a window only where there is a display', () => {
    expect(hasDisplay({})).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
  });
});
