import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { DEFAULT_LOCALE, type KioskLocale } from '../i18n/languages';

/**
 * One resident's display choices: language, 长辈模式 (elder mode), high contrast and 低位模式 (low
 * position, for wheelchair users). Kept in memory only — never in web storage — so they vanish
 * with the page reload that wipes every session (DESIGN §2.5) and the next resident starts fresh.
 */
export const usePreferencesStore = defineStore('preferences', () => {
  const locale = shallowRef<KioskLocale>(DEFAULT_LOCALE);
  const elder = shallowRef(false);
  const highContrast = shallowRef(false);
  const lowPosition = shallowRef(false);

  function setLocale(next: KioskLocale): void {
    locale.value = next;
  }

  function toggleElder(): void {
    elder.value = !elder.value;
  }

  function toggleHighContrast(): void {
    highContrast.value = !highContrast.value;
  }

  function toggleLowPosition(): void {
    lowPosition.value = !lowPosition.value;
  }

  return {
    locale,
    elder,
    highContrast,
    lowPosition,
    setLocale,
    toggleElder,
    toggleHighContrast,
    toggleLowPosition,
  };
});
