/**
 * The languages the terminal speaks. Each button shows a one-glyph label in its own script and
 * is named in its own language (an autonym), so a reader finds their language whatever is shown.
 * Autonyms are never translated, which is why they live here and not in the locale files.
 */
export const LANGUAGES = [
  { locale: 'zh-CN', short: '简', name: '简体中文' },
  { locale: 'zh-TW', short: '繁', name: '繁體中文' },
  { locale: 'en', short: 'EN', name: 'English' },
] as const;

export type KioskLocale = (typeof LANGUAGES)[number]['locale'];

/** The language a fresh page (and so every new resident) starts in. */
export const DEFAULT_LOCALE: KioskLocale = 'zh-CN';

/**
 * The button's spoken name: the autonym, led by the glyph shown when the autonym does not contain
 * it ("EN, English"), so that a voice-control user who says what they see reaches the button
 * (WCAG 2.5.3, label in name). Not "English (EN)": the label-in-name check sets parentheses aside.
 */
export function languageButtonName(language: (typeof LANGUAGES)[number]): string {
  // Exact glyphs: "English" holds "en" but not the word "EN" that voice control listens for.
  return language.name.includes(language.short)
    ? language.name
    : `${language.short}, ${language.name}`;
}
