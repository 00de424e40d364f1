import { createI18n, type I18nOptions } from 'vue-i18n';

type MessagesByLocale = NonNullable<I18nOptions['messages']>;
/** A locale file's content (precompiled in builds, plain JSON in unit tests). */
export type LocaleMessages = MessagesByLocale[string];

/**
 * vue-i18n in composition mode. In builds @intlify/unplugin-vue-i18n precompiles the locale files
 * and aliases the runtime-only vue-i18n build, so no message is compiled in the page (strict CSP).
 *
 * The locale is loaded through import.meta.glob rather than a plain JSON import: tsconfig.web.json
 * includes only .ts/.vue files, and a direct import would pull the JSON into the type-check program.
 */
const locales = import.meta.glob<LocaleMessages>('./locales/*.json', {
  eager: true,
  import: 'default',
});

export const LOCALE = 'zh-CN';

export function localeMessages(locale: string): LocaleMessages {
  const messages = locales[`./locales/${locale}.json`];
  if (!messages) throw new Error(`No messages for locale ${locale}`);
  return messages;
}

export function createKioskI18n() {
  return createI18n({
    legacy: false,
    locale: LOCALE,
    fallbackLocale: LOCALE,
    messages: { [LOCALE]: localeMessages(LOCALE) } satisfies MessagesByLocale,
  });
}
