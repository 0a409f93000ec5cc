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
import { contentDirs } from '../../lib/content/collection';
import { contentModulePlugin } from '../../lib/content/vite-plugin';
import { loadTours } from '../tour/load';
import type { LoadRulesResult } from './load';
import { loadRules } from './load';

export const VIRTUAL_RULES_ID = 'virtual:zhiyin-rules';

/** How the build's error list names this content: `规范提示文件有 2 处错误 / 2 rules errors:`. */
export const RULES_ERRORS = { what: 'rules', whatZh: '规范提示文件' } as const;

export interface RulesPluginOptions {
  /** Project root. Default: process.cwd(). */
  root?: string;
  /** Content folders whose `rules/` subfolder is read. Default: `tours/` and ZHIYIN_TOURS_DIR. */
  dirs?: string[];
  /** Environment to read ZHIYIN_TOURS_DIR from. Default: process.env. */
  env?: Record<string, string | undefined>;
}

/** Load the rules of `dirs`, checking tour steps' `guard:` ids against them. */
export function loadProjectRules(root: string, dirs: readonly string[]): LoadRulesResult {
  // Tour errors are the tours plugin's to report; only valid tours' guard ids are checked here.
  const { tours, files: tourFiles } = loadTours(dirs, { cwd: root });
  const result = loadRules(dirs, { cwd: root, tours });
  return { ...result, files: [...result.files, ...tourFiles] };
}

export function rulesPlugin(options: RulesPluginOptions = {}): Plugin {
  const root = options.root ?? process.cwd();
  const dirs = options.dirs ?? contentDirs(root, options.env);
  return contentModulePlugin({
    id: VIRTUAL_RULES_ID,
    ...RULES_ERRORS,
    load: () => {
      const result = loadProjectRules(root, dirs);
      return { value: result.rules, errors: result.errors, files: result.files };
    },
  });
}
