/**
 * The dev panel's knobs on the simulated world: one list each, used by the contract's validation
 * (contract.ts) and by the dock's buttons (renderer/src/dev/DevDock.vue). No zod here, so the page
 * can import the lists without carrying zod.
 */
export const ID_CARD_FAULTS = [
  'fail-next-read',
  'remove-during-next-read',
  'corrupt-next-checksum',
  'sam-fault',
  'sam-ok',
  'unplug',
  'plug',
] as const;

export const PRINTER_FAULTS = [
  'paper-low',
  'out-mid-job',
  'cover-open',
  'cover-closed',
  'offline',
  'online',
  'cutter-jammed',
  'cutter-ok',
  'slow',
  'normal-speed',
] as const;

export const PLATFORM_PRESETS = [
  'normal',
  'slow',
  'flaky',
  'maintenance',
  'lost-answers',
  'down',
  'locked',
] as const;

export type IdCardFault = (typeof ID_CARD_FAULTS)[number];
export type PrinterFault = (typeof PRINTER_FAULTS)[number];
export type PlatformPreset = (typeof PLATFORM_PRESETS)[number];
