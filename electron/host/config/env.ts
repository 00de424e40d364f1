/**
 * Environment overrides, applied over the configuration file before validation. One table, so the
 * README reference and `kioskctl config show` cannot drift from what the code reads.
 */
export interface EnvOverride {
  name: string;
  /** Where it lands in the configuration object. */
  path: string[];
  parse: (raw: string) => unknown;
  description: string;
}

const text = (raw: string) => raw;
const integer = (raw: string) => (/^-?\d+$/.test(raw.trim()) ? Number(raw) : raw);
const boolean = (raw: string) =>
  ['1', 'true', 'yes'].includes(raw.toLowerCase())
    ? true
    : ['0', 'false', 'no'].includes(raw.toLowerCase())
      ? false
      : raw;

/**
 * A device given as `simulated`, `serial:/dev/ttyUSB0[@115200]` or `hid:VVVV:PPPP` (hex ids) or
 * `hid:/dev/hidraw0`.
 */
export function parseDeviceSpec(raw: string): unknown {
  const value = raw.trim();
  if (value === 'simulated') return { kind: 'simulated' };
  const serial = /^serial:([^@]+)(?:@(\d+))?$/.exec(value);
  if (serial)
    return {
      kind: 'serial',
      path: serial[1],
      ...(serial[2] ? { baudRate: Number(serial[2]) } : {}),
    };
  const hidIds = /^hid:([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$/.exec(value);
  if (hidIds)
    return {
      kind: 'hid',
      vendorId: parseInt(hidIds[1] ?? '', 16),
      productId: parseInt(hidIds[2] ?? '', 16),
    };
  const hidPath = /^hid:(\/.+)$/.exec(value);
  if (hidPath) return { kind: 'hid', path: hidPath[1] };
  const usblp = /^usblp:(\/.+)$/.exec(value);
  if (usblp) return { kind: 'usblp', path: usblp[1] };
  const tcp = /^tcp:([^:]+)(?::(\d+))?$/.exec(value);
  if (tcp) return { kind: 'tcp', host: tcp[1], ...(tcp[2] ? { port: Number(tcp[2]) } : {}) };
  return { kind: value }; // rejected by the schema with a message naming the variable
}

export const envOverrides: EnvOverride[] = [
  {
    name: 'KIOSK_TERMINAL_ID',
    path: ['terminalId'],
    parse: text,
    description: 'Terminal id, equal to the client certificate CN (T-370100-0042).',
  },
  { name: 'KIOSK_DATA_DIR', path: ['dataDir'], parse: text, description: 'Data directory.' },
  {
    name: 'KIOSK_HALL_NAME',
    path: ['hall', 'name'],
    parse: text,
    description: 'The service hall shown on screen and receipts.',
  },
  {
    name: 'KIOSK_HOTLINE',
    path: ['hall', 'hotline'],
    parse: text,
    description: 'Help line printed on receipts (12345).',
  },
  {
    name: 'KIOSK_PLATFORM_MODE',
    path: ['platform', 'mode'],
    parse: text,
    description: '`simulated` (default) or `real`.',
  },
  {
    name: 'KIOSK_PLATFORM_URL',
    path: ['platform', 'url'],
    parse: text,
    description: 'Platform base URL (https), with mode `real`.',
  },
  {
    name: 'KIOSK_PLATFORM_CA',
    path: ['platform', 'caFile'],
    parse: text,
    description: 'PEM file of the platform CA; the only CA trusted for this connection.',
  },
  {
    name: 'KIOSK_PLATFORM_CERT',
    path: ['platform', 'certFile'],
    parse: text,
    description: "PEM file of the terminal's client certificate.",
  },
  {
    name: 'KIOSK_PLATFORM_KEY',
    path: ['platform', 'keyFile'],
    parse: text,
    description: "PEM file of the terminal's private key.",
  },
  {
    name: 'KIOSK_PLATFORM_KEY_PASSPHRASE',
    path: ['platform', 'keyPassphrase'],
    parse: text,
    description: 'Passphrase of that key, if it has one (never shown).',
  },
  {
    name: 'KIOSK_PLATFORM_TIMEOUT_MS',
    path: ['platform', 'timeoutMs'],
    parse: integer,
    description: 'Per-call timeout.',
  },
  {
    name: 'KIOSK_IDCARD',
    path: ['devices', 'idcard'],
    parse: parseDeviceSpec,
    description:
      'ID-card reader: `simulated`, `serial:/dev/ttyUSB0[@115200]`, `hid:VVVV:PPPP` or `hid:/dev/hidraw0`.',
  },
  {
    name: 'KIOSK_PRINTER',
    path: ['devices', 'printer'],
    parse: parseDeviceSpec,
    description:
      'Receipt printer: `simulated`, `serial:/dev/ttyS1[@115200]`, `usblp:/dev/usb/lp0` or `tcp:HOST[:9100]`.',
  },
  {
    name: 'KIOSK_UPDATE_URL',
    path: ['updates', 'url'],
    parse: text,
    description: "The operator's update server (https); none: no self-updates.",
  },
  {
    name: 'KIOSK_TECHNICIAN_PIN_HASH',
    path: ['technician', 'pinHash'],
    parse: text,
    description: 'scrypt hash of the technician PIN (never the PIN itself).',
  },
  {
    name: 'KIOSK_UI_PORT',
    path: ['ui', 'port'],
    parse: integer,
    description: 'Browser shell port on 127.0.0.1 (0: any free port).',
  },
  {
    name: 'KIOSK_OPEN_BROWSER',
    path: ['ui', 'openBrowser'],
    parse: boolean,
    description: 'Browser shell: open Chromium when a display exists (1/0).',
  },
  {
    name: 'KIOSK_DEV_PANEL',
    path: ['ui', 'devPanel'],
    parse: boolean,
    description: 'Offer the developer panel (1/0); never in production packages.',
  },
];
