/**
 * What the popup's help search indexes: help articles and tours as {@link HelpDoc}s, in the
 * learner's language. Pure, so tests and the benchmark can build the same index as the popup.
 */
import type { TipRule } from '../rules/schema';
import type { HelpDoc, HelpDocKind } from './search-index';
import { plainText } from './search-index';
import type { Language } from '../../lib/settings/preferences';
import type { Tour } from '../tour/schema';
import type { HelpArticle } from './schema';
import { localizedArticle } from './schema';

/** Index key of a document: article and tour ids live in different namespaces. */
export function helpDocKey(kind: HelpDocKind, id: string): string {
  return `${kind}:${id}`;
}

/** The kind and id of an index key made by {@link helpDocKey}. */
export function parseHelpDocKey(key: string): { kind: HelpDocKind; id: string } {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1);
  if (kind === 'article' || kind === 'tour' || kind === 'rule') return { kind, id };
  throw new Error(`not a help document key: ${key}`);
}

/** A tour's title and summary in the language (falling back to Chinese). */
export function localizedTour(tour: Tour, language: Language): { title: string; summary: string } {
  const en = language === 'en' ? tour.i18n?.en : undefined;
  return { title: en?.title ?? tour.title, summary: en?.summary ?? tour.summary };
}

export function articleDoc(article: HelpArticle, language: Language): HelpDoc {
  const text = localizedArticle(article, language);
  return {
    id: helpDocKey('article', article.id),
    kind: 'article',
    title: text.title,
    body: text.body,
    // Chinese keywords stay searchable in English mode: staff type the system's own words.
    keywords: language === 'en' ? [...text.keywords, ...article.keywords] : text.keywords,
    module: article.module,
    urlPatterns: article.applies,
  };
}

export function tourDoc(tour: Tour, language: Language): HelpDoc {
  const { title, summary } = localizedTour(tour, language);
  const en = language === 'en' ? tour.i18n?.en?.steps : undefined;
  const steps = tour.steps.map((step) => {
    const text = en?.[step.id];
    return [text?.title ?? step.title ?? '', plainText(text?.body ?? step.body)].join(' ');
  });
  return {
    id: helpDocKey('tour', tour.id),
    kind: 'tour',
    title,
    body: [summary, ...steps].join('\n'),
    ...(language === 'en' ? { keywords: [tour.title] } : {}),
    module: tour.module,
    urlPatterns: Array.isArray(tour.applies.url) ? tour.applies.url : [tour.applies.url],
  };
}

/** A compliance tip's title and body in the language (falling back to Chinese). */
export function localizedTip(rule: TipRule, language: Language): { title: string; body: string } {
  const en = language === 'en' ? rule.tip.i18n?.en : undefined;
  return { title: en?.title ?? rule.tip.title, body: en?.body ?? rule.tip.body };
}

/** A compliance tip (tours/rules) as a search document: staff look up 三不准 etc. by name. */
export function ruleDoc(rule: TipRule, language: Language): HelpDoc {
  const { title, body } = localizedTip(rule, language);
  const url = rule.where.url;
  return {
    id: helpDocKey('rule', rule.id),
    kind: 'rule',
    title,
    body,
    ...(rule.tip.source ? { keywords: [rule.tip.source] } : {}),
    ...(url === undefined ? {} : { urlPatterns: Array.isArray(url) ? url : [url] }),
  };
}

/**
 * Articles first, then tours, then compliance tips, in a stable order (forPage lists documents in
 * this order).
 */
export function helpDocs(
  articles: readonly HelpArticle[],
  tours: readonly Tour[],
  language: Language,
  tips: readonly TipRule[] = [],
): HelpDoc[] {
  return [
    ...articles.map((article) => articleDoc(article, language)),
    ...tours.map((tour) => tourDoc(tour, language)),
    ...tips.map((rule) => ruleDoc(rule, language)),
  ];
}

const MODULE_EN: Record<string, string> = {
  认知: 'Basics',
  操作: 'Operations',
  规范: 'Rules',
  安全: 'Security',
  进阶: 'Advanced',
};

/** A training module's name in the language (the Chinese name is the id). */
export function moduleName(module: string, language: Language): string {
  return language === 'en' ? (MODULE_EN[module] ?? module) : module;
}
