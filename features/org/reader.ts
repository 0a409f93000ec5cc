/**
 * Reads statements back from the LRS (xAPI 1.0.3 statements API, GET /statements) for the
 * organisation's evaluation. Framework-free: the 培训管理 page and the benchmark run it as it is.
 *
 * Safety (every URL and answer from outside is hostile):
 * - the endpoint must be https, or http to a loopback address only (lib/url/transport.ts): the
 *   request carries the LRS credentials;
 * - `more` links are followed only when they resolve to the endpoint's own origin (a hostile or
 *   misconfigured LRS cannot send the credentials elsewhere), and at most `maxPages` times;
 * - every request has its own deadline (AbortController), and the whole read is cancellable;
 * - an answer that is not `{ statements: [...] }` stops the read with a clear message.
 */
import { authorizationHeader, statementsUrl, type LrsAuth } from '../xapi/config';
import { isSecureTransport } from '../../lib/url/transport';

export const XAPI_VERSION = '1.0.3';

export interface StatementQuery {
  /** Verb IRI (one per request: the API takes one). */
  verb?: string;
  /** Activity IRI; with `relatedActivities`, also statements whose context names it. */
  activity?: string;
  relatedActivities?: boolean;
  /** Registration UUID (one exam attempt or tour run). */
  registration?: string;
  /** Stored since / until (epoch ms or ISO string), as the API's `since` / `until`. */
  since?: number | string;
  until?: number | string;
  /** Page size asked of the LRS (it may send fewer); default 500. */
  limit?: number;
}

export interface ReaderOptions {
  endpoint: string;
  auth: LrsAuth;
  fetch?: typeof fetch;
  /** Deadline of each request; default 30 s. */
  timeoutMs?: number;
  /** Most pages followed per query; default 2 000 (1 000 000 statements at 500 a page). */
  maxPages?: number;
  signal?: AbortSignal;
  /** Called after each page with the statements read so far by this query. */
  onPage?: (read: number) => void;
}

/** A read that could not finish; `message` is Chinese first, English second. */
export class StatementReadError extends Error {
  override name = 'StatementReadError';
  constructor(
    message: string,
    readonly status: number | null = null,
    /** The connection failed (no HTTP answer): worth one more try. */
    readonly network = false,
  ) {
    super(message);
  }
}

function isoTime(value: number | string): string {
  const date = typeof value === 'number' ? new Date(value) : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new StatementReadError(`时间格式无效 / invalid time: ${String(value)}`);
  return date.toISOString();
}

/** The first page's URL for a query. */
export function queryUrl(endpoint: string, query: StatementQuery): string {
  const url = new URL(statementsUrl(endpoint));
  if (query.verb) url.searchParams.set('verb', query.verb);
  if (query.activity) url.searchParams.set('activity', query.activity);
  if (query.activity && query.relatedActivities) url.searchParams.set('related_activities', 'true');
  if (query.registration) url.searchParams.set('registration', query.registration);
  if (query.since !== undefined) url.searchParams.set('since', isoTime(query.since));
  if (query.until !== undefined) url.searchParams.set('until', isoTime(query.until));
  url.searchParams.set('limit', String(query.limit ?? 500));
  // Oldest first: a trend reads in time order, and paging is stable while statements arrive.
  url.searchParams.set('ascending', 'true');
  return url.toString();
}

/** Checks the endpoint before any credential is sent; throws a readable error. */
export function checkEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new StatementReadError(`学习记录库地址无效 / invalid LRS address: ${endpoint}`);
  }
  if (!isSecureTransport(url))
    throw new StatementReadError(
      '学习记录库地址必须使用 HTTPS（仅本机回环地址可用 HTTP）/ the LRS address must use HTTPS (plain HTTP only to a loopback address)',
    );
  return url;
}

/** Where a `more` link leads, or null when it leaves the endpoint's origin (not followed). */
export function resolveMore(more: unknown, endpoint: URL): string | null {
  if (typeof more !== 'string' || more === '') return null;
  let next: URL;
  try {
    next = new URL(more, endpoint);
  } catch {
    return null;
  }
  return next.origin === endpoint.origin ? next.toString() : null;
}

function describeStatus(status: number): string {
  if (status === 401 || status === 403)
    return `学习记录库拒绝了读取凭据（HTTP ${status}），请使用有读取权限的密钥 / the LRS refused the credentials for reading (HTTP ${status}); use a key with read scope`;
  if (status === 404)
    return `该地址下没有 xAPI 接口（HTTP 404）/ no xAPI statements API at this address (HTTP 404)`;
  return `学习记录库返回 HTTP ${status} / the LRS answered HTTP ${status}`;
}

/** Milliseconds of a statement's `stored`, or null when it has none the reader can use. */
function storedMs(statement: unknown): number | null {
  if (typeof statement !== 'object' || statement === null) return null;
  const stored = (statement as { stored?: unknown }).stored;
  if (typeof stored !== 'string') return null;
  const ms = Date.parse(stored);
  return Number.isNaN(ms) ? null : ms;
}

