import type { Language } from '../settings/preferences';

/** Fills `{name}` placeholders from `params`; an unknown name is left as written. */
export function fillPlaceholders(
  template: string,
  params: Record<string, string | number>,
): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** A `text(language, key, params)` function over one table of strings per UI language. */
export function translator<Key extends string>(tables: Record<Language, Record<Key, string>>) {
  return (language: Language, key: Key, params: Record<string, string | number> = {}): string =>
    fillPlaceholders(tables[language][key], params);
}

/**
 * `t(key, params)` bound to one language, from a `text(language, key, params)` function
 * ({@link translator}'s): what a view that renders in one language calls.
 */
export function inLanguage<Key extends string>(
  text: (language: Language, key: Key, params?: Record<string, string | number>) => string,
  language: Language,
): (key: Key, params?: Record<string, string | number>) => string {
  return (key, params) => text(language, key, params);
}

/**
 * A feature's {@link translator} from its two tables, Simplified Chinese first: the English table
 * must have exactly the Chinese table's keys (a missing or an extra string is a type error). The
 * keys, for a feature's own types: `TextKey<typeof quizText>`.
 */
export function bilingualTranslator<Key extends string>(
  zh: Record<Key, string>,
  en: NoInfer<Record<Key, string>>,
) {
  return translator<Key>({ zh_CN: zh, en });
}

/** The keys of a {@link translator}'s tables. */
export type TextKey<Text extends (language: Language, key: never) => string> = Parameters<Text>[1];
