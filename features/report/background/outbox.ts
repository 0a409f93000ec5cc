/**
 * The report outbox: reports are written to IndexedDB first, then delivered to the endpoint an
 * administrator configured, with retries. No timers live here: the background calls
 * {@link ReportOutbox.deliverDue} from a `chrome.alarms` alarm (and right after a report is added)
 * and sets the next alarm at {@link ReportOutbox.nextWakeAt} (see features/report/background/alarm.ts). Retry timing,
 * Retry-After and the give-up rule are the shared outbox library's (lib/platform/outbox).
 *
 * Guarantees:
 * - All state is in IndexedDB, so a stopped service worker or a closed browser loses nothing.
 * - An attempt first takes a lease (status `sending`, `dueAt` = lease expiry = timeout + margin) in
 *   a transaction, so two concurrent runs never send the same report at once, and an attempt whose
 *   worker died becomes due again when the lease expires.
 * - Every attempt carries `Idempotency-Key: <report id>`; the receiver stores a key once, so a
 *   resend after a lost response is harmless. A report already `sent` is never sent again.
 * - Nothing is sent while no valid endpoint is configured: reports added then stay `local`.
 *
 * Outcomes of one attempt:
 * | answer                                   | result                                          |
 * | ---------------------------------------- | ----------------------------------------------- |
 * | 2xx                                      | `sent`                                          |
 * | 408, 409, 429, 5xx, timeout, network     | `queued` with backoff (429/503: not before Retry-After); `failed` when attempts or age run out |
 * | other 4xx, 3xx                           | `failed` at once, with status and server message |
 * 409 is retried because idempotency-key servers answer it while the first request with the same
 * key is still being processed.
 */
import type { ReportExportFile } from '../protocol';
import type { EntityTable } from 'dexie';
import {
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  planRetry,
  pruneSettled,
  retriesExhausted,
  type RetryPolicy,
} from '../../../lib/platform/outbox';
import { checkReportEndpoint, type ReportEndpoint } from '../endpoint';
import type { OutboxFailure, OutboxRecord, OutboxStatus } from '../records';
import { OUTBOX_STATUSES } from '../records';
import {
  ProblemReportSchema,
  REPORT_EXPORT_FORMAT,
  REPORT_SCHEMA_VERSION,
  type ProblemReport,
  type ReportExport,
} from '../schema';

/**
 * Report retries: 30 s doubling to 1 h, each delay in [d/2, d] ("equal jitter"), Retry-After
 * honoured up to 6 h; a delivery cycle gives up after 10 attempts or 24 h.
 */
export const REPORT_RETRY_POLICY: RetryPolicy = {
  ...DEFAULT_RETRY_POLICY,
  jitter: { min: 0.5, max: 1 },
  maxAttempts: 10,
  maxAgeMs: 24 * 60 * 60_000,
};

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ReportOutboxOptions {
  /** The outbox table (`database().reportOutbox` in the extension). */
  table: EntityTable<OutboxRecord, 'id'>;
  /** Default: the global `fetch` (Node's in tests works the same). */
  fetch?: FetchLike;
  /**
   * The configured endpoint, read at every add/delivery so policy changes apply at once; `null`
   * when none is configured.
   */
  endpoint: () => ReportEndpoint | null | Promise<ReportEndpoint | null>;
  /**
   * Whether the endpoint is not known yet (the administrator policy has not answered): a report
   * stored meanwhile is queued by the first delivery run that finds an endpoint.
   */
  policyPending?: () => boolean | Promise<boolean>;
  /** Epoch ms; default `Date.now`. Used for times recorded after a send finishes. */
  clock?: () => number;
  /** [0, 1); default `Math.random`. Jitter only. */
  random?: () => number;
  /** Per-attempt timeout, ms. Default 15 000. */
  timeoutMs?: number;
  /** Makes the abort signal of one attempt; default `AbortSignal.timeout`. Tests may inject one. */
  timeoutSignal?: (ms: number) => AbortSignal;
  /** Added to the timeout to get the lease length, ms. Default 60 000. */
  leaseMarginMs?: number;
  /** Parallel sends in one run. Default 4. */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
}

/** What one {@link ReportOutbox.deliverDue} run did. */
export interface DeliveryRun {
  /** Why nothing was attempted, if so. */
  skipped: 'no-endpoint' | 'invalid-endpoint' | null;
  attempted: number;
  sent: number;
  /** Attempts that failed and were queued again. */
  retrying: number;
  /** Reports that ended `failed` in this run. */
  failed: number;
}

