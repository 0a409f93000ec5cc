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
