/**
 * The platform's bad days by name, for the developer panel (开发面板): one call the host can wire to
 * a button, whatever the simulator's knobs are underneath.
 */
import { NORMAL_CONDITIONS } from './faults';
import type { PlatformConditions } from './faults';
import type { PlatformSimulator } from './server';

export const PLATFORM_PRESETS = [
  'normal',
  'slow',
  'flaky',
  'maintenance',
  'lost-answers',
  'down',
  'locked',
] as const;
export type PlatformPreset = (typeof PLATFORM_PRESETS)[number];

/** What each preset means, for the panel's labels. */
export const PRESET_LABELS: Record<PlatformPreset, string> = {
  normal: '平台正常',
  slow: '平台缓慢（每次应答加 3 秒）',
  flaky: '平台不稳（两成请求 500、一成断开）',
  maintenance: '平台维护（503，两分钟后重试）',
  'lost-answers': '应答丢失（已处理但终端收不到）',
  down: '平台不可达（拒绝连接）',
  locked: '终端被平台锁定（403）',
};

const CONDITIONS: Record<Exclude<PlatformPreset, 'down' | 'locked'>, PlatformConditions> = {
  normal: NORMAL_CONDITIONS,
  slow: { ...NORMAL_CONDITIONS, latencyMs: 3_000 },
  flaky: { ...NORMAL_CONDITIONS, errorRate: 0.2, dropRate: 0.1 },
  maintenance: { ...NORMAL_CONDITIONS, maintenance: { retryAfterSeconds: 120 } },
  'lost-answers': {
    ...NORMAL_CONDITIONS,
    lostResponseRate: 1,
    operations: ['submitCase', 'submitEvaluation'],
  },
};

/** Puts the simulated platform into a named state (everything else back to normal). */
export async function applyPlatformPreset(
  sim: Pick<PlatformSimulator, 'setConditions' | 'setOnline' | 'setTerminalLocked'>,
  preset: PlatformPreset,
): Promise<void> {
  sim.setTerminalLocked(preset === 'locked');
  await sim.setOnline(preset !== 'down');
  sim.setConditions(
    preset === 'down' || preset === 'locked' ? NORMAL_CONDITIONS : CONDITIONS[preset],
  );
}
