/**
 * Who holds a lease: `<pid>:<random>`, unique per process, so that at start-up the outbox can
 * tell a lease left by a process that is gone (crashed, killed, power cut) from one held by a
 * process still running (kioskctl, or a second app instance) and release only the former.
 */
/** `<pid>:<random>`: unique per process, and tells start-up recovery whose lease it was. */
export function leaseOwner(): string {
  return `${process.pid}:${Math.random().toString(36).slice(2, 10)}`;
}

export function pidAlive(owner: string): boolean {
  const pid = Number(owner.split(':')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false; // our own old lease from before a restart in-process
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
