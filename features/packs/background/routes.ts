import type { RouteTable } from '../../../lib/messaging/router';
import type { PacksMessages } from '../protocol';
import type { PacksService } from './setup';

/** The options page's 内容包 section: status, check now, import a file by hand. */
export function createPackRoutes(packs: PacksService): RouteTable<PacksMessages> {
  return {
    'page:packContents': { from: ['extension-page'], handle: () => packs.packContents() },
    'page:packsStatus': { from: ['extension-page'], handle: () => packs.status() },
    'page:refreshPacks': { from: ['extension-page'], handle: () => packs.refresh() },
    'page:importPack': {
      from: ['extension-page'],
      handle: async ({ text }) => {
        if (typeof text !== 'string') throw new TypeError('text must be a string');
        return packs.importText(text);
      },
    },
  };
}