const MAX_SERVER_MESSAGE_CHARS = 200;

type AttemptOutcome =
  | { kind: 'sent'; status: number }
  | { kind: 'retry'; failure: Omit<OutboxFailure, 'at'>; retryAfterMs: number | null }
  | { kind: 'permanent'; failure: Omit<OutboxFailure, 'at'> };

export class ReportOutbox {
  private readonly table: EntityTable<OutboxRecord, 'id'>;
  private readonly fetch: FetchLike;
  private readonly endpoint: () => ReportEndpoint | null | Promise<ReportEndpoint | null>;
  private readonly policyPending: () => boolean | Promise<boolean>;
  private readonly clock: () => number;
  private readonly random: () => number;
  private readonly timeoutMs: number;
  private readonly timeoutSignal: (ms: number) => AbortSignal;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly policy: RetryPolicy;

  constructor(options: ReportOutboxOptions) {
    this.table = options.table;
    const fetchImpl = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
    // Called as a plain function: a browser's fetch invoked as a method of another object throws
    // "Illegal invocation".
    this.fetch = (input, init) => fetchImpl(input, init);
    this.endpoint = options.endpoint;
    this.policyPending = options.policyPending ?? (() => false);
    this.clock = options.clock ?? Date.now;
    this.random = options.random ?? Math.random;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.timeoutSignal = options.timeoutSignal ?? ((ms) => AbortSignal.timeout(ms));
    this.leaseMs = this.timeoutMs + (options.leaseMarginMs ?? 60_000);
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.policy = { ...REPORT_RETRY_POLICY, ...options.retry };
  }

  /**
   * Stores a report: `queued` (due now) when a valid endpoint is configured, else `local`.
   * Validates it against the schema (throws a ZodError if invalid). Adding an id that is already
   * stored changes nothing and returns the stored record.
   */
  async add(report: ProblemReport, now = this.clock()): Promise<OutboxRecord> {
    const parsed = ProblemReportSchema.parse(report);
    const deliverable = (await this.usableEndpoint()) !== null;
    const awaitingPolicy = !deliverable && (await this.policyPending());
    return this.transaction(async () => {
      const existing = await this.table.get(parsed.id);
      if (existing) return existing;
      const record: OutboxRecord = {
        id: parsed.id,
        createdAt: now,
        updatedAt: now,
        status: deliverable ? 'queued' : 'local',
        report: parsed,
        attempts: 0,
        cycleStartedAt: deliverable ? now : null,
        ...(deliverable ? { dueAt: now } : {}),
        ...(awaitingPolicy ? { awaitingPolicy: true as const } : {}),
      };
      await this.table.add(record);
      return record;
    });
  }

