/**
 * URL glob matching for help documents' `urlPatterns`.
 *
 * `*` matches any run of characters (including `/`); everything else is literal. `?` is literal
 * too, because it is the query separator in the URLs we match. A pattern that starts with `/` is
 * matched against the path, query and hash of the URL (`/gongwen/new*`); any other pattern against
 * the whole URL (for example `http://127.0.0.1:4173/gongwen/` followed by `*`). Matching is anchored at both
 * ends and case-sensitive, like URLs.
 */

import { matchUrlText } from '../url/glob';

// Matched without regexes, in at most subject × pattern steps (lib/url/glob.ts, issue 10).

/** True when `url` matches `pattern` (see the module comment for the syntax). */
export function urlMatchesPattern(url: string, pattern: string): boolean {
  if (pattern.startsWith('/')) {
    let pathAndMore: string;
    try {
      const parsed = new URL(url);
      pathAndMore = parsed.pathname + parsed.search + parsed.hash;
    } catch {
      // Not an absolute URL: treat the input itself as a path.
      pathAndMore = url;
    }
    return matchUrlText(pattern, pathAndMore);
  }
  return matchUrlText(pattern, url);
}

/** True when any of the patterns matches. */
export function urlMatchesAny(url: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => urlMatchesPattern(url, pattern));
}
