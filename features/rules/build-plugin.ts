/**
 * Vite plugin: validated compliance rules as the virtual module `virtual:zhiyin-rules` (default
 * export `RuleSet`: `{ markers, tips, guards }`). The build FAILS, listing every error with file,
 * line and path, when any rules file is invalid or a tour step names an unknown guard. Reads
 * `tours/rules/` plus `<ZHIYIN_TOURS_DIR>/rules/` when that variable is set (same folders as the
 * tours plugin).
 *
 * Wiring (wxt.config.ts): `vite: () => ({ plugins: [toursPlugin(…), rulesPlugin()] })`, and
 * `import rules from 'virtual:zhiyin-rules'` where needed (typing: features/rules/virtual.d.ts).
 */
import type { Plugin } from 'vite';
import type { ContentFoldersOptions } from '../../lib/content/vite-plugin';
import { contentFoldersPlugin } from '../../lib/content/vite-plugin';
import { withValidTours } from '../tour/load';
import type { LoadRulesResult } from './load';
import { loadRules } from './load';

export const VIRTUAL_RULES_ID = 'virtual:zhiyin-rules';

/** How the build's error list names this content: `规范提示文件有 2 处错误 / 2 rules errors:`. */
export const RULES_ERRORS = { what: 'rules', whatZh: '规范提示文件' } as const;

/** Content folders whose `rules/` subfolder is read (default: `tours/` and ZHIYIN_TOURS_DIR). */
export type RulesPluginOptions = ContentFoldersOptions;

/** Load the rules of `dirs`, checking tour steps' `guard:` ids against them. */
export function loadProjectRules(root: string, dirs: readonly string[]): LoadRulesResult {
  return withValidTours(root, dirs, (tours) => loadRules(dirs, { cwd: root, tours }));
}

export function rulesPlugin(options: RulesPluginOptions = {}): Plugin {
  const load = (root: string, dirs: readonly string[]) => {
    const { rules, errors, files } = loadProjectRules(root, dirs);
    return { value: rules, errors, files };
  };
  return contentFoldersPlugin({ id: VIRTUAL_RULES_ID, ...RULES_ERRORS, load }, options);
}
