/**
 * A pack's payload from a content folder in the layout of `tours/` (Node only, used by
 * `npm run pack:sign`): `<folder>/<tour-id>/tour.yaml`, `help/*.yaml`, `rules/*.yaml`,
 * `quizzes/*.yaml`, `checklists.yaml`, `renames.json`, and optionally `pack.json`
 * (`{ "id": "xinxi-zhongxin", "retire": ["old-tour"] }`).
 *
 * The folder is checked by the build's own loaders first (features/tour/load.ts,
 * features/help/load.ts, features/rules/load.ts, features/quiz/load.ts, the checklist check):
 * a folder the build would refuse is not signed, and the errors are the build's, with file, line
 * and path. The payload carries each file's data as written (not the parsed values with defaults
 * filled in), and is then checked once more exactly as the extension will (../validate.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ContentError } from '../../../lib/content/collection';
import { displayPath, formatContentError, readContentFile } from '../../../lib/content/collection';
import { bilingual } from '../../../lib/content/explain';
import { VALIDATOR_IDS } from '../../../lib/validators';
import { buildChecklists } from '../../checklist/schema';
import { loadHelpArticles } from '../../help/load';
import { loadQuizzes } from '../../quiz/load';
import { loadRules } from '../../rules/load';
import { TOUR_FILE_NAMES, loadTours } from '../../tour/load';
import type { Tour } from '../../tour/schema';
import { KEBAB_ID } from '../format';
import { validatePackPayload } from '../validate';

export interface FolderPayloadOptions {
  /** The content version (an integer; higher than every pack signed for this id before). */
  version: number;
  /** The pack id; default: pack.json's `id`, else the folder's name. */
  id?: string;
  /** The bundled tours the pack may refer to (links, checklists); default none. */
  bundledTours?: readonly Tour[];
  cwd?: string;
  /** For reproducible packs (tests); default now. */
  createdAt?: string;
}

export type FolderPayloadResult =
  { payload: Record<string, unknown>; errors: [] } | { payload: null; errors: string[] };

const CONTENT_FILE = /\.(ya?ml|json)$/u;

function rawFiles(folder: string, cwd: string, exclude?: (name: string) => boolean) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => CONTENT_FILE.test(name) && !exclude?.(name))
    .sort()
    .map((name) => rawData(join(folder, name), cwd));
}

function rawData(file: string, cwd: string): unknown {
  const source = readContentFile(file, displayPath(cwd, file));
  // The loaders have already read every file without error.
  if ('errors' in source) throw new Error(source.errors.map(formatContentError).join('\n'));
  return source.data;
}

export function payloadFromFolder(
  folder: string,
  options: FolderPayloadOptions,
): FolderPayloadResult {
  const cwd = options.cwd ?? process.cwd();
  const errors: ContentError[] = [];
  const dirs = [folder];
  const tours = loadTours(dirs, { cwd, validatorIds: VALIDATOR_IDS });
  errors.push(...tours.errors);
  const bundled = options.bundledTours ?? [];
  const known = [
    ...new Set([...bundled.map((tour) => tour.id), ...tours.tours.map((tour) => tour.id)]),
  ];
  const help = loadHelpArticles(dirs, { cwd, tourIds: known });
  errors.push(...help.errors);
  // The pack's own tours: their step guards must be defined by the pack's rules.
  const rules = loadRules(dirs, { cwd, tours: tours.tours });
  errors.push(...rules.errors);
  const quizzes = loadQuizzes(dirs, {
    cwd,
    tourIds: known,
    articleIds: help.articles.map((article) => article.id),
  });
  errors.push(...quizzes.errors);
  let checklists: unknown;
  const checklistFile = join(folder, 'checklists.yaml');
  if (existsSync(checklistFile)) {
    const shownAs = displayPath(cwd, checklistFile);
    const source = readContentFile(checklistFile, shownAs);
    if ('errors' in source) errors.push(...source.errors);
    else {
      const built = buildChecklists(source.data, [...bundled, ...tours.tours]);
      for (const problem of built.errors) {
        const where = problem.path.length > 0 ? `${problem.path.join('.')}: ` : '';
        errors.push({ file: shownAs, message: `${where}${problem.message}` });
      }
      checklists = source.data;
    }
  }
  let manifest: { id?: unknown; retire?: unknown } = {};
  const manifestFile = join(folder, 'pack.json');
  if (existsSync(manifestFile)) {
    try {
      manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as typeof manifest;
    } catch (error) {
      errors.push({
        file: displayPath(cwd, manifestFile),
        message: `JSON syntax error: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  if (errors.length > 0) return { payload: null, errors: errors.map(formatContentError) };

  const id = options.id ?? (typeof manifest.id === 'string' ? manifest.id : basename(folder));
  if (!KEBAB_ID.test(id)) {
    return {
      payload: null,
      errors: [
        bilingual(
          `内容包 id "${id}" 须为 kebab-case（用 --id 或 pack.json 指定）`,
          `pack id "${id}" must be kebab-case (set it with --id or in pack.json)`,
        ),
      ],
    };
  }
  const tourData = tours.tours.map((tour) => {
    const file = TOUR_FILE_NAMES.map((name) => join(folder, tour.id, name)).find((f) =>
      existsSync(f),
    );
    return rawData(file as string, cwd);
  });
  const payload: Record<string, unknown> = {
    id,
    version: options.version,
    createdAt: options.createdAt ?? new Date().toISOString(),
    tours: tourData,
    help: rawFiles(join(folder, 'help'), cwd),
    rules: rawFiles(join(folder, 'rules'), cwd, (name) => name.endsWith('.schema.json')),
    quizzes: rawFiles(join(folder, 'quizzes'), cwd),
    ...(checklists !== undefined ? { checklists } : {}),
    retire: Array.isArray(manifest.retire) ? manifest.retire : [],
    renames: tours.renames,
  };
  // What the extension will check, checked here too: a pack it would refuse is not written.
  const check = validatePackPayload(payload, {
    bundledTours: bundled,
    validatorIds: VALIDATOR_IDS,
  });
  if (!check.content) {
    return {
      payload: null,
      errors: check.errors.map((error) => `${error.path}: ${error.message}`),
    };
  }
  return { payload, errors: [] };
}
