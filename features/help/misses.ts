/**
 * Help searches that found nothing, kept in the extension database (table `searchMisses`) so
 * trainers can see which questions the help content does not answer yet (options page). Written by
 * the popup, read and cleared by the options page; nothing leaves the computer.
 */
import type { EntityTable } from 'dexie';
import type { SearchMissRecord } from './records';
import { redactUrl } from '../../lib/privacy/url';
import { scrubPersonalData } from '../../lib/privacy/personal-data';
import { MAX_QUERY_LENGTH } from './search-index';

/** The same query recorded again within this time counts once (typing pauses, reopened popup). */
export const MISS_DEDUPE_MS = 10 * 60_000;

export type SearchMissTable = EntityTable<SearchMissRecord, 'id'>;

/**
 * What is stored of a query: trimmed, inner whitespace collapsed, at most the searched length, and
 * scrubbed of personal data (someone may paste an ID or phone number into the search box).
 */
export function missQuery(query: string): string {
  const text = query.trim().replace(/\s+/g, ' ').slice(0, MAX_QUERY_LENGTH);
  return scrubPersonalData(text).text;
}

/**
 * Records a query that found nothing. Empty queries are ignored, and so is the same query within
 * {@link MISS_DEDUPE_MS} of its last record. Returns whether a record was added.
 */
export async function recordSearchMiss(
  table: SearchMissTable,
  query: string,
  pageUrl: string | null,
  now: number,
): Promise<boolean> {
  const text = missQuery(query);
  if (!text) return false;
  const last = await table.where('query').equals(text).reverse().sortBy('at');
  const latest = last[0];
  if (latest && now - latest.at < MISS_DEDUPE_MS) return false;
  await table.add({ query: text, at: now, url: pageUrl === null ? null : redactUrl(pageUrl) });
  return true;
}

/** One row of the trainers' list: a query, how often it found nothing, and when last. */
export interface SearchMissSummary {
  query: string;
  count: number;
  firstAt: number;
  lastAt: number;
  /** Pages it was searched from (redacted), most recent first, without repeats. */
  pages: string[];
}

/** Misses grouped by query, most frequent first, then most recent. */
export function summarizeSearchMisses(records: readonly SearchMissRecord[]): SearchMissSummary[] {
  const byQuery = new Map<string, SearchMissSummary>();
  for (const record of [...records].sort((a, b) => b.at - a.at)) {
    const entry = byQuery.get(record.query) ?? {
      query: record.query,
      count: 0,
      firstAt: record.at,
      lastAt: record.at,
      pages: [],
    };
    entry.count += 1;
    entry.firstAt = Math.min(entry.firstAt, record.at);
    entry.lastAt = Math.max(entry.lastAt, record.at);
    if (record.url && !entry.pages.includes(record.url)) entry.pages.push(record.url);
    byQuery.set(record.query, entry);
  }
  return [...byQuery.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
}

function csvCell(value: string | number): string {
  const text = String(value);
  // Formula-looking cells are defused for spreadsheet programs (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV of the summary (UTF-8 with a byte order mark, so Excel shows Chinese correctly); times
 * ISO 8601 UTC.
 */
export function searchMissesCsv(summary: readonly SearchMissSummary[]): string {
  const rows = [
    ['query', 'count', 'firstAt', 'lastAt', 'pages'],
    ...summary.map((entry) => [
      entry.query,
      entry.count,
      new Date(entry.firstAt).toISOString(),
      new Date(entry.lastAt).toISOString(),
      entry.pages.join(' '),
    ]),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Retention (app/background/retention.ts): deletes misses recorded before `before` (epoch ms). */
export function pruneSearchMisses(table: SearchMissTable, before: number): Promise<number> {
  return table.where('at').below(before).delete();
}
