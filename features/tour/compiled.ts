import { compileMarkdown } from '../../components/markdown/compile';
import type { RichNode } from '../../components/markdown/rich';
import type { Tour } from './schema';

/**
 * The tour as the build ships it (build-plugin.ts): with `markdown`, every step body of every
 * language compiled to rich nodes, keyed by its Markdown source. The page-side step card looks a
 * body up there (tour-layer.ts) and draws it with components/markdown/rich-dom.ts, so overlay.js
 * carries no Markdown parser. Keyed by source, not by step, so a tour the background changes
 * (localised, exam, remedial) can never show another body's text.
 */
export function withCompiledMarkdown(tour: Tour): Tour {
  const markdown: Record<string, RichNode[]> = {};
  const add = (source: string | undefined) => {
    if (source && !Object.hasOwn(markdown, source)) markdown[source] = compileMarkdown(source);
  };
  for (const step of tour.steps) add(step.body);
  for (const text of Object.values(tour.i18n?.en?.steps ?? {})) add(text.body);
  return { ...tour, markdown };
}
