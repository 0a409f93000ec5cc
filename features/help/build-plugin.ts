/**
 * Vite plugin: validated help articles as the virtual module `virtual:zhiyin-help` (default export
 * `HelpArticle[]`). The build FAILS, listing every error with file, line and path, when an article
 * is invalid or links a tour that is not in the build. Reads `tours/help/` plus
 * `<ZHIYIN_TOURS_DIR>/help/` when that variable is set (same folders as the tours plugin).
 *
 * Wiring (wxt.config.ts): `vite: () => ({ plugins: [toursPlugin(…), helpPlugin()] })`, and
 * `import articles from 'virtual:zhiyin-help'` where needed (typing: features/help/virtual.d.ts).
 */
import type { Plugin } from 'vite';
import type { ContentFoldersOptions } from '../../lib/content/vite-plugin';
import { contentFoldersPlugin } from '../../lib/content/vite-plugin';
import { withValidTours } from '../tour/load';
import type { LoadHelpResult } from './load';
import { loadHelpArticles } from './load';

export const VIRTUAL_HELP_ID = 'virtual:zhiyin-help';

/** How the build's error list names this content: `帮助文章有 2 处错误 / 2 help article errors:`. */
export const HELP_ERRORS = { what: 'help article', whatZh: '帮助文章' } as const;

/** Content folders whose `help/` subfolder is read (default: `tours/` and ZHIYIN_TOURS_DIR). */
export type HelpPluginOptions = ContentFoldersOptions;

/** The articles of `dirs`, with `tours:` links checked against the tours of the same folders. */
export function loadProjectHelp(root: string, dirs: readonly string[]): LoadHelpResult {
  return withValidTours(root, dirs, (tours) =>
    loadHelpArticles(dirs, { cwd: root, tourIds: tours.map((tour) => tour.id) }),
  );
}

export function helpPlugin(options: HelpPluginOptions = {}): Plugin {
  const load = (root: string, dirs: readonly string[]) => {
    const { articles, errors, files } = loadProjectHelp(root, dirs);
    return { value: articles, errors, files };
  };
  return contentFoldersPlugin({ id: VIRTUAL_HELP_ID, ...HELP_ERRORS, load }, options);
}
