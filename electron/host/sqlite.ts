/**
 * Every SQLite database the terminal opens goes through here. better-sqlite3 is a native module
 * built for one runtime: node_modules holds the build for the pinned Node (tests, kioskctl, the
 * browser shell). A development run under Electron passes an Electron-ABI build of the same
 * module in KIOSK_SQLITE_BINDING (electron/launch.ts builds it once); packaged apps have theirs
 * rebuilt by electron-builder and need nothing.
 */
import Database from 'better-sqlite3';

export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = process.env.KIOSK_SQLITE_BINDING;
  return new Database(file, nativeBinding ? { ...options, nativeBinding } : options);
}
