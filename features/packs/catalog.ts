/**
 * The content in force: the bundled content (validated at build time) and that of the applied
 * packs. For every kind the rule is the one tours always had: a pack item with the id of a bundled
 * one (or of an earlier pack's) replaces it, ids stay stable, and packs are applied in order of
 * their id, the newest version of each id only.
 *
 * - tours: a pack can retire a tour (`retire`) or rename one (`renames`: the old id is retired,
 *   the new one is the pack's; progress follows, ./migrate.ts);
 * - help articles, quizzes: replaced or added by id;
 * - compliance rules: markers, tips and guards replaced or added by id, each kind on its own;
 * - checklists: a pack that carries checklists replaces the whole set (a checklist is an ordered
 *   list per role, merging two would give an order nobody wrote); items follow renames and an item
 *   whose tour is no longer in force is left out.
 *
 * Pure: the background keeps the result as live lists (./background/setup.ts), extension pages
 * compute the same from their bundled copies and the packs the background sends
 * (./views/use-pack-content.ts).
 */
import type { Checklists, ChecklistItem } from '../checklist/schema';
import type { HelpArticle } from '../help/schema';
import type { QuizFile } from '../quiz/schema';
import type { RuleSet } from '../rules/schema';
import type { Tour } from '../tour/schema';
import type { PackContent } from './validate';

/** The newest version of each pack id, in id order. */
export function newestPacks(packs: readonly PackContent[]): PackContent[] {
  const byId = new Map<string, PackContent>();
  for (const pack of packs) {
    const current = byId.get(pack.id);
    if (!current || pack.version > current.version) byId.set(pack.id, pack);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function mergeTours(
  bundled: readonly Tour[],
  packs: readonly PackContent[],
  prepare?: (tour: Tour) => Tour,
): Tour[];
/** Tours as a page holds them (a subset of the fields): pack tours are full tours, which fit. */
export function mergeTours<T extends { id: string }>(
  bundled: readonly T[],
  packs: readonly PackContent[],
  prepare?: (tour: Tour) => T,
): (T | Tour)[];
export function mergeTours<T extends { id: string }>(
  bundled: readonly T[],
  packs: readonly PackContent[],
  prepare: (tour: Tour) => T | Tour = (tour) => tour,
): (T | Tour)[] {
  const byId = new Map<string, T | Tour>(bundled.map((tour) => [tour.id, tour]));
  for (const pack of newestPacks(packs)) {
    for (const id of [...pack.retire, ...Object.keys(pack.renames)]) byId.delete(id);
    for (const tour of pack.tours) byId.set(tour.id, prepare(tour));
  }
  return [...byId.values()];
}

/** `base` with `updates` applied by id: same id replaces in place, a new id is appended. */
export function mergeById<T extends { id: string }>(
  base: readonly T[],
  updates: readonly (readonly T[])[],
): T[] {
  const byId = new Map<string, T>(base.map((item) => [item.id, item]));
  for (const list of updates) for (const item of list) byId.set(item.id, item);
  return [...byId.values()];
}

/** Every pack's renames, old id → new id (a later pack's entry wins for the same old id). */
export function packRenames(packs: readonly PackContent[]): Record<string, string> {
  const renames: Record<string, string> = {};
  for (const pack of newestPacks(packs)) Object.assign(renames, pack.renames);
  return renames;
}

export function mergeHelp(
  bundled: readonly HelpArticle[],
  packs: readonly PackContent[],
): HelpArticle[] {
  return mergeById(
    bundled,
    newestPacks(packs).map((pack) => pack.help),
  );
}

export function mergeQuizzes(
  bundled: readonly QuizFile[],
  packs: readonly PackContent[],
): QuizFile[] {
  return mergeById(
    bundled,
    newestPacks(packs).map((pack) => pack.quizzes),
  );
}

export function mergeRules(bundled: RuleSet, packs: readonly PackContent[]): RuleSet {
  const files = newestPacks(packs).flatMap((pack) => pack.rules);
  return {
    markers: mergeById(
      bundled.markers,
      files.map((file) => file.markers ?? []),
    ),
    tips: mergeById(
      bundled.tips,
      files.map((file) => file.tips ?? []),
    ),
    guards: mergeById(
      bundled.guards,
      files.map((file) => file.guards ?? []),
    ),
  };
}

/**
 * The checklists in force: the last pack (in id order) that carries checklists, else the bundled
 * ones; items renamed to their new id, and only tours in force (`tourIds`) kept, once each.
 */
export function mergeChecklists(
  bundled: Checklists,
  packs: readonly PackContent[],
  tourIds: ReadonlySet<string>,
): Checklists {
  let chosen = bundled;
  for (const pack of newestPacks(packs)) if (pack.checklists) chosen = pack.checklists;
  const renames = packRenames(packs);
  const out = {} as Checklists;
  for (const [role, items] of Object.entries(chosen) as [keyof Checklists, ChecklistItem[]][]) {
    const seen = new Set<string>();
    out[role] = [];
    for (const item of items) {
      const tourId = renames[item.tourId] ?? item.tourId;
      if (!tourIds.has(tourId) || seen.has(tourId)) continue;
      seen.add(tourId);
      out[role].push(tourId === item.tourId ? item : { ...item, tourId });
    }
  }
  return out;
}

/** Everything a build bundles that packs can change. */
export interface ContentSet {
  tours: Tour[];
  help: HelpArticle[];
  rules: RuleSet;
  quizzes: QuizFile[];
  checklists: Checklists;
}

/** The content in force, every kind (see the module comment for the rules). */
export function mergeContent(
  bundled: Readonly<ContentSet>,
  packs: readonly PackContent[],
  prepare?: (tour: Tour) => Tour,
): ContentSet {
  const tours = mergeTours(bundled.tours, packs, prepare);
  return {
    tours,
    help: mergeHelp(bundled.help, packs),
    rules: mergeRules(bundled.rules, packs),
    quizzes: mergeQuizzes(bundled.quizzes, packs),
    checklists: mergeChecklists(bundled.checklists, packs, new Set(tours.map((tour) => tour.id))),
  };
}

/**
 * Makes `target` hold what `next` holds, keeping every array and object identity: services were
 * handed these objects once (the rules service, the quiz routes, the tour sessions) and read them
 * at each message, so a pack applies without anyone being rebuilt.
 */
export function replaceContentInPlace(target: ContentSet, next: ContentSet): void {
  target.tours.splice(0, target.tours.length, ...next.tours);
  target.help.splice(0, target.help.length, ...next.help);
  target.quizzes.splice(0, target.quizzes.length, ...next.quizzes);
  target.rules.markers.splice(0, target.rules.markers.length, ...next.rules.markers);
  target.rules.tips.splice(0, target.rules.tips.length, ...next.rules.tips);
  target.rules.guards.splice(0, target.rules.guards.length, ...next.rules.guards);
  for (const role of Object.keys(target.checklists) as (keyof Checklists)[]) {
    if (!(role in next.checklists)) delete target.checklists[role];
  }
  Object.assign(target.checklists, next.checklists);
}

/** A copy whose lists can be updated in place without touching the bundled ones. */
export function copyContent(content: Readonly<ContentSet>): ContentSet {
  return {
    tours: [...content.tours],
    help: [...content.help],
    rules: {
      markers: [...content.rules.markers],
      tips: [...content.rules.tips],
      guards: [...content.rules.guards],
    },
    quizzes: [...content.quizzes],
    checklists: { ...content.checklists },
  };
}
