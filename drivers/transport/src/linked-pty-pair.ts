import { startSocat } from './pty-pair';

/**
 * A socat pty pair whose host end has a stable name: socat makes `hostLink` a symlink to its
 * pty and removes it when it exits, so a simulator process can "unplug" (end socat: the link
 * vanishes, as udev removes a USB-serial node) and "plug" (start socat again: the same name
 * comes back) while the driver or kioskctl keep using one path:
 *
 *   socat -d -d pty,raw,echo=0,link=HOSTLINK pty,raw,echo=0
 */
export interface LinkedPtyPair {
  /** The stable path the host opens. */
  hostPath: string;
  /** The other end, for the simulator (a /dev/pts/N that changes on every start). */
  devicePath: string;
  /** Ends socat; resolves when it has exited and removed the link. */
  close(): Promise<void>;
}

export async function openLinkedPtyPair(
  hostLink: string,
  timeoutMs = 5000,
): Promise<LinkedPtyPair> {
  const pair = await startSocat(`pty,raw,echo=0,link=${hostLink}`, timeoutMs);
  return { hostPath: hostLink, devicePath: pair.paths[1], close: pair.close };
}
