/**
 * The device worker's entry (issue 8): runs the drivers in a process of their own, so a native
 * crash in serialport or node-hid, or a driver stuck in a loop, takes down this process and not
 * the screen. The host supervises it and restarts it (supervisor-policy.ts).
 *
 * Started two ways:
 * - as a Node child (browser shell, tests): `node --import tsx device-worker.ts`, IPC on fd 3;
 * - as an Electron `utilityProcess` (`process.parentPort`). A packaged app has no tsx: the build
 *   must bundle this file as its own entry (e.g. `dist/electron/device-worker.cjs`, with
 *   serialport and node-hid external like the main bundle) and fork that file.
 *
 * The configuration comes in the environment variable `KIOSK_DEVICE_WORKER_CONFIG` as JSON
 * `{ devices, dataDir }` (not argv: `ps` shows argv to every user of the machine).
 */
import createDebug from 'debug';
import { z } from 'zod';
import type { StringChannel } from '../../../shared/rpc';
import { configSchema } from '../../config/schema';
import { createDeviceManager } from '../device-manager';
import { parentPortChannel, parentProcessChannel, type ParentPortLike } from './channels';
import { serveDeviceManager } from './device-server';
import { WORKER_CONFIG_ENV } from './worker-config';

const debug = createDebug('kiosk:device-worker');

const workerConfig = z.object({
  devices: configSchema.shape.devices,
  dataDir: z.string().min(1),
});

async function main(): Promise<void> {
  const config = workerConfig.parse(JSON.parse(process.env[WORKER_CONFIG_ENV] ?? 'null'));
  const parentPort = (process as { parentPort?: ParentPortLike }).parentPort;
  const channel: StringChannel = parentPort
    ? parentPortChannel(parentPort)
    : parentProcessChannel();
  if (!parentPort && !process.send) throw new Error('the device worker needs an IPC channel');

  const manager = await createDeviceManager(config.devices, { dataDir: config.dataDir });
  const server = serveDeviceManager(manager, channel);
  debug('serving devices (pid %d)', process.pid);

  // The host went away (it crashed or closed the pipe): release the ports and go, never linger
  // as an orphan holding the reader's serial port.
  const shutDown = () => {
    server.close();
    void manager.close().finally(() => process.exit(0));
  };
  process.once('disconnect', shutDown);
  process.once('SIGTERM', shutDown);
}

main().catch((error: unknown) => {
  debug('cannot start: %s', error instanceof Error ? error.message : String(error));
  process.exit(1);
});