  /**
   * Attempts every report that is due at `now`: `queued` ones whose next attempt has come and
   * `sending` ones whose lease expired (their worker died mid-send). Resolves when all attempts of
   * this run have an outcome recorded. Does nothing without a valid endpoint.
   */
  async deliverDue(now = this.clock()): Promise<DeliveryRun> {
    const run: DeliveryRun = { skipped: null, attempted: 0, sent: 0, retrying: 0, failed: 0 };
    const endpoint = await this.endpoint();
    if (!endpoint) return { ...run, skipped: 'no-endpoint' };
    const check = checkReportEndpoint(endpoint.url);
    if (!check.ok) return { ...run, skipped: 'invalid-endpoint' };
    await this.queueAwaitingPolicy(now);

    const due = await this.table.where('dueAt').belowOrEqual(now).primaryKeys();
    // Leases taken "in the future" mean the system clock was set back since; they would otherwise
    // block their reports for as long as the clock moved.
    const backdated = await this.table
      .where('status')
      .equals('sending')
      .filter((record) => this.isBackdated(record, now))
      .primaryKeys();
    const pending = [...new Set([...due, ...backdated])];
    const worker = async () => {
      for (let id = pending.shift(); id !== undefined; id = pending.shift()) {
        await this.attempt(id, now, endpoint.token, check.url.href, run);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, pending.length) }, worker));
    return run;
  }

  /** Reports stored while the policy was unknown: an endpoint exists now, so they go out. */
  private async queueAwaitingPolicy(now: number): Promise<void> {
    await this.transaction(async () => {
      const waiting = await this.table
        .where('status')
        .equals('local')
        .filter((record) => record.awaitingPolicy === true)
        .toArray();
      for (const record of waiting) {
        const { awaitingPolicy: _awaiting, ...rest } = record;
        await this.table.put({
          ...rest,
          status: 'queued',
          attempts: 0,
          cycleStartedAt: now,
          dueAt: now,
          updatedAt: now,
        });
      }
    });
  }

  /**
   * When {@link deliverDue} next has work: the earliest next attempt or lease expiry, in epoch ms
   * (may be in the past: then as soon as possible); `null` when nothing is waiting or no valid
   * endpoint is configured (call it again when the policy changes).
   */
  async nextWakeAt(): Promise<number | null> {
    if ((await this.usableEndpoint()) === null) return null;
    const first = await this.table.orderBy('dueAt').first();
    return first?.dueAt ?? null;
  }

  /**
   * Manual retry (the user's 重新发送) of `failed` reports, and sending of `local` ones once an
   * endpoint exists: they become `queued`, due now, with a fresh attempt budget. Without a valid
   * endpoint they become (or stay) `local`. Other statuses are left alone. Returns the records of
   * the given ids as they are afterwards (missing ids are skipped).
   */
  async retry(ids: readonly string[], now = this.clock()): Promise<OutboxRecord[]> {
    const deliverable = (await this.usableEndpoint()) !== null;
    return this.transaction(async () => {
      const out: OutboxRecord[] = [];
      for (const record of await this.table.bulkGet([...ids])) {
        if (!record) continue;
        if (record.status !== 'failed' && record.status !== 'local') {
          out.push(record);
          continue;
        }
        const { dueAt: _dueAt, lease: _lease, lastError: _lastError, ...rest } = record;
        const updated: OutboxRecord = deliverable
          ? {
              ...rest,
              status: 'queued',
              attempts: 0,
              cycleStartedAt: now,
              dueAt: now,
              updatedAt: now,
            }
          : { ...rest, status: 'local', attempts: 0, cycleStartedAt: null, updatedAt: now };
        await this.table.put(updated);
        out.push(updated);
      }
      return out;
    });
  }

  async get(id: string): Promise<OutboxRecord | undefined> {
    return this.table.get(id);
  }

  /** Newest first; `limit` default 50. */
  async list(
    options: { limit?: number; statuses?: readonly OutboxStatus[] } = {},
  ): Promise<OutboxRecord[]> {
    const statuses = options.statuses;
    let collection = this.table.orderBy('createdAt').reverse();
    if (statuses) collection = collection.filter((record) => statuses.includes(record.status));
    return collection.limit(options.limit ?? 50).toArray();
  }

  /** How many reports are in each status (for a badge or the popup's summary). */
  async counts(): Promise<Record<OutboxStatus, number>> {
    const entries = await Promise.all(
      OUTBOX_STATUSES.map(
        async (status) =>
          [status, await this.table.where('status').equals(status).count()] as const,
      ),
    );
    return Object.fromEntries(entries) as Record<OutboxStatus, number>;
  }

  /** Deletes reports (the user's 删除). An attempt in flight for one of them records nothing. */
  async remove(ids: readonly string[]): Promise<void> {
    await this.table.bulkDelete([...ids]);
  }

  /** Deletes `sent` reports delivered before `before` (epoch ms); returns how many. */
  async pruneSent(before: number): Promise<number> {
    return this.table
      .where('status')
      .equals('sent')
      .filter((record) => (record.sentAt ?? 0) < before)
      .delete();
  }

  /**
   * One JSON file ({@link ReportExport}) with the given reports, or all stored reports when `ids`
   * is omitted, oldest first; marks them `exportedAt`. Sending status is not changed: exporting a
   * `local` report does not mean it arrived anywhere.
   */
  async exportReports(ids?: readonly string[], now = this.clock()): Promise<ReportExportFile> {
    return this.transaction(async () => {
      const records = ids
        ? (await this.table.bulkGet([...ids])).filter((record) => record !== undefined)
        : await this.table.orderBy('createdAt').toArray();
      records.sort((a, b) => a.createdAt - b.createdAt);
      await this.table.bulkPut(records.map((record) => ({ ...record, exportedAt: now })));
      const file: ReportExport = {
        format: REPORT_EXPORT_FORMAT,
        schemaVersion: REPORT_SCHEMA_VERSION,
        exportedAt: new Date(now).toISOString(),
        reports: records.map((record) => record.report),
      };
      const stamp = new Date(now).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
      return {
        filename: `zhiyin-reports-${stamp}Z.json`,
        mimeType: 'application/json',
        text: `${JSON.stringify(file, null, 2)}\n`,
        count: records.length,
      };
    });
  }

  private async usableEndpoint(): Promise<ReportEndpoint | null> {
    const endpoint = await this.endpoint();
    return endpoint && checkReportEndpoint(endpoint.url).ok ? endpoint : null;
  }

  private transaction<T>(body: () => Promise<T>): Promise<T> {
    return this.table.db.transaction('rw', this.table, body);
  }

  private async attempt(
    id: string,
    now: number,
    token: string,
    url: string,
    run: DeliveryRun,
  ): Promise<void> {
    const claimed = await this.claim(id, now);
    if (claimed === 'failed') {
      run.failed += 1;
      return;
    }
    if (!claimed) return;
    run.attempted += 1;
    const outcome = await this.send(claimed.report, token, url);
    const finished = Math.max(now, this.clock());
    const result = await this.record(claimed, outcome, finished);
    if (result) run[result] += 1;
  }

  /**
   * Takes the lease on a due report. An expired lease means the previous attempt's worker died
   * before recording an outcome; that attempt counts, and the report is resent with the same key.
   */
  private async claim(id: string, now: number): Promise<OutboxRecord | 'failed' | null> {
    return this.transaction(async () => {
      const record = await this.table.get(id);
      if (!record || record.dueAt === undefined) return null;
      if (record.dueAt > now && !this.isBackdated(record, now)) return null;
      if (record.status !== 'queued' && record.status !== 'sending') return null;
      let lastError = record.lastError;
      if (record.status === 'sending') {
        lastError = {
          kind: 'interrupted',
          message: '上次发送未完成（浏览器关闭或扩展重启），已自动重发',
          at: now,
        };
        if (this.outOfBudget(record, now)) {
          await this.table.put(this.failedRecord(record, lastError, now));
          return 'failed';
        }
      }
      // A long run started at `now`; the lease must cover this attempt from when it really starts.
      const startedAt = Math.max(now, this.clock());
      const claimed: OutboxRecord = {
        ...record,
        status: 'sending',
        lease: crypto.randomUUID(),
        attempts: record.attempts + 1,
        lastAttemptAt: startedAt,
        dueAt: startedAt + this.leaseMs,
        updatedAt: now,
        ...(lastError ? { lastError } : {}),
      };
      await this.table.put(claimed);
      return claimed;
    });
  }

  /**
   * A `sending` lease taken more than a lease length after `now`: the system clock was set back
   * since. (Runs a few ms apart — popup and background — must not count: that would double-send.)
   */
  private isBackdated(record: OutboxRecord, now: number): boolean {
    return record.status === 'sending' && (record.lastAttemptAt ?? 0) > now + this.leaseMs;
  }

  private outOfBudget(record: OutboxRecord, nextAttemptAt: number): boolean {
    const started = record.cycleStartedAt ?? record.createdAt;
    return retriesExhausted(record.attempts, started, nextAttemptAt, this.policy);
  }

  private failedRecord(record: OutboxRecord, failure: OutboxFailure, now: number): OutboxRecord {
    const { dueAt: _dueAt, lease: _lease, ...rest } = record;
    return { ...rest, status: 'failed', lastError: failure, updatedAt: now };
  }

  private async record(
    claimed: OutboxRecord,
    outcome: AttemptOutcome,
    now: number,
  ): Promise<'sent' | 'retrying' | 'failed' | null> {
    return this.transaction(async () => {
      const current = await this.table.get(claimed.id);
      if (!current) return null;
      if (outcome.kind === 'sent') {
        // The server has it, whoever holds the lease now.
        if (current.status === 'sent') return null;
        const { dueAt: _dueAt, lease: _lease, lastError: _lastError, ...rest } = current;
        await this.table.put({
          ...rest,
          status: 'sent',
          sentAt: now,
          sentStatus: outcome.status,
          updatedAt: now,
        });
        return 'sent';
      }
      // Another run took over after our lease expired: its outcome is the one that counts.
      if (current.status !== 'sending' || current.lease !== claimed.lease) return null;
      const failure: OutboxFailure = { ...outcome.failure, at: now };
      if (outcome.kind === 'permanent') {
        await this.table.put(this.failedRecord(current, failure, now));
        return 'failed';
      }
      const plan = planRetry(
        {
          attempts: current.attempts,
          cycleStartedAt: current.cycleStartedAt ?? current.createdAt,
          failedAt: now,
          retryAfterMs: outcome.retryAfterMs,
        },
        this.policy,
        this.random,
      );
      if (plan.kind === 'give-up') {
        await this.table.put(this.failedRecord(current, failure, now));
        return 'failed';
      }
      const { lease: _lease, ...rest } = current;
      await this.table.put({
        ...rest,
        status: 'queued',
        dueAt: plan.at,
        lastError: failure,
        updatedAt: now,
      });
      return 'retrying';
    });
  }

  private async send(report: ProblemReport, token: string, url: string): Promise<AttemptOutcome> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      'Idempotency-Key': report.id,
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    const signal = this.timeoutSignal(this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(report),
        signal,
        // A redirected POST may be replayed as a GET or to another host: report it instead.
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
    } catch (error) {
      return { kind: 'retry', failure: this.transportFailure(error, signal), retryAfterMs: null };
    }

    const status = response.status;
    if (status >= 200 && status < 300) {
      // Drain the body so the connection can be reused; its content is not needed.
      await response.text().catch(() => '');
      return { kind: 'sent', status };
    }
    if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      await response.text().catch(() => '');
      return {
        kind: 'permanent',
        failure: {
          kind: 'redirect',
          status,
          message: `接收地址返回了重定向（HTTP ${status}），请管理员配置最终地址`,
        },
      };
    }
    const serverMessage = await readServerMessage(response);
    const suffix = serverMessage ? `：${serverMessage}` : '';
    if (status === 408 || status === 409 || status === 429 || status >= 500) {
      return {
        kind: 'retry',
        failure: {
          kind: 'http',
          status,
          message: `接收服务器暂时无法处理（HTTP ${status}）${suffix}`,
        },
        retryAfterMs: parseRetryAfter(
          response.headers.get('Retry-After'),
          this.clock(),
          this.policy.maxRetryAfterMs,
        ),
      };
    }
    return {
      kind: 'permanent',
      failure: { kind: 'http', status, message: `接收服务器拒绝了报告（HTTP ${status}）${suffix}` },
    };
  }

  private transportFailure(error: unknown, signal: AbortSignal): Omit<OutboxFailure, 'at'> {
    const name = error instanceof Error ? error.name : '';
    if (signal.aborted || name === 'TimeoutError' || name === 'AbortError') {
      return {
        kind: 'timeout',
        message: `接收服务器 ${Math.round(this.timeoutMs / 1000)} 秒内没有响应`,
      };
    }
    const cause = error instanceof Error ? error.cause : undefined;
    const code =
      cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string'
        ? `（${cause.code}）`
        : '';
    return { kind: 'network', message: `无法连接接收服务器，可能是网络中断${code}` };
  }
}

