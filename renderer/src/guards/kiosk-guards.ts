/**
 * What the page itself refuses, so that the browser shell (no Electron lockdown) holds the same
 * line as the Electron shell, and the Electron shell has a second one: the context menu, dropped
 * files (which would navigate away to them), Ctrl/⌘+wheel zoom, multi-finger gesture zoom, and the
 * keyboard shortcuts in electron/shared/shortcuts.ts.
 */
import { isBlockedShortcut } from '../../../electron/shared/shortcuts';

export function installKioskGuards(target: Window): () => void {
  const prevent = (event: Event) => event.preventDefault();
  const onWheel = (event: WheelEvent) => {
    if (event.ctrlKey || event.metaKey) event.preventDefault();
  };
  const onKey = (event: KeyboardEvent) => {
    const press = {
      type: 'keyDown',
      code: event.code,
      control: event.ctrlKey,
      meta: event.metaKey,
      alt: event.altKey,
      shift: event.shiftKey,
    };
    if (isBlockedShortcut(press)) event.preventDefault();
  };
  const listeners: [string, EventListener, AddEventListenerOptions][] = [
    ['contextmenu', prevent, { capture: true }],
    ['dragover', prevent, { capture: true }],
    ['drop', prevent, { capture: true }],
    ['dragstart', prevent, { capture: true }],
    ['gesturestart', prevent, { capture: true }],
    ['wheel', onWheel as EventListener, { capture: true, passive: false }],
    ['keydown', onKey as EventListener, { capture: true }],
  ];
  for (const [type, listener, options] of listeners)
    target.addEventListener(type, listener, options);
  return () => {
    for (const [type, listener, options] of listeners)
      target.removeEventListener(type, listener, options);
  };
}
