import { onBeforeUnmount, onMounted } from 'vue';
import type { KioskApi } from '../../../electron/shared/contract';

/** Touches tell the host the resident is still here, at most this often. */
export const TOUCH_THROTTLE_MS = 2_000;

/**
 * Any pointerdown anywhere on the page resets the host's idle timer (`touchSession`). Leading-edge
 * throttled: the first touch is reported at once, then at most one per TOUCH_THROTTLE_MS.
 */
export function useTouchHeartbeat(api: KioskApi, target: EventTarget = document): void {
  let lastSentAt = Number.NEGATIVE_INFINITY;
  const onPointerDown = (): void => {
    const now = Date.now();
    if (now - lastSentAt < TOUCH_THROTTLE_MS) return;
    lastSentAt = now;
    api.touchSession({}).catch(() => undefined);
  };
  const options = { capture: true, passive: true } as const;
  onMounted(() => target.addEventListener('pointerdown', onPointerDown, options));
  onBeforeUnmount(() => target.removeEventListener('pointerdown', onPointerDown, options));
}
