import { MatchPattern } from 'wxt/utils/match-patterns';

/**
 * True when `url` is on a host the extension's content scripts run on (the manifest's
 * `content_scripts[].matches`). A content-script message from any other page is refused: some
 * frame on an unconfigured host must not be able to write into the learner's records.
 */
export function createHostPolicy(patterns: readonly string[]): (url: string) => boolean {
  const compiled = patterns.map((pattern) => new MatchPattern(pattern));
  return (url) => {
    try {
      return compiled.some((pattern) => pattern.includes(url));
    } catch {
      return false;
    }
  };
}
