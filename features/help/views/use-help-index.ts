import articles from 'virtual:zhiyin-help';
import rules from 'virtual:zhiyin-rules';
import tours from 'virtual:zhiyin-tours';
import { useEffect, useState } from 'react';
import { helpDocs } from '../docs';
import type { HelpArticle } from '../schema';
import type { TipRule } from '../../rules/schema';
import { createHelpIndex, type HelpIndex } from '../search-index';
import type { Language } from '../../../lib/settings/preferences';
import type { Tour } from '../../tour/schema';

export interface HelpContent {
  index: HelpIndex;
  articles: ReadonlyMap<string, HelpArticle>;
  tours: ReadonlyMap<string, Tour>;
  /** Compliance tips (tours/rules), searchable as kind `rule`. */
  tips: ReadonlyMap<string, TipRule>;
  /** How long building the index took in this popup, ms (shown to QA as data-index-ms). */
  buildMs: number;
}

const articleById = new Map(articles.map((article) => [article.id, article]));
const tourById = new Map(tours.map((tour) => [tour.id, tour]));
const tips: readonly TipRule[] = rules.tips;
const tipById = new Map(tips.map((rule) => [rule.id, rule]));

/**
 * The help index over the bundled articles, tours and compliance tips, built once per popup open (and again only
 * if the language changes). Built in an effect so the popup paints before the pinyin work starts.
 */
export function useHelpIndex(language: Language): HelpContent | null {
  const [content, setContent] = useState<HelpContent | null>(null);
  useEffect(() => {
    // A macrotask later, so the popup's first frame is on screen before the pinyin work.
    const timer = setTimeout(() => {
      const started = performance.now();
      const index = createHelpIndex(helpDocs(articles, tours, language, tips));
      setContent({
        index,
        articles: articleById,
        tours: tourById,
        tips: tipById,
        buildMs: performance.now() - started,
      });
    }, 0);
    return () => clearTimeout(timer);
  }, [language]);
  return content;
}
