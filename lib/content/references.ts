/**
 * References between content files in authors' words (Node-free: checklists use it from a schema
 * module the extension also bundles). Kept out of ./explain.ts, which the page overlay bundles.
 */
import { bilingual, didYouMean, withSuggestion } from './explain';

/** What a kind of content or item is called in messages, in both languages: `{ zh: '引导', en: 'tour' }`. */
export interface ContentNoun {
  zh: string;
  en: string;
}

/**
 * A reference to an id that is not there, with what is and the nearest one:
 * `没有 id 为 "x" 的引导（可用：a, b），是不是想写 "a"？ / unknown tour "x" (known: a, b); did you mean "a"?`.
 */
export function unknownId(what: ContentNoun, id: string, known: Iterable<string>): string {
  // Code-unit order: the same on every machine, whatever its locale.
  const ids = [...known].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return withSuggestion(
    bilingual(
      `没有 id 为 "${id}" 的${what.zh}（可用：${ids.join(', ') || '无'}）`,
      `unknown ${what.en} "${id}" (known: ${ids.join(', ') || 'none'})`,
    ),
    didYouMean(id, ids),
  );
}
