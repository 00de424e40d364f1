/**
 * Keyboard shortcuts that would leave or break the kiosk. Shared by the Electron shell
 * (`before-input-event`, electron/main/security/block-shortcuts.ts) and the page itself
 * (renderer guards), so the browser shell refuses the same keys. Matched by `code` — the physical
 * key — so a keyboard layout or an input method cannot smuggle them through under another `key`.
 */
export interface KeyPress {
  type: 'keyDown' | 'keyUp' | 'char' | string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export function isBlockedShortcut(input: KeyPress): boolean {
  if (input.type !== 'keyDown') return false;
  const mod = input.control || input.meta;
  const code = input.code;
  // Reload (F5, Ctrl+R, Ctrl+Shift+R), developer tools (F12, Ctrl+Shift+I/J/C), view source (Ctrl+U).
  if (code === 'F5' || code === 'F12') return true;
  if (mod && (code === 'KeyR' || code === 'KeyU')) return true;
  if (mod && input.shift && (code === 'KeyI' || code === 'KeyJ' || code === 'KeyC')) return true;
  // Zoom (Ctrl+=/-/0 and the keypad's), which would unsettle every layout.
  if (mod && ['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0'].includes(code))
    return true;
  // Close, quit, new window, print dialog, find bar, fullscreen toggle, address bar.
  if (
    mod &&
    ['KeyW', 'KeyQ', 'KeyN', 'KeyT', 'KeyP', 'KeyF', 'KeyL', 'KeyO', 'KeyS'].includes(code)
  )
    return true;
  if (
    input.alt &&
    (code === 'F4' || code === 'ArrowLeft' || code === 'ArrowRight' || code === 'Home')
  )
    return true;
  if (
    code === 'F11' ||
    code === 'BrowserBack' ||
    code === 'BrowserForward' ||
    code === 'BrowserRefresh'
  )
    return true;
  return false;
}
