import { onBeforeUnmount, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import type { KioskApi } from '../../../electron/shared/contract';
import { usePreferencesStore } from '../stores/preferences';
import { ELDER_TYPE_SCALE } from '../styles/elder-type-scale';

/** Classes on <html>: base.css swaps its size and colour variables on them. */
export const ELDER_CLASS = 'kiosk-elder';
export const CONTRAST_CLASS = 'kiosk-contrast';

/**
 * Carries the resident's choices out of the preferences store: the i18n locale and `<html lang>`
 * (screen readers and font selection follow it), the theme classes on `<html>`, and — for elder
 * mode and high contrast — a call to the host, which lengthens its countdowns for elder mode.
 */
export function usePreferenceEffects(
  api: Pick<KioskApi, 'setAccessibility'>,
  root: HTMLElement = document.documentElement,
): void {
  const preferences = usePreferencesStore();
  const { locale } = useI18n({ useScope: 'global' });

  watch(
    () => preferences.locale,
    (next) => {
      locale.value = next;
      root.lang = next;
    },
    { immediate: true },
  );

  watch(
    () => [preferences.elder, preferences.highContrast] as const,
    ([elder, highContrast], previous) => {
      root.classList.toggle(ELDER_CLASS, elder);
      for (const [name, size] of Object.entries(ELDER_TYPE_SCALE)) {
        if (elder) root.style.setProperty(name, size);
        else root.style.removeProperty(name);
      }
      root.classList.toggle(CONTRAST_CLASS, highContrast);
      // A fresh page starts with both off, as the host does after a wipe: only changes are sent.
      if (previous === undefined) return;
      // A rejection means the host is unreachable; the connection store reloads the page.
      api.setAccessibility({ elder, highContrast }).catch(() => undefined);
    },
    { immediate: true },
  );

  onBeforeUnmount(() => {
    root.classList.remove(ELDER_CLASS, CONTRAST_CLASS);
    for (const name of Object.keys(ELDER_TYPE_SCALE)) root.style.removeProperty(name);
  });
}
