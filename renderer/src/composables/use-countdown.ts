import { onBeforeUnmount, ref, watch, type Ref } from 'vue';

/** How often the countdown re-reads the clock; well under a second so it never skips a number. */
export const COUNTDOWN_TICK_MS = 250;

/**
 * Whole seconds left until `endsAt` (epoch ms on the host's clock, which is this machine's clock).
 * Clamped to [0, secondsTotal] so a clock step never shows a nonsense number.
 */
export function useCountdown(
  deadline: () => { endsAt: number; secondsTotal: number },
): Ref<number> {
  const seconds = ref(0);
  const update = (): void => {
    const { endsAt, secondsTotal } = deadline();
    const left = Math.ceil((endsAt - Date.now()) / 1000);
    seconds.value = Math.min(Math.max(left, 0), secondsTotal);
  };
  update();
  const timer = setInterval(update, COUNTDOWN_TICK_MS);
  watch(deadline, update);
  onBeforeUnmount(() => clearInterval(timer));
  return seconds;
}
