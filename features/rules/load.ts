/**
 * Build-time rules loading (Node only): every `<dir>/rules/*.yaml` (or `.yml`, `.json`), read and
 * validated by the shared content-collection loader (lib/content/collection.ts), merged, plus
 * what is the rules' own: ids unique per kind across files, tips and due reminders naming unknown
 * markers, and tour steps naming unknown guards.
 *
 * `tours/rules/tips.yaml:12:7: tips[3].where.marker: 没有 id 为 "x" 的标记（可用：…） / unknown marker "x" (known: …)`.
 */
import type { ContentError, ContentSource } from '../../lib/content/collection';
import { valueAt } from '../../lib/content/explain';
import {
  IdRegistry,
  byCodeUnits,
  errorAt,
  formatContentError,
  formatIssuePath,
  loadCollection,
  unknownId,
} from '../../lib/content/collection';
import { tourFileOf } from '../tour/load';
import type { Tour } from '../tour/schema';
import type { RuleSet } from './schema';
import { RulesFileSchema } from './schema';

/** The shared content error: file, optional path and line/column, message. */
export type RuleError = ContentError;
export const formatRuleError = formatContentError;

export interface LoadRulesResult {
  rules: RuleSet;
  errors: RuleError[];
  /** Every file read, for watch mode. */
  files: string[];
}

/** The items of a rules file, as messages name them. */
const NOUNS = {
  marker: { zh: '标记', en: 'marker' },
  tip: { zh: '提示', en: 'tip' },
  guard: { zh: '字段检查', en: 'guard' },
} as const;

interface Located {
  source: ContentSource;
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
  // Ids and references as read from every file, valid or not: a tip naming a misspelt marker is
  // reported in the same run as a schema error elsewhere in its file, and a marker declared in a
  // file with an error still counts as declared (its file's error is the one to fix).
  const rawMarkers = new Set<string>();
  const rawGuards = new Set<string>();
  const markerRefs: { source: ContentSource; path: (string | number)[]; id: string }[] = [];
  const collection = loadCollection({
    dirs,
    cwd,
    // The generated JSON Schema for editors sits next to the rules (features/rules/json-schema.ts).
    layout: { folder: 'rules', exclude: (name) => name.endsWith('.schema.json') },
    schema: RulesFileSchema,
    what: 'rules',
    whatZh: '规范提示',
    explain: {},
    checkSource: (source) => {
      const list = (key: string): unknown[] => {
        const value = valueAt(source.data, [key]);
        return Array.isArray(value) ? value : [];
      };
      const idOf = (item: unknown) => valueAt(item, ['id']);
      for (const marker of list('markers')) {
        const id = idOf(marker);
        if (typeof id === 'string') rawMarkers.add(id);
      }
      for (const guard of list('guards')) {
        const id = idOf(guard);
        if (typeof id === 'string') rawGuards.add(id);
      }
      list('tips').forEach((tip, index) => {
        for (const path of [
          ['where', 'marker'],
          ['due', 'since'],
        ]) {
          const id = valueAt(tip, path);
          if (typeof id === 'string')
            markerRefs.push({ source, path: ['tips', index, ...path], id });
        }
      });
      return [];
    },
  });
  const errors: RuleError[] = [...collection.errors];
  const files = collection.files;
  const rules: RuleSet = { markers: [], tips: [], guards: [] };
  const registries = {
    marker: new IdRegistry(NOUNS.marker),
    tip: new IdRegistry(NOUNS.tip),
    guard: new IdRegistry(NOUNS.guard),
  };

  for (const { value, source } of collection.entries) {
    value.markers?.forEach((marker, index) => {
      if (claim('marker', marker.id, { source, path: ['markers', index] }))
        rules.markers.push(marker);
    });
    value.tips?.forEach((tip, index) => {
      if (claim('tip', tip.id, { source, path: ['tips', index] })) rules.tips.push(tip);
    });
    value.guards?.forEach((guard, index) => {
      if (claim('guard', guard.id, { source, path: ['guards', index] })) rules.guards.push(guard);
    });
  }

  function errorIn(at: Located, path: (string | number)[], message: string): RuleError {
    return errorAt(at.source, [...at.path, ...path], message);
  }

  function claim(kind: keyof typeof registries, id: string, at: Located): boolean {
    const duplicate = registries[kind].claim(id, {
      file: at.source.shownAs,
      path: formatIssuePath(at.path),
    });
    if (duplicate) {
      errors.push(errorIn(at, ['id'], duplicate));
      return false;
    }
    return true;
  }

  // Cross-references, on the files as read (see rawMarkers).
  for (const ref of markerRefs) {
    if (!rawMarkers.has(ref.id)) {
      errors.push(errorAt(ref.source, ref.path, unknownId(NOUNS.marker, ref.id, rawMarkers)));
    }
  }
  if (options.tours) {
    const guardIds = rawGuards;
    for (const tour of options.tours) {
      tour.steps.forEach((step, index) => {
        if (step.guard !== undefined && !guardIds.has(step.guard)) {
          errors.push({
            file: tourFileOf(dirs, cwd, tour.id),
            path: `steps[${index}].guard`,
            message: unknownId(NOUNS.guard, step.guard, guardIds),
          });
        }
      });
    }
  }

  const byId = <T extends { id: string }>(a: T, b: T) => byCodeUnits(a.id, b.id);
  rules.markers.sort(byId);
  rules.tips.sort(byId);
  rules.guards.sort(byId);
  // One bad file must not ship the others' half of a cross-reference: nothing on any error.
  return errors.length > 0
    ? { rules: { markers: [], tips: [], guards: [] }, errors, files }
    : { rules, errors, files };
}