function statementId(statement: unknown): string | null {
  if (typeof statement !== 'object' || statement === null) return null;
  const id = (statement as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

/**
 * Every statement matching `query`, oldest stored first. Statements are returned as the LRS sent
 * them (`unknown`): the evaluation reads them defensively.
 *
 * Paging: while there is more, the next page is asked as a new query `since` the last page's
 * newest `stored` time (keyset paging on `stored`, which the xAPI API filters and sorts by), not
 * through the LRS's `more` cursor. Reason: a cursor is the LRS's own affair and can be wrong —
 * Learning Locker's `xapi-statements` with in-memory models (the test LRS) sorts by `stored` but
 * continues after `_id > cursor` with time-based UUIDs whose text order wraps every ~7 minutes, so
 * its `more` chain repeats pages (and skips others) once a store spans a wrap (bench/README.md).
 * A `since` query is answered the same by every LRS. The statements stored in the boundary
 * millisecond are asked again (`since` is exclusive and an LRS may keep sub-millisecond times) and
 * dropped by id, so nothing is returned twice; a page that cannot advance (all of it stored in
 * one millisecond) is asked again twice as large. The LRS's `more` link is followed (same origin
 * only) only when keyset paging cannot work: statements without a usable `stored`, an order that
 * is not ascending, or an LRS that caps its page size below one millisecond's statements.
 */
export async function readStatements(
  options: ReaderOptions,
  query: StatementQuery = {},
): Promise<unknown[]> {
  const endpoint = checkEndpoint(options.endpoint);
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxPages = options.maxPages ?? 2_000;
  const headers = {
    'X-Experience-API-Version': XAPI_VERSION,
    Authorization: authorizationHeader(options.auth),
    Accept: 'application/json',
  };
  const all: unknown[] = [];
  /** Since (ms) of the current keyset query; undefined: the query's own `since`. */
  let since: number | undefined =
    query.since === undefined ? undefined : Date.parse(isoTime(query.since));
  /** Ids read whose `stored` is at or after `since`: they may come again and are dropped. */
  let boundary = new Map<string, number>();
  const baseLimit = query.limit ?? 500;
  let limit = baseLimit;
  let url: string | null = queryUrl(options.endpoint, query);
  for (let page = 0; url !== null; page += 1) {
    if (page >= maxPages)
      throw new StatementReadError(
        `分页超过 ${maxPages} 页，已停止读取，请缩小时间范围 / more than ${maxPages} pages: narrow the time range`,
      );
    options.signal?.throwIfAborted();
    const pageUrl: string = url;
    const body = await fetchPage(doFetch, pageUrl, headers, timeoutMs, options.signal).catch(
      async (error: unknown) => {
        // A GET is safe to repeat: one more try after a connection-level failure (a keep-alive
        // connection the server closed as it was reused, a proxy hiccup); never after a refusal,
        // a timeout or a cancel.
        if (!(error instanceof StatementReadError) || !error.network) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
        options.signal?.throwIfAborted();
        return fetchPage(doFetch, pageUrl, headers, timeoutMs, options.signal);
      },
    );
    const statements = (body as { statements?: unknown }).statements;
    if (!Array.isArray(statements))
      throw new StatementReadError(
        '学习记录库的回答不是语句列表 / the LRS answer is not a statement result',
      );
    let ascending = true;
    let newest: number | null = null;
    for (const statement of statements) {
      const ms = storedMs(statement);
      if (ms === null || (newest !== null && ms < newest)) ascending = false;
      else newest = ms;
      const id = statementId(statement);
      if (id !== null && boundary.has(id)) continue;
      all.push(statement);
      if (id !== null && ms !== null) boundary.set(id, ms);
    }
    options.onPage?.(all.length);
    const more = (body as { more?: unknown }).more;
    if (typeof more !== 'string' || more === '') break;
    // Next keyset query: since one millisecond before the newest stored time read, so that the
    // rest of that millisecond comes too (the ids already read are dropped).
    const next = ascending && newest !== null ? newest - 1 : null;
    if (next !== null && (since === undefined || next > since)) {
      since = next;
      const keep = new Map<string, number>();
      for (const [id, ms] of boundary) if (ms > next) keep.set(id, ms);
      boundary = keep;
      limit = baseLimit;
      url = queryUrl(options.endpoint, { ...query, since: next, limit });
      continue;
    }
    // A full page within one millisecond: the same query with a larger page, while the LRS
    // gives what is asked (an LRS may cap its page size).
    if (next !== null && statements.length >= limit && limit < baseLimit * 64) {
      limit *= 2;
      url = queryUrl(options.endpoint, {
        ...query,
        ...(since === undefined ? {} : { since }),
        limit,
      });
      continue;
    }
    url = resolveMore(more, endpoint);
    // A `more` that leaves the LRS is not followed; say so rather than return half the data.
    if (url === null)
      throw new StatementReadError(
        `学习记录库的分页链接指向其他地址，已拒绝跟随 / the LRS's "more" link leaves its origin and was not followed: ${more}`,
      );
  }
  return all;
}

async function fetchPage(
  doFetch: typeof fetch,
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs);
  try {
    let response: Response;
    try {
      response = await doFetch(url, { method: 'GET', headers, signal: controller.signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      if (controller.signal.aborted)
        throw new StatementReadError(
          `学习记录库 ${timeoutMs / 1000} 秒内没有回答 / the LRS did not answer within ${timeoutMs / 1000} s`,
        );
      const cause =
        error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new StatementReadError(
        `无法连接学习记录库 / cannot connect to the LRS (${error instanceof Error ? error.message : String(error)}${cause})`,
        null,
        true,
      );
    }
    if (!response.ok)
      throw new StatementReadError(describeStatus(response.status), response.status);
    try {
      return (await response.json()) as unknown;
    } catch (error) {
      if (controller.signal.aborted && !signal?.aborted)
        throw new StatementReadError(
          `学习记录库 ${timeoutMs / 1000} 秒内没有回答完 / the LRS did not finish answering within ${timeoutMs / 1000} s`,
        );
      throw new StatementReadError(
        `学习记录库的回答不是 JSON / the LRS answer is not JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
