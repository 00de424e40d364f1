import { describe, expect, it } from 'vitest';
import { isBlockedShortcut } from './shortcuts';

const key = (
  code: string,
  mods: Partial<{ control: boolean; meta: boolean; alt: boolean; shift: boolean }> = {},
) => ({
  type: 'keyDown' as const,
  code,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('isBlockedShortcut', () => {
  it.each([
    ['reload', key('KeyR', { control: true })],
    ['hard reload', key('KeyR', { control: true, shift: true })],
    ['F5', key('F5')],
    ['devtools', key('KeyI', { control: true, shift: true })],
    ['F12', key('F12')],
    ['zoom in', key('Equal', { control: true })],
    ['zoom out (keypad)', key('NumpadSubtract', { control: true })],
    ['close window', key('KeyW', { control: true })],
    ['quit', key('KeyQ', { control: true })],
    ['Alt+F4', key('F4', { alt: true })],
    ['back', key('ArrowLeft', { alt: true })],
    ['print dialog', key('KeyP', { meta: true })],
  ])('blocks %s', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(true);
  });

  it.each([
    ['typing a letter', key('KeyR')],
    ['shift for capitals', key('KeyA', { shift: true })],
    ['digits on the keypad', key('Numpad5')],
    ['backspace', key('Backspace')],
    ['Enter', key('Enter')],
  ])('lets %s through', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(false);
  });

  it('ignores key-up events', () => {
    expect(isBlockedShortcut({ ...key('F5'), type: 'keyUp' })).toBe(false);
  });
});
