/**
 * Build-time rules loading (Node only): read every `<dir>/rules/*.yaml` (or `.yml`, `.json`),
 * validate it against features/rules/schema.ts, merge the files and check what one file cannot:
 * duplicate ids across files, tips and due reminders naming unknown markers, and tour steps naming
 * unknown guards.
 *
 * Errors use the tour loader's shape and printer (features/tour/load.ts `TourError`,
 * `formatTourError`): `tours/rules/tips.yaml:12:7: tips[3].where.marker: unknown marker "x"`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Document, LineCounter, Node } from 'yaml';
import { isNode } from 'yaml';
import type { TourError } from '../tour/load';
import { formatTourError, parseYamlFile } from '../tour/load';
import type { Tour } from '../tour/schema';
import { formatIssuePath } from '../tour/schema';
import type { RuleSet } from './schema';
import { RulesFileSchema } from './schema';

/** Same shape as a tour error: file, optional path and line/column, message. */
export type RuleError = TourError;
export const formatRuleError = formatTourError;

export interface LoadRulesResult {
  rules: RuleSet;
  errors: RuleError[];
  /** Every file read, for watch mode. */
  files: string[];
}

const RULE_FILE = /\.(ya?ml|json)$/u;

interface Located {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Path prefix inside the file: `tips[2]`. */
  path: (string | number)[];
}

/**
 * Load and validate the rules in `<dir>/rules/` for each of `dirs` (the tour folders: `tours/` and
 * ZHIYIN_TOURS_DIR). A folder without `rules/` contributes nothing. Invalid files are left out
 * entirely (and reported), so a half-valid file never ships.
 */
export function loadRules(
  dirs: readonly string[],
  options: { cwd?: string; tours?: readonly Tour[] } = {},
): LoadRulesResult {
  const cwd = options.cwd ?? process.cwd();
  const display = (file: string): string => relative(cwd, file).split('\\').join('/') || file;
  const errors: RuleError[] = [];
  const files: string[] = [];
  const rules: RuleSet = { markers: [], tips: [], guards: [] };
  const where = new Map<string, Located>();

  for (const dir of dirs) {
    const rulesDir = join(dir, 'rules');
    if (!existsSync(rulesDir) || !statSync(rulesDir).isDirectory()) continue;
    for (const name of readdirSync(rulesDir).sort()) {
      // The generated JSON Schema for editors sits next to the rules (features/rules/json-schema.ts).
      if (!RULE_FILE.test(name) || name.endsWith('.schema.json')) continue;
      const file = join(rulesDir, name);
      files.push(file);
      const shownAs = display(file);
      // Same reader as tours: size, alias and length limits, errors naming the file.
      const source = parseYamlFile(file, shownAs);
      if ('errors' in source) {
        errors.push(...source.errors);
        continue;
      }
      const { doc, lineCounter } = source;
      const parsed = RulesFileSchema.safeParse(source.data);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          errors.push({
            file: shownAs,
            ...(issue.path.length > 0 ? { path: formatIssuePath(issue.path) } : {}),
            ...position(doc, lineCounter, issue.path),
            message: issue.message,
          });
        }
        continue;
      }
      const located = (path: (string | number)[]): Located => ({
        file: shownAs,
        doc,
        lineCounter,
        path,
      });
      parsed.data.markers?.forEach((marker, index) => {
        if (claim(`marker ${marker.id}`, located(['markers', index]))) rules.markers.push(marker);
      });
      parsed.data.tips?.forEach((tip, index) => {
        if (claim(`tip ${tip.id}`, located(['tips', index]))) rules.tips.push(tip);
      });
      parsed.data.guards?.forEach((guard, index) => {
        if (claim(`guard ${guard.id}`, located(['guards', index]))) rules.guards.push(guard);
      });
    }
  }

  function errorAt(at: Located, path: (string | number)[], message: string): RuleError {
    const full = [...at.path, ...path];
    return {
      file: at.file,
      path: formatIssuePath(full),
      ...position(at.doc, at.lineCounter, full),
      message,
    };
  }

  function claim(key: string, at: Located): boolean {
    const first = where.get(key);
    if (first) {
      const [kind, id] = key.split(' ');
      errors.push(
        errorAt(
          at,
          ['id'],
          `duplicate ${kind} id "${id}" (first in ${first.file} ${formatIssuePath(first.path)})`,
        ),
      );
      return false;
    }
    where.set(key, at);
    return true;
  }

  // Cross-references.
  const markerIds = new Set(rules.markers.map((marker) => marker.id));
  const knownMarkers = () => [...markerIds].sort().join(', ') || 'none';
  for (const tip of rules.tips) {
    const at = where.get(`tip ${tip.id}`);
    if (!at) continue;
    if (tip.where.marker !== undefined && !markerIds.has(tip.where.marker)) {
      errors.push(
        errorAt(
          at,
          ['where', 'marker'],
          `unknown marker "${tip.where.marker}" (known: ${knownMarkers()})`,
        ),
      );
    }
    if (tip.due && !markerIds.has(tip.due.since)) {
      errors.push(
        errorAt(
          at,
          ['due', 'since'],
          `unknown marker "${tip.due.since}" (known: ${knownMarkers()})`,
        ),
      );
    }
  }
  if (options.tours) {
    const guardIds = new Set(rules.guards.map((guard) => guard.id));
    for (const tour of options.tours) {
      tour.steps.forEach((step, index) => {
        if (step.guard !== undefined && !guardIds.has(step.guard)) {
          errors.push({
            file: tourFile(tour.id),
            path: `steps[${index}].guard`,
            message: `unknown guard "${step.guard}" (known: ${[...guardIds].sort().join(', ') || 'none'})`,
          });
        }
      });
    }
  }

  function tourFile(id: string): string {
    for (const dir of dirs) {
      for (const name of ['tour.yaml', 'tour.yml', 'tour.json']) {
        const file = join(dir, id, name);
        if (existsSync(file)) return display(file);
      }
    }
    return `tour ${id}`;
  }

  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  rules.markers.sort(byId);
  rules.tips.sort(byId);
  rules.guards.sort(byId);
  // One bad file must not ship the others' half of a cross-reference: nothing on any error.
  return errors.length > 0
    ? { rules: { markers: [], tips: [], guards: [] }, errors, files }
    : { rules, errors, files };
}

/**
 * Line/column of the deepest node that exists along `path` (a missing key points at its parent).
 * Same rule as the tour loader's private helper; kept here until features/tour/load.ts exports it.
 */
function position(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
): { line?: number; column?: number } {
  for (let length = path.length; length >= 0; length--) {
    const keys = path
      .slice(0, length)
      .filter((key): key is string | number => typeof key !== 'symbol');
    const node: unknown = length === 0 ? doc.contents : doc.getIn(keys, true);
    if (isNode(node) && (node as Node).range) {
      const [start] = (node as Node).range as [number, number, number];
      const { line, col } = lineCounter.linePos(start);
      return { line, column: col };
    }
  }
  return {};
}
