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
import type { LoadRulesResult } from './load';
import { formatRuleError, loadRules } from './load';
import { loadTours } from '../tour/load';
import { tourDirs } from '../tour/build-plugin';

export const VIRTUAL_RULES_ID = 'virtual:zhiyin-rules';
const RESOLVED_ID = `\0${VIRTUAL_RULES_ID}`;

export interface RulesPluginOptions {
  /** Project root. Default: process.cwd(). */
  root?: string;
  /** Tour folders whose `rules/` subfolder is read. Default: {@link tourDirs}. */
  dirs?: string[];
  /** Environment to read ZHIYIN_TOURS_DIR from. Default: process.env. */
  env?: Record<string, string | undefined>;
}

/** Error text for a failed load: a count, then one `file:line:col: path: message` per line. */
export function formatRulesLoadErrors(result: Pick<LoadRulesResult, 'errors'>): string {
  const count = result.errors.length;
  return [
    `${count} rules error${count === 1 ? '' : 's'}:`,
    ...result.errors.map((error) => `  ${formatRuleError(error)}`),
  ].join('\n');
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
  const dirs = options.dirs ?? tourDirs(root, options.env);
  return {
    name: 'zhiyin-rules',
    // Fail early even when no entry imports the module yet: a broken rule is a broken build.
    buildStart() {
      const result = loadProjectRules(root, dirs);
      if (result.errors.length > 0) this.error(formatRulesLoadErrors(result));
    },
    resolveId(id) {
      return id === VIRTUAL_RULES_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const result = loadProjectRules(root, dirs);
      for (const file of result.files) this.addWatchFile(file);
      if (result.errors.length > 0) this.error(formatRulesLoadErrors(result));
      return `export default ${JSON.stringify(result.rules)};\n`;
    },
  };
}
