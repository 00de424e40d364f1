import { afterEach, describe, expect, it } from 'vitest';
import { installKioskGuards } from './kiosk-guards';

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

function dispatch(event: Event): boolean {
  document.body.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('the page guards', () => {
  // Ctrl+wheel is checked in Chromium (tests/e2e/escape.test.ts): happy-dom drops WheelEvent's ctrlKey.
  it('refuse the context menu and file drops', () => {
    uninstall = installKioskGuards(window);
    expect(dispatch(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))).toBe(true);
    expect(dispatch(new Event('drop', { bubbles: true, cancelable: true }))).toBe(true);
    expect(dispatch(new Event('dragover', { bubbles: true, cancelable: true }))).toBe(true);
  });

  it('let ordinary scrolling and typing through', () => {
    uninstall = installKioskGuards(window);
    expect(dispatch(new WheelEvent('wheel', { bubbles: true, cancelable: true }))).toBe(false);
    expect(
      dispatch(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, code: 'KeyR' })),
    ).toBe(false);
  });

  it('refuse reload and devtools shortcuts', () => {
    uninstall = installKioskGuards(window);
    expect(
      dispatch(
        new KeyboardEvent('keydown', {
          bubbles: true,
          cancelable: true,
          code: 'KeyR',
          ctrlKey: true,
        }),
      ),
    ).toBe(true);
    expect(
      dispatch(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, code: 'F12' })),
    ).toBe(true);
  });
});
