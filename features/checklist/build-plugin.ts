/**
 * Vite plugin: tours/checklists.yaml, validated against the bundled tours, as the virtual module
 * `virtual:zhiyin-checklists` (default export `Checklists`, see features/checklist/schema.ts). The
 * build FAILS when the file is malformed, names an unknown tour or lists a tour under a role it is
 * not meant for.
 *
 * Wiring (wxt.config.ts): `plugins: [..., checklistsPlugin()]`; typing: features/checklist/virtual.d.ts.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { ContentError } from '../../lib/content/collection';
import { contentDirs, displayPath, errorAt, readContentFile } from '../../lib/content/collection';
import { contentModulePlugin } from '../../lib/content/vite-plugin';
import { loadTours } from '../tour/load';
import { buildChecklists, type Checklists } from './schema';

export const VIRTUAL_CHECKLISTS_ID = 'virtual:zhiyin-checklists';

/** How the build's error list names this content: `入门清单有 2 处错误 / 2 checklist errors:`. */
export const CHECKLIST_ERRORS = { what: 'checklist', whatZh: '入门清单' } as const;

export interface ChecklistsPluginOptions {
  root?: string;
  env?: Record<string, string | undefined>;
}

/** `tours/checklists.yaml` (of the main folder only), checked against the tours of every folder. */
export function loadProjectChecklists(
  root: string,
  env: Record<string, string | undefined> = process.env,
): { checklists: Checklists | null; errors: ContentError[]; files: string[] } {
  const file = join(root, 'tours', 'checklists.yaml');
  const shownAs = displayPath(root, file);
  const source = readContentFile(file, shownAs);
  if ('errors' in source) return { checklists: null, errors: source.errors, files: [file] };
  // Tour errors are the tours plugin's to report; checklists are checked against valid tours.
  const { tours, files } = loadTours(contentDirs(root, env), { cwd: root });
  const result = buildChecklists(source.data, tours);
  const errors = result.errors
    .map((problem) =>
      errorAt(source, problem.path, problem.message, problem.atKey ? { atKey: true } : {}),
    )
    // Top to bottom, as an author fixes them.
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { checklists: result.checklists, errors, files: [file, ...files] };
}

export function checklistsPlugin(options: ChecklistsPluginOptions = {}): Plugin {
  const root = options.root ?? process.cwd();
  return contentModulePlugin({
    id: VIRTUAL_CHECKLISTS_ID,
    ...CHECKLIST_ERRORS,
    load: () => {
      const result = loadProjectChecklists(root, options.env);
      return { value: result.checklists, errors: result.errors, files: result.files };
    },
  });
}
