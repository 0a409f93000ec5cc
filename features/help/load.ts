/**
 * Build-time help article loading (Node only): every `<dir>/help/*.yaml` (or `.yml`, `.json`) of
 * the content folders, read and validated by the shared content-collection loader
 * (lib/content/collection.ts: ids equal file names and are unique across folders), plus what is
 * the articles' own: every linked tour exists.
 *
 * `tours/help/faq-login-failed.yaml:7:10: tours[0]: 没有 id 为 "x" 的引导（可用：…） / unknown tour "x" (known: …)`.
 */
import type { ContentError } from '../../lib/content/collection';
import { byCodeUnits, loadCollection, unknownLinks } from '../../lib/content/collection';
import type { HelpArticle } from './schema';
import { HelpArticleSchema } from './schema';

const TOUR_NOUN = { zh: '引导', en: 'tour' };

export interface LoadHelpOptions {
  /** Ids of the tours in the build; `tours:` links must name one of them. */
  tourIds: readonly string[];
  /** Base for the file names in errors. Default: process.cwd(). */
  cwd?: string;
}

export interface LoadHelpResult {
  /** Valid articles, sorted by id; empty when there is any error (nothing half-valid ships). */
  articles: HelpArticle[];
  errors: ContentError[];
  /** Every file read, for watch mode. */
  files: string[];
}

/** Load and validate the articles in `<dir>/help/` for each of `dirs` (the tour folders). */
export function loadHelpArticles(
  dirs: readonly string[],
  options: LoadHelpOptions,
): LoadHelpResult {
  const knownTours = new Set(options.tourIds);
  const { entries, errors, files } = loadCollection({
    dirs,
    cwd: options.cwd,
    layout: { folder: 'help' },
    schema: HelpArticleSchema,
    what: 'article',
    whatZh: '帮助文章',
    id: (article) => article.id,
    // Schema issues in authors' words, and links checked on the file as read: all in one pass.
    explain: {},
    checkSource: (source) => unknownLinks(source, ['tours'], TOUR_NOUN, knownTours),
  });
  if (errors.length > 0) return { articles: [], errors, files };
  const articles = entries.map((entry) => entry.value).sort((a, b) => byCodeUnits(a.id, b.id));
  return { articles, errors, files };
}
