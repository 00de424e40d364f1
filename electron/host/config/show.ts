import type { KioskConfig } from './schema';

const MASK = '********';

/** The effective configuration for a technician's eyes: secrets masked, everything else shown. */
export function showConfig(config: KioskConfig): Record<string, unknown> {
  const platform =
    config.platform.mode === 'real' && config.platform.keyPassphrase !== undefined
      ? { ...config.platform, keyPassphrase: MASK }
      : config.platform;
  const technician = config.technician.pinHash
    ? { ...config.technician, pinHash: MASK }
    : config.technician;
  return { ...config, platform, technician };
}
