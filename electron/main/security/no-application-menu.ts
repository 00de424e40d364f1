import { Menu } from 'electron';

/** No menu bar and none of its accelerators (View → Reload, Toggle Developer Tools…). */
export function removeApplicationMenu(): void {
  Menu.setApplicationMenu(null);
}
