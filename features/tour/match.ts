/**
 * Where a tour or step applies: URL globs and page predicates. Used by the content script (which
 * tour applies to this page, is the step's page loaded) and the popup (tours for the active tab).
 */
import { resolveTarget } from '../../lib/locate/resolve';
import type { VisibilityOptions } from '../../lib/locate/visibility';
import { matchUrlText } from '../../lib/url/glob';
import type { Applies, PagePredicate } from './schema';

// `*` (and `**`) match any run of characters, `/` and `#` included: authors think of "everything
// under /docs/new", not of path segments. Everything else is literal. Matched without regexes, in
// at most subject × glob steps (lib/url/glob.ts; a regex backtracked exponentially, issue 10).

/**
 * The part of a URL a glob is matched against: path + search + hash for path globs
 * (`/index.html#/docs/new*`), the whole URL for globs that start with a scheme (`http://…`).
 */
function subjectFor(glob: string, url: URL): string {
  return /^[a-z][a-z0-9+.-]*:\/\//iu.test(glob) ? url.href : url.pathname + url.search + url.hash;
}

/**
 * Does `url` match the glob? A path glob without `?` also matches when the URL has a query string
 * (`/gongwen/new` matches `/gongwen/new?from=menu`), because query strings are incidental state.
 *
 * @param glob e.g. `/index.html#/docs/new*`, `/gongwen/list*`, `http://127.0.0.1:4173/*`
 * @param url an absolute URL (string or URL)
 */
export function matchUrlGlob(glob: string, url: string | URL): boolean {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  if (matchUrlText(glob, subjectFor(glob, parsed))) return true;
  if (!glob.includes('?') && parsed.search !== '' && !/^[a-z][a-z0-9+.-]*:\/\//iu.test(glob)) {
    return matchUrlText(glob, parsed.pathname + parsed.hash);
  }
  return false;
}

/** True when any of the globs matches. */
export function matchAnyUrlGlob(globs: string | readonly string[], url: string | URL): boolean {
  return (typeof globs === 'string' ? [globs] : globs).some((glob) => matchUrlGlob(glob, url));
}

/**
 * Evaluate a page predicate against a document: `present` holds when the target is visible
 * (found, or several visible matches); `absent` when nothing visible matches.
 */
export function evaluatePagePredicate(
  predicate: PagePredicate,
  doc: Document,
  options: VisibilityOptions = {},
): boolean {
  const target = 'present' in predicate ? predicate.present : predicate.absent;
  const outcome = resolveTarget(target, doc, options);
  const present = outcome.kind === 'found' || outcome.kind === 'ambiguous';
  return 'present' in predicate ? present : !present;
}

/**
 * Does a tour's `applies` hold for this page? The URL must match; page predicates are checked only
 * when a document is given (the popup has only the URL: it passes none and gets the URL answer).
 */
export function tourApplies(
  applies: Applies,
  page: { url: string | URL; document?: Document },
  options: VisibilityOptions = {},
): boolean {
  if (!matchAnyUrlGlob(applies.url, page.url)) return false;
  const doc = page.document;
  if (!doc || !applies.when) return true;
  return applies.when.every((predicate) => evaluatePagePredicate(predicate, doc, options));
}
