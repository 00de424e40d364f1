/**
 * What a heartbeat reports (the spec's Heartbeat schema), each from the part of the host that
 * knows it. The host wires these; the heartbeat only asks.
 */
import { statfs } from 'node:fs/promises';
import type { Heartbeat } from '../platform/types';

export interface HeartbeatSources {
  appVersion: string;
  /** Device name → its state in the spec's words (`ready`, `paper-low`, `absent`…). */
  devices(): Heartbeat['devices'];
  /** `idle`, `active` (a resident is being served), `maintenance`, `out-of-service`. */
  session(): Heartbeat['session'];
  /** Records not yet delivered, and when the oldest was queued (the outbox's `depth()`). */
  outbox(): Heartbeat['outbox'];
  /** Receipts printed since the paper was last refilled; undefined when unknown. */
  printsSinceRefill(): number | undefined;
  /** Free bytes where the terminal keeps its data; undefined when unknown. */
  diskFreeBytes(): Promise<number | undefined>;
}

/** Free bytes available to this user on the file system holding `path`. */
export async function diskFreeBytes(path: string): Promise<number | undefined> {
  try {
    const fs = await statfs(path);
    return fs.bavail * fs.bsize;
  } catch {
    return undefined;
  }
}
