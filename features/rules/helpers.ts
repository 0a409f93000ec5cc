/**
 * Rule helpers without the zod schema. The rules bundle (entrypoints/rules.ts) runs in host pages
 * and reads rules validated at build time (scripts/lib, features/rules/load.ts), so it must not pull
 * zod in through `features/rules/schema.ts` (which re-exports these for the build and the background).
 */
import { parseDuration } from '../tour/duration';
import { matchAnyUrlGlob } from '../tour/match';
import { INTERVAL, SIZE } from './patterns';
import type { RuleSet, TipActionKind, TipRule, Where } from './schema';

/** The actions of a `where`, as a list. */
export function whereActions(where: Where): TipActionKind[] {
  return Array.isArray(where.action) ? where.action : [where.action];
}

/** The URL globs as a list (`undefined`: every page). */
export function globList(
  globs: string | readonly string[] | undefined,
): readonly string[] | undefined {
  return globs === undefined ? undefined : typeof globs === 'string' ? [globs] : globs;
}

/** China Standard Time: calendar days and months are counted where the learners are. */
export const CST_OFFSET_MS = 8 * 3_600_000;

/**
 * `from` plus an interval. Months are calendar months (31 Jan + 1mo = 28/29 Feb, clamped), so
 * "3 months after the last password change" means what a person expects.
 */
export function addInterval(from: number, interval: string): number {
  const match = INTERVAL.exec(interval);
  if (!match) return from + parseDuration(interval);
  const amount = Number(match[1]);
  const unit = match[2];
  if (unit === 'h') return from + amount * 3_600_000;
  if (unit === 'd') return from + amount * 86_400_000;
  // Calendar arithmetic in China Standard Time (UTC+8, no daylight saving), where the learners are.
  const date = new Date(from + CST_OFFSET_MS);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + amount);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime() - CST_OFFSET_MS;
}

/** Bytes in a size such as "10MB" or "800KB" (binary units, as lib/validators/attachment.ts). */
export function parseSize(size: string): number {
  const match = SIZE.exec(size);
  if (!match) throw new RangeError(`not a size: ${size}`);
  const unit = (match[2] ?? '').toUpperCase();
  return Math.round(Number(match[1]) * (unit === 'MB' ? 1024 * 1024 : 1024));
}

/**
 * Whether the page at `url` needs the rules watcher (entrypoints/rules.ts): a marker to spot, a
 * guard of its own, or a tip that can fire there on a page action (`page-open`, `marker`,
 * `copy`, `export`, `submit`). Tips that fire only on the extension's first run, and guards that
 * only run during a tour step naming them, load the watcher when that happens instead.
 */
export function rulesApplyTo(rules: RuleSet, url: string): boolean {
  const on = (globs: string | readonly string[] | undefined) => {
    const list = globList(globs);
    return list === undefined || matchAnyUrlGlob(list, url);
  };
  if (rules.markers.some((marker) => on(marker.url))) return true;
  if (rules.guards.some((guard) => guard.pages !== undefined && on(guard.pages))) return true;
  return rules.tips.some(
    (tip) => on(tip.where.url) && whereActions(tip.where).some((action) => action !== 'first-run'),
  );
}

/** What the rules need on the page at `url`: see {@link pageRules}. */
export interface PageRules {
  /** A page-specific rule applies: load the rules watcher at idle (as {@link rulesApplyTo}). */
  load: boolean;
  /** Otherwise, what the content script watches itself before loading it (null: nothing). */
  triggers: RuleTriggers | null;
  /**
   * Tips for every page that fire on `page-open` without a marker (e.g. the password reminder):
   * the background loads the watcher only if one would be shown now (features/rules/background/service.ts).
   */
  pageOpenTips: TipRule[];
}

/** A marker whose URL is every page (`*` or none): checked by the content script's triggers. */
function everyPage(globs: string | readonly string[] | undefined): boolean {
  const list = globList(globs);
  return list === undefined || list.includes('*');
}

/**
 * Splits what applies at `url` into page-specific rules (markers or guards of this page, tips with
 * a URL or needing a marker watched continuously: the watcher loads at idle) and global triggers
 * the content script can watch without the watcher: copy, clicks on controls (export/submit tips
 * for every page) and text-only markers for every page. Same rules as {@link rulesApplyTo}:
 * `load || triggers !== null || pageOpenTips.length > 0` exactly when it returns true.
 */
export function pageRules(rules: RuleSet, url: string): PageRules {
  const on = (globs: string | readonly string[] | undefined) => {
    const list = globList(globs);
    return list === undefined || matchAnyUrlGlob(list, url);
  };
  let load = false;
  const triggers: RuleTriggers = { copy: false, click: false, markerTexts: [] };
  const cheapMarkers = new Map<string, string>();
  for (const marker of rules.markers) {
    if (!on(marker.url)) continue;
    const present = marker.present as unknown as Record<string, unknown>;
    const textOnly =
      typeof present.text === 'string' &&
      Object.keys(present).every((key) => key === 'text' || key === 'exact');
    if (everyPage(marker.url) && textOnly) cheapMarkers.set(marker.id, present.text as string);
    // A marker of this page (密码修改成功 after the form is sent) is watched as the DOM changes.
    else load = true;
  }
  if (rules.guards.some((guard) => guard.pages !== undefined && on(guard.pages))) load = true;
  const pageOpenTips: TipRule[] = [];
  for (const tip of rules.tips) {
    if (!on(tip.where.url)) continue;
    for (const action of whereActions(tip.where)) {
      if (action === 'first-run') continue;
      if (action === 'copy') triggers.copy = true;
      else if (action === 'export' || action === 'submit') triggers.click = true;
      // A tip waiting for a marker: the markers loop above decided how that marker is watched.
      else if (tip.where.marker === undefined) {
        if (action === 'marker' || tip.where.url !== undefined) load = true;
        else if (!pageOpenTips.includes(tip)) pageOpenTips.push(tip);
      }
    }
  }
  triggers.markerTexts = [...new Set(cheapMarkers.values())];
  const any = triggers.copy || triggers.click || triggers.markerTexts.length > 0;
  return { load, triggers: any ? triggers : null, pageOpenTips };
}

/**
 * Triggers the content script itself watches on a page where no page-specific rule applies, so the
 * rules bundle (rules.js) is loaded only when one fires (hello reply, `ruleTriggers`):
 * - `copy`: a copy tip applies here; the first `copy` loads rules.js and is handed to its watcher;
 * - `click`: an export/submit tip applies here; the first click on a control does the same;
 * - `markerTexts`: texts of the markers that apply on every page (`无权限访问`); when the page
 *   holds one (page open, route change, once at idle), rules.js is loaded to check it properly.
 */
export interface RuleTriggers {
  copy: boolean;
  click: boolean;
  markerTexts: string[];
}
