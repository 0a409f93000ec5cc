/**
 * Vite plugin: validated tours as the virtual module `virtual:zhiyin-tours` (default export
 * `Tour[]`). The build FAILS, listing every error with file, line and path, when any tour is
 * invalid. Reads `tours/` plus the folder in `ZHIYIN_TOURS_DIR` when set.
 *
 * Wiring (wxt.config.ts): `vite: () => ({ plugins: [toursPlugin({ validatorIds })] })`, and
 * `import tours from 'virtual:zhiyin-tours'` where they are needed (typing: features/tour/virtual.d.ts).
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { LoadToursResult } from './load';
import { formatTourError, loadTours } from './load';

export const VIRTUAL_TOURS_ID = 'virtual:zhiyin-tours';
const RESOLVED_ID = `\0${VIRTUAL_TOURS_ID}`;

export interface ToursPluginOptions {
  /** Project root. Default: process.cwd(). */
  root?: string;
  /** Tour folders. Default: `<root>/tours` plus `ZHIYIN_TOURS_DIR` (resolved against `root`) when set. */
  dirs?: string[];
  /** Known validator ids (lib/validators); unknown ids in tours fail the build. Default: unchecked. */
  validatorIds?: readonly string[] | (() => readonly string[] | Promise<readonly string[]>);
  /** Environment to read ZHIYIN_TOURS_DIR from. Default: process.env. */
  env?: Record<string, string | undefined>;
}

/** The folders a build reads: `<root>/tours` and ZHIYIN_TOURS_DIR. */
export function tourDirs(
  root: string,
  env: Record<string, string | undefined> = process.env,
): string[] {
  const extra = env.ZHIYIN_TOURS_DIR?.trim();
  return [resolve(root, 'tours'), ...(extra ? [resolve(root, extra)] : [])];
}

/** Error text for a failed load: a count, then one `file:line:col: path: message` per line. */
export function formatLoadErrors(result: Pick<LoadToursResult, 'errors'>): string {
  const count = result.errors.length;
  return [
    `${count} tour error${count === 1 ? '' : 's'}:`,
    ...result.errors.map((error) => `  ${formatTourError(error)}`),
  ].join('\n');
}

export function toursPlugin(options: ToursPluginOptions = {}): Plugin {
  const root = options.root ?? process.cwd();
  const dirs = options.dirs ?? tourDirs(root, options.env);

  async function load(): Promise<LoadToursResult> {
    const validatorIds =
      typeof options.validatorIds === 'function'
        ? await options.validatorIds()
        : options.validatorIds;
    return loadTours(dirs, { cwd: root, ...(validatorIds ? { validatorIds } : {}) });
  }

  return {
    name: 'zhiyin-tours',
    // Fail early even when no entry imports the module yet: a broken tour is a broken build.
    async buildStart() {
      const result = await load();
      if (result.errors.length > 0) this.error(formatLoadErrors(result));
    },
    resolveId(id) {
      return id === VIRTUAL_TOURS_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const result = await load();
      for (const file of result.files) this.addWatchFile(file);
      if (result.errors.length > 0) this.error(formatLoadErrors(result));
      return `export default ${JSON.stringify(result.tours)};\n`;
    },
  };
}