/**
 * The server's reason, for the user: `message`, `error`, `detail` or `title` of a JSON body, else
 * the body text without HTML tags; whitespace collapsed, at most 200 characters.
 */
async function readServerMessage(response: Response): Promise<string> {
  const body = await response.text().catch(() => '');
  let message = body;
  try {
    const json: unknown = JSON.parse(body);
    if (json && typeof json === 'object') {
      const record = json as Record<string, unknown>;
      const field = ['message', 'error', 'detail', 'title']
        .map((key) => record[key])
        .find((value): value is string => typeof value === 'string' && value.trim() !== '');
      if (field) message = field;
    }
  } catch {
    // Not JSON: the text itself is the message.
    message = body.replace(/<[^>]*>/g, ' ');
  }
  // Control characters could garble the status line the user reads.
  const printable = [...message].map((ch) => (/\p{Cc}/u.test(ch) ? ' ' : ch)).join('');
  const clean = printable.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_SERVER_MESSAGE_CHARS
    ? `${clean.slice(0, MAX_SERVER_MESSAGE_CHARS - 1)}…`
    : clean;
}

/**
 * Retention (app/background/retention.ts): deletes reports delivered before `before` (epoch ms).
 * Reports not yet delivered (local, queued, sending, failed) are never deleted here: a report is
 * never lost. Returns how many were deleted.
 */
export function pruneSentReports(
  table: EntityTable<OutboxRecord, 'id'>,
  before: number,
): Promise<number> {
  return pruneSettled(
    table,
    { index: 'status', state: 'sent', settledAt: (record) => record.sentAt ?? record.updatedAt },
    before,
  );
}
