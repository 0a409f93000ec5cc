/**
 * Vite plugin: tours/checklists.yaml, validated against the bundled tours, as the virtual module
 * `virtual:zhiyin-checklists` (default export `Checklists`, see features/checklist/schema.ts). The
 * build FAILS when the file is malformed, names an unknown tour or lists a tour under a role it is
 * not meant for.
 *
 * Wiring (wxt.config.ts): `plugins: [..., checklistsPlugin()]`; typing: features/checklist/virtual.d.ts.
 */
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { buildChecklists, type Checklists } from './schema';
import { formatTourError, loadTours, parseYamlFile } from '../tour/load';
import { tourDirs } from '../tour/build-plugin';

export const VIRTUAL_CHECKLISTS_ID = 'virtual:zhiyin-checklists';
const RESOLVED_ID = `\0${VIRTUAL_CHECKLISTS_ID}`;

export interface ChecklistsPluginOptions {
  root?: string;
  env?: Record<string, string | undefined>;
}

export function loadProjectChecklists(
  root: string,
  env: Record<string, string | undefined> = process.env,
): { checklists: Checklists | null; errors: string[]; files: string[] } {
  const dirs = tourDirs(root, env);
  const file = join(root, 'tours', 'checklists.yaml');
  const display = relative(root, file);
  // The tours' reader: size, alias and length limits, errors with file and line.
  const source = parseYamlFile(file, display);
  if ('errors' in source) {
    return { checklists: null, errors: source.errors.map(formatTourError), files: [file] };
  }
  const content = source.data;
  // Tour errors are the tours plugin's to report; checklists are checked against valid tours.
  const { tours, files } = loadTours(dirs, { cwd: root });
  const result = buildChecklists(content, tours);
  return {
    checklists: result.checklists,
    errors: result.errors.map((error) => `${display}: ${error}`),
    files: [file, ...files],
  };
}

export function checklistsPlugin(options: ChecklistsPluginOptions = {}): Plugin {
  const root = options.root ?? process.cwd();
  return {
    name: 'zhiyin-checklists',
    buildStart() {
      const result = loadProjectChecklists(root, options.env);
      if (result.errors.length > 0) this.error(result.errors.join('\n'));
    },
    resolveId(id) {
      return id === VIRTUAL_CHECKLISTS_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const result = loadProjectChecklists(root, options.env);
      for (const file of result.files) this.addWatchFile(file);
      if (result.errors.length > 0 || !result.checklists) this.error(result.errors.join('\n'));
      return `export default ${JSON.stringify(result.checklists)};\n`;
    },
  };
}
