import { createI18n, type I18nOptions } from 'vue-i18n';
import { DEFAULT_LOCALE, LANGUAGES, type KioskLocale } from './languages';

type MessagesByLocale = NonNullable<I18nOptions['messages']>;
/** A locale file's content (precompiled in builds, plain JSON in unit tests). */
export type LocaleMessages = MessagesByLocale[string];

/**
 * vue-i18n in composition mode. In builds @intlify/unplugin-vue-i18n precompiles the locale files
 * and aliases the runtime-only vue-i18n build, so no message is compiled in the page (strict CSP).
 *
 * The locales are loaded through import.meta.glob rather than plain JSON imports: tsconfig.web.json
 * includes only .ts/.vue files, and a direct import would pull the JSON into the type-check program.
 * All three are eager: they are small, and switching language must not wait for a chunk.
 */
const locales = import.meta.glob<LocaleMessages>('./locales/*.json', {
  eager: true,
  import: 'default',
});

/** The reference locale: every other locale has exactly its keys (i18n/message-keys.test.ts). */
export const LOCALE = DEFAULT_LOCALE;
export const LOCALES: readonly KioskLocale[] = LANGUAGES.map((language) => language.locale);

export function localeMessages(locale: string): LocaleMessages {
  const messages = locales[`./locales/${locale}.json`];
  if (!messages) throw new Error(`No messages for locale ${locale}`);
  return messages;
}

export function createKioskI18n(locale: KioskLocale = DEFAULT_LOCALE) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: Object.fromEntries(
      LOCALES.map((each) => [each, localeMessages(each)]),
    ) satisfies MessagesByLocale,
  });
}
