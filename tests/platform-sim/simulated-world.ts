/**
 * The platform half of the simulated world the kiosk runs against in development
 * (electron/host/platform-connection.ts): the simulator plus the terminal credentials it issued,
 * ready to hand to the platform client.
 */
import type { TlsMaterial } from '../../electron/host/platform/http-transport';
import { readTerminalTls } from './pki';
import { startPlatformSimulator } from './server';
import type { PlatformSimulator, PlatformSimulatorOptions } from './server';

export type SimulatedPlatform = PlatformSimulator & { terminalTls: TlsMaterial };

export async function startSimulatedPlatform(
  options: PlatformSimulatorOptions,
): Promise<SimulatedPlatform> {
  const simulator = await startPlatformSimulator(options);
  try {
    return { ...simulator, terminalTls: await readTerminalTls(simulator.pki) };
  } catch (error) {
    await simulator.close();
    throw error;
  }
}
