/**
 * Build-time help article loading (Node only): read every `<dir>/help/*.yaml` (or `.yml`, `.json`)
 * of the tour folders, validate it against features/help/schema.ts, and check what one file cannot:
 * the id equals the file name, ids are unique across folders, and every linked tour exists.
 *
 * Errors use the tour loader's shape, parser and printer (features/tour/load.ts):
 * `tours/help/faq-login-failed.yaml:7:3: tours[0]: unknown tour "x" (known: …)`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import type { TourError } from '../tour/load';
import { parseYamlFile, schemaIssueErrors, yamlPosition } from '../tour/load';
import { formatIssuePath } from '../tour/schema';
import type { HelpArticle } from './schema';
import { HelpArticleSchema } from './schema';

export interface LoadHelpOptions {
  /** Ids of the tours in the build; `tours:` links must name one of them. */
  tourIds: readonly string[];
  /** Base for the file names in errors. Default: process.cwd(). */
  cwd?: string;
}

export interface LoadHelpResult {
  /** Valid articles, sorted by id; empty when there is any error (nothing half-valid ships). */
  articles: HelpArticle[];
  errors: TourError[];
  /** Every file read, for watch mode. */
  files: string[];
}

const HELP_FILE = /\.(ya?ml|json)$/u;

/** Load and validate the articles in `<dir>/help/` for each of `dirs` (the tour folders). */
export function loadHelpArticles(
  dirs: readonly string[],
  options: LoadHelpOptions,
): LoadHelpResult {
  const cwd = options.cwd ?? process.cwd();
  const display = (file: string): string => relative(cwd, file).split('\\').join('/') || file;
  const knownTours = new Set(options.tourIds);
  const known = () => [...knownTours].sort().join(', ') || 'none';
  const errors: TourError[] = [];
  const files: string[] = [];
  const articles: HelpArticle[] = [];
  const firstFile = new Map<string, string>();

  for (const dir of dirs) {
    const helpDir = join(dir, 'help');
    if (!existsSync(helpDir) || !statSync(helpDir).isDirectory()) continue;
    for (const name of readdirSync(helpDir).sort()) {
      if (!HELP_FILE.test(name)) continue;
      const file = join(helpDir, name);
      files.push(file);
      const shownAs = display(file);
      const source = parseYamlFile(file, shownAs);
      if ('errors' in source) {
        errors.push(...source.errors);
        continue;
      }
      const parsed = HelpArticleSchema.safeParse(source.data);
      if (!parsed.success) {
        errors.push(...schemaIssueErrors(source, shownAs, parsed.error.issues));
        continue;
      }
      const article = parsed.data;
      const at = (path: (string | number)[]) => ({
        file: shownAs,
        path: formatIssuePath(path),
        ...yamlPosition(source.doc, source.lineCounter, path),
      });
      const stem = basename(name, extname(name));
      let ok = true;
      if (article.id !== stem) {
        errors.push({
          ...at(['id']),
          message: `article id "${article.id}" must equal its file name "${stem}"`,
        });
        ok = false;
      }
      const first = firstFile.get(article.id);
      if (first !== undefined) {
        errors.push({
          ...at(['id']),
          message: `duplicate article id "${article.id}" (also in ${first})`,
        });
        ok = false;
      } else firstFile.set(article.id, shownAs);
      article.tours.forEach((tourId, index) => {
        if (!knownTours.has(tourId)) {
          errors.push({
            ...at(['tours', index]),
            message: `unknown tour "${tourId}" (known: ${known()})`,
          });
          ok = false;
        }
      });
      if (ok) articles.push(article);
    }
  }
  articles.sort((a, b) => a.id.localeCompare(b.id));
  return errors.length > 0 ? { articles: [], errors, files } : { articles, errors, files };
}
