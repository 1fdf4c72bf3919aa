// Korean/English text pairs and the choice of display language used across the service.

export type Lang = 'ko' | 'en';
export type LanguageSetting = 'auto' | Lang;

/** A piece of user-facing text in both supported languages. */
export interface Localized {
  readonly ko: string;
  readonly en: string;
}

/** Builds a Localized pair; a tiny helper so rule files read naturally. */
export function text(ko: string, en: string): Localized {
  return { ko, en };
}

/** Chooses the display language: an explicit setting wins, otherwise the client's locale. */
export function resolveLang(setting: LanguageSetting | undefined, clientLocale: string | undefined): Lang {
  if (setting === 'ko' || setting === 'en') return setting;
  return clientLocale !== undefined && clientLocale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** The other language, for "primary first, then the other" layouts. */
export function otherLang(lang: Lang): Lang {
  return lang === 'ko' ? 'en' : 'ko';
}

/** Picks one language of a pair. */
export function pick(value: Localized, lang: Lang): string {
  return value[lang];
}

/** Replaces `{name}` placeholders in both languages. */
export function format(value: Localized, args: Readonly<Record<string, string | number>>): Localized {
  const fill = (s: string): string => s.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
  return { ko: fill(value.ko), en: fill(value.en) };
}
