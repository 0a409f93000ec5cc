/** Messages of the help search's record of searches that found nothing (未找到结果的搜索). */
import type { SearchMissSummary } from './misses';

/** Help messages (routes: features/help/background/routes.ts). */
export interface HelpMessages {
  /** A popup search found nothing: record it (scrubbed, deduplicated); whether it was added. */
  'page:recordSearchMiss'(data: { query: string; pageUrl: string | null }): { recorded: boolean };
  /** The misses grouped by query, most frequent first (options page). */
  'page:listSearchMisses'(): SearchMissSummary[];
  'page:clearSearchMisses'(): { cleared: true };
}
