/**
 * The terminal's configuration: one file plus environment overrides, validated here. Every field
 * has a default that runs the simulated world, so a fresh checkout starts with no file at all.
 * README's configuration reference is checked against `configReference` below.
 */
import { z } from 'zod';
import { isPinHash } from '../technician/access/pin-hash';

const terminalId = z
  .string()
  .regex(/^T-[0-9]{6}-[0-9]{4}$/, 'a terminal id looks like T-370100-0042 (region code, number)');

const paperWidth = z.union([z.literal(80), z.literal(58)]);

const serialDevice = z
  .object({
    kind: z.literal('serial'),
    path: z.string().min(1),
    baudRate: z.number().int().positive().default(115200),
  })
  .strict();

const hidDevice = z
  .object({
    kind: z.literal('hid'),
    path: z.string().min(1).optional(),
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
  })
  .strict()
  .refine((d) => d.path !== undefined || d.vendorId !== undefined, {
    message: 'a HID device needs a path or a vendorId (and productId)',
  });

const simulated = z.object({ kind: z.literal('simulated') }).strict();

export const idCardDeviceSchema = z.union([simulated, serialDevice, hidDevice]);

/** What every printer shares: paper, the font it carries, how long a roll is, job confirmation. */
const printerCommon = {
  paperWidth: paperWidth.default(80),
  /** Many units carry only GB2312; characters they lack are printed as pictures, never '?'. */
  font: z.enum(['gb18030', 'gb2312']).default('gb18030'),
  /** Length of a full roll, for the paper-low forecast before the sensor trips. */
  rollLengthM: z.number().positive().default(80),
  /** Follow each job to its end (GS r 1); off for units that do not answer it. */
  confirmCompletion: z.boolean().default(true),
};

export const printerDeviceSchema = z.union([
  simulated.extend(printerCommon).strict(),
  serialDevice.extend(printerCommon).strict(),
  /** USB printer class, e.g. /dev/usb/lp0 (read/write, so status queries work). */
  z.object({ kind: z.literal('usblp'), path: z.string().min(1), ...printerCommon }).strict(),
  /** Network printers on the raw port (JetDirect, 9100). */
  z
    .object({
      kind: z.literal('tcp'),
      host: z.string().min(1),
      port: z.number().int().min(1).max(65535).default(9100),
      ...printerCommon,
    })
    .strict(),
]);

const platformSchema = z.discriminatedUnion('mode', [
  z
    .object({
      /** The platform simulator is started beside the kiosk, with its own CA in `<dataDir>/pki`. */
      mode: z.literal('simulated'),
      timeoutMs: z.number().int().positive().default(15_000),
    })
    .strict(),
  z
    .object({
      mode: z.literal('real'),
      url: z.url({ protocol: /^https$/, error: 'the platform URL must be https://' }),
      caFile: z.string().min(1),
      certFile: z.string().min(1),
      keyFile: z.string().min(1),
      keyPassphrase: z.string().optional(),
      timeoutMs: z.number().int().positive().default(15_000),
    })
    .strict(),
]);

/** Every session delay has a name (DESIGN §2.5); tests and slow-paced halls override them here. */
export const sessionDelaysSchema = z
  .object({
    /** No touch for this long → "您还在办理吗？" (issue 7: 60 s). */
    idleWarningMs: z.number().int().positive().default(60_000),
    /** The warning's countdown before the session ends and is wiped (issue 7: 30 s). */
    idleCountdownMs: z.number().int().positive().default(30_000),
    /** After a failed card read or an unusable reader, wait this long before polling again. */
    readRetryMs: z.number().int().positive().default(1_500),
    /** "读取成功" with the masked identity stays up this long before the confirm screen. */
    identifiedMs: z.number().int().positive().default(2_500),
    /** "您的信息已清除" and the reminder to take the card stay up this long. */
    endedScreenMs: z.number().int().positive().default(6_000),
  })
  .strict();

export const configSchema = z
  .object({
    terminalId: terminalId.default('T-370100-0042'),
    hall: z
      .object({
        name: z.string().min(1).default('济南市政务服务中心'),
        hotline: z.string().min(1).default('12345'),
      })
      .strict()
      .default({ name: '济南市政务服务中心', hotline: '12345' }),
    /** Where the terminal keeps its state (certificates of the simulated platform, later the outbox). */
    dataDir: z.string().min(1).default('.kiosk-data'),
    platform: platformSchema.default({ mode: 'simulated', timeoutMs: 15_000 }),
    devices: z
      .object({
        idcard: idCardDeviceSchema.default({ kind: 'simulated' }),
        printer: printerDeviceSchema.default({
          kind: 'simulated',
          paperWidth: 80,
          font: 'gb18030',
          rollLengthM: 80,
          confirmCompletion: true,
        }),
      })
      .strict()
      .default({
        idcard: { kind: 'simulated' },
        printer: {
          kind: 'simulated',
          paperWidth: 80,
          font: 'gb18030',
          rollLengthM: 80,
          confirmCompletion: true,
        },
      }),
    session: sessionDelaysSchema.default({
      idleWarningMs: 60_000,
      idleCountdownMs: 30_000,
      readRetryMs: 1_500,
      identifiedMs: 2_500,
      endedScreenMs: 6_000,
    }),
    updates: z
      .object({
        /** The operator's update server (electron-updater's generic provider); none: no self-updates. */
        url: z.url({ protocol: /^https$/, error: 'the update server must be https://' }).optional(),
        /** Local time when an update may be installed, e.g. 01:00-05:00 (may cross midnight). */
        nightWindow: z
          .string()
          .regex(
            /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/,
            'HH:MM-HH:MM, e.g. 01:00-05:00',
          )
          .default('01:00-05:00'),
        checkEveryHours: z.number().positive().default(6),
      })
      .strict()
      .default({ nightWindow: '01:00-05:00', checkEveryHours: 6 }),
    technician: z
      .object({
        /** scrypt hash of the technician PIN (`kioskctl technician hash-pin`); none: no technician mode. */
        pinHash: z
          .string()
          .refine(isPinHash, 'not a PIN hash: make one with `kioskctl technician hash-pin`')
          .optional(),
        /** Technician mode ends by itself after this long without a touch. */
        inactivityMs: z.number().int().positive().default(180_000),
      })
      .strict()
      .default({ inactivityMs: 180_000 }),
    ui: z
      .object({
        /** Browser shell: the port on 127.0.0.1 (0 picks a free one). */
        port: z.number().int().min(0).max(65535).default(0),
        /** Browser shell: open Debian's Chromium in --app mode when a display exists. */
        openBrowser: z.boolean().default(true),
        /** The developer panel; forced off in production packages. */
        devPanel: z.boolean().default(true),
      })
      .strict()
      .default({ port: 0, openBrowser: true, devPanel: true }),
  })
  .strict();

export type KioskConfig = z.infer<typeof configSchema>;
export type SessionDelays = z.infer<typeof sessionDelaysSchema>;
export type IdCardDeviceConfig = z.infer<typeof idCardDeviceSchema>;
export type PrinterDeviceConfig = z.infer<typeof printerDeviceSchema>;
