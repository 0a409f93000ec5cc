/**
 * Rule helpers without the zod schema. The rules bundle (entrypoints/rules.ts) runs in host pages
 * and reads rules validated at build time (scripts/lib, lib/rules/load.ts), so it must not pull
 * zod in through `lib/rules/schema.ts` (which re-exports these for the build and the background).
 */
import { parseDuration } from '../tour/duration';
import { matchAnyUrlGlob } from '../tour/match';
import type { RuleSet, TipActionKind, Where } from './schema';

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

/** Calendar-aware intervals (`3mo`, `90d`, `12h`); any other interval is a duration (`30m`). */
export const INTERVAL = /^(\d+)(mo|d|h)$/;
/** File sizes such as "10MB" or "800KB". */
export const SIZE = /^(\d+(?:\.\d+)?)\s*(KB|MB)$/i;

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
