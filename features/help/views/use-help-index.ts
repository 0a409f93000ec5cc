import bundledArticles from 'virtual:zhiyin-help';
import bundledRules from 'virtual:zhiyin-rules';
import bundledTours from 'virtual:zhiyin-tours';
import { useEffect, useState } from 'react';
import { mergeHelp, mergeRules, mergeTours } from '../../packs/catalog';
import type { PackContent } from '../../packs/validate';
import { usePackContents } from '../../packs/views/use-pack-content';
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

/** What the help center searches: the bundled articles, tours and tips with the packs applied. */
export function helpSources(packs: readonly PackContent[]): {
  articles: HelpArticle[];
  tours: Tour[];
  tips: TipRule[];
} {
  return {
    articles: mergeHelp(bundledArticles, packs),
    tours: mergeTours(bundledTours, packs),
    tips: mergeRules(bundledRules, packs).tips,
  };
}

/**
 * The help index over the articles, tours and compliance tips in force (bundled, and those of the
 * content packs the background applied: features/packs), built once per popup open (and again
 * only if the language or the packs change). Built in an effect so the popup paints before the
 * pinyin work starts.
 */
export function useHelpIndex(language: Language): HelpContent | null {
  const [content, setContent] = useState<HelpContent | null>(null);
  const packs = usePackContents();
  useEffect(() => {
    if (packs === null) return;
    // A macrotask later, so the popup's first frame is on screen before the pinyin work.
    const timer = setTimeout(() => {
      const started = performance.now();
      const { articles, tours, tips } = helpSources(packs);
      const index = createHelpIndex(helpDocs(articles, tours, language, tips));
      setContent({
        index,
        articles: new Map(articles.map((article) => [article.id, article])),
        tours: new Map(tours.map((tour) => [tour.id, tour])),
        tips: new Map(tips.map((rule) => [rule.id, rule])),
        buildMs: performance.now() - started,
      });
    }, 0);
    return () => clearTimeout(timer);
  }, [language, packs]);
  return content;
}
