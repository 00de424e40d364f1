import { onBeforeUnmount, onMounted } from 'vue';

/**
 * The technician's way in: five taps in the top-left corner within three seconds. No element
 * marks the spot (nothing for a resident to find or for a screen reader to announce); a
 * resident tapping there by chance meets a PIN pad and a 取消 button, nothing more.
 */
export const GESTURE = { corner: 120, taps: 5, withinMs: 3_000 } as const;

export function useHiddenGesture(target: Window, onGesture: () => void): void {
  let taps: number[] = [];
  const onPointerDown = (event: PointerEvent) => {
    if (event.clientX > GESTURE.corner || event.clientY > GESTURE.corner) {
      taps = [];
      return;
    }
    const now = event.timeStamp;
    taps = [...taps.filter((at) => now - at < GESTURE.withinMs), now];
    if (taps.length >= GESTURE.taps) {
      taps = [];
      onGesture();
    }
  };
  onMounted(() => target.addEventListener('pointerdown', onPointerDown, { capture: true }));
  onBeforeUnmount(() =>
    target.removeEventListener('pointerdown', onPointerDown, { capture: true }),
  );
}
