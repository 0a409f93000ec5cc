import type { RouteTable } from '../../../lib/messaging/router';
import { recordSearchMiss, summarizeSearchMisses, type SearchMissTable } from '../misses';
import type { HelpMessages } from '../protocol';

/** Searches that found nothing: written by the popup, read and cleared by the options page. */
export function createHelpRoutes(
  misses: SearchMissTable,
  now: () => number = Date.now,
): RouteTable<HelpMessages> {
  return {
    'page:recordSearchMiss': {
      from: ['extension-page'],
      handle: async ({ query, pageUrl }) => ({
        recorded: await recordSearchMiss(misses, String(query), pageUrl ?? null, now()),
      }),
    },
    'page:listSearchMisses': {
      from: ['extension-page'],
      handle: async () => summarizeSearchMisses(await misses.toArray()),
    },
    'page:clearSearchMisses': {
      from: ['extension-page'],
      handle: async () => {
        await misses.clear();
        return { cleared: true as const };
      },
    },
  };
}
