/**
 * The xAPI outbox: statements are stored in IndexedDB when the event is recorded and delivered in
 * batches when the LRS can be reached. No timers here: the background service worker calls
 * {@link XapiQueue.flushDue} from an alarm (and right after enqueueing), then re-arms the alarm at
 * {@link XapiQueue.nextWakeAt}.
 *
 * Never duplicate: a statement's id and content are fixed when it is built, records are keyed by
 * statement id (enqueueing an id twice keeps the first), a record is deleted only after the LRS
 * confirmed it (200/204), and a statement that was stored but not yet deleted when the worker died
 * is simply sent again — the LRS answers 200/204 for the same id with the same content and keeps
 * one copy.
 *
 * Outcomes per response (see features/xapi/background/client.ts):
 * - stored: delete the batch, reset the backoff.
 * - retry (network, timeout, 401/403/404/408/429/5xx): keep everything, back off for the whole LRS:
 *   delay = min(maxDelay, baseDelay × 2^(failures − 1)) × jitter(0.8–1.2), at least Retry-After
 *   (honoured up to 6 h); never gives up (the queue is bounded instead). The timing is the shared
 *   outbox library's (lib/platform/outbox) with {@link XAPI_RETRY_POLICY}.
 * - conflict / rejected on a batch: send its statements one by one (PUT) to find which ones;
 *   a single statement the LRS refuses (409 other content under this id, 400 invalid, 413 too
 *   large) is marked `rejected` and kept for the administrator; it is never resent automatically.
 */
import type { XapiQueueStatus } from '../protocol';
import type { EntityTable } from 'dexie';
import {
  DEFAULT_RETRY_POLICY,
  pruneSettled,
  retryDelay,
  SingleFlight,
  type RetryPolicy,
} from '../../../lib/platform/outbox';
import type { LrsClient, LrsSendResult } from './client';
import type { XapiDeliveryRecord, XapiOutboxRecord } from '../records';
import type { XapiStatement } from '../types';

/**
 * LRS retries: 30 s doubling to 1 h, each delay × 0.8–1.2, Retry-After honoured up to 6 h; no
 * give-up (statements wait for the LRS; the queue's size is bounded instead).
 */
export const XAPI_RETRY_POLICY: RetryPolicy = {
  ...DEFAULT_RETRY_POLICY,
  jitter: { min: 0.8, max: 1.2 },
};

export interface XapiQueueTables {
  outbox: EntityTable<XapiOutboxRecord, 'id'>;
  delivery: EntityTable<XapiDeliveryRecord, 'key'>;
}

/** Only the two calls the queue needs, so tests can pass a fake. */
export type StatementSender = Pick<LrsClient, 'postStatements' | 'putStatement'>;

export interface XapiQueueOptions {
  tables: XapiQueueTables;
  /**
   * The client for the current LRS settings, or null when no LRS is configured (nothing is sent,
   * statements wait). Called at every flush, so a settings change applies to the next flush.
   */
  sender: () => StatementSender | null | Promise<StatementSender | null>;
  /** Statements per POST; default 50. */
  batchSize?: number;
  /** Batches per flush before yielding (the alarm fires again at once); default 20. */
  maxBatchesPerFlush?: number;
  /** First retry delay; default 30 s (Chrome's shortest alarm period). */
  baseDelayMs?: number;
  /** Longest retry delay; default 1 h. */
  maxDelayMs?: number;
  /** Pending statements kept at most; the oldest are dropped beyond it. Default 10 000. */
  maxPending?: number;
  /** Jitter source in [0, 1); default Math.random. */
  random?: () => number;
}

export type FlushOutcome =
  /** Nothing was pending. */
  | 'idle'
  /** Backing off: `now` is before retryAt. Nothing was sent. */
  | 'not-due'
  /** No LRS configured. */
  | 'not-configured'
  /** Everything pending was delivered (or rejected for good). */
  | 'delivered'
  /** Stopped after maxBatchesPerFlush with more to send: flush again now. */
  | 'more'
  /** A transient failure: try again at retryAt. */
  | 'retry-later';

export interface FlushReport {
  outcome: FlushOutcome;
  /** Statements the LRS confirmed in this flush. */
  sent: number;
  /** Statements marked rejected in this flush. */
  rejected: number;
  /** Still pending after this flush. */
  pending: number;
  retryAt: number | null;
  /** The failure that caused a retry-later. */
  error?: XapiDeliveryRecord['lastError'];
}

const FRESH_DELIVERY: XapiDeliveryRecord = {
  key: 'lrs',
  consecutiveFailures: 0,
  retryAt: null,
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  dropped: 0,
};

// The pending records in recording order: numbers sort between -Infinity and Infinity as keys.
const PENDING_RANGE = { lower: ['pending', -Infinity], upper: ['pending', Infinity] };

export class XapiQueue {
  readonly #tables: XapiQueueTables;
  readonly #sender: XapiQueueOptions['sender'];
  readonly #batchSize: number;
  readonly #maxBatches: number;
  readonly #policy: RetryPolicy;
  readonly #maxPending: number;
  readonly #random: () => number;
  readonly #flight = new SingleFlight<FlushReport>();

  constructor(options: XapiQueueOptions) {
    this.#tables = options.tables;
    this.#sender = options.sender;
    this.#batchSize = options.batchSize ?? 50;
    this.#maxBatches = options.maxBatchesPerFlush ?? 20;
    this.#policy = {
      ...XAPI_RETRY_POLICY,
      ...(options.baseDelayMs === undefined ? {} : { baseDelayMs: options.baseDelayMs }),
      ...(options.maxDelayMs === undefined ? {} : { maxDelayMs: options.maxDelayMs }),
    };
    this.#maxPending = options.maxPending ?? 10_000;
    this.#random = options.random ?? Math.random;
    if (this.#batchSize < 1 || this.#maxBatches < 1 || this.#maxPending < 1)
      throw new RangeError('batchSize, maxBatchesPerFlush and maxPending must be at least 1');
  }

  /**
   * Store statements for delivery. A statement whose id is already queued (pending or rejected)
   * is ignored, so recording the same event twice cannot create two statements.
   * Returns how many were added.
   */
  async enqueue(
    statements: XapiStatement | readonly XapiStatement[],
    now: number,
  ): Promise<number> {
    const list = Array.isArray(statements) ? statements : [statements as XapiStatement];
    const { outbox, delivery } = this.#tables;
    return outbox.db.transaction('rw', outbox, delivery, async () => {
      const unique = new Map<string, XapiStatement>();
      for (const statement of list)
        if (!unique.has(statement.id)) unique.set(statement.id, statement);
      const existing = await outbox.bulkGet([...unique.keys()]);
      const fresh = [...unique.values()].filter((_, index) => existing[index] === undefined);
      if (fresh.length === 0) return 0;
      const lastSeq = (await outbox.orderBy('seq').last())?.seq ?? 0;
      await outbox.bulkAdd(
        fresh.map((statement, index) => ({
          id: statement.id,
          statement: structuredClone(statement),
          enqueuedAt: now,
          seq: lastSeq + 1 + index,
          state: 'pending' as const,
          attempts: 0,
        })),
      );
      const pending = await outbox.where('state').equals('pending').count();
      const excess = pending - this.#maxPending;
      if (excess > 0) {
        const oldest = await outbox
          .where('[state+seq]')
          .between(PENDING_RANGE.lower, PENDING_RANGE.upper)
          .limit(excess)
          .primaryKeys();
        await outbox.bulkDelete(oldest);
        const state = (await delivery.get('lrs')) ?? { ...FRESH_DELIVERY };
        await delivery.put({ ...state, dropped: state.dropped + oldest.length });
      }
      return fresh.length;
    });
  }

  /**
   * Deliver what is due at `now`. Safe to call at any time and concurrently: a call made while a
   * flush runs gets that flush's report. `ignoreBackoff` sends now even while backing off (an
   * administrator's 立即发送, or the LRS settings just changed).
   */
  flushDue(now: number, options: { ignoreBackoff?: boolean } = {}): Promise<FlushReport> {
    return this.#flight.run(() => this.#flush(now, options.ignoreBackoff ?? false));
  }

  /**
   * When the background should call flushDue next (epoch ms), or null when nothing is pending.
   * A time in the past means "now". Arm `browser.alarms.create(name, { when })` with it.
   */
  async nextWakeAt(): Promise<number | null> {
    const first = await this.#pendingBatch(1);
    if (first.length === 0) return null;
    const state = await this.#delivery();
    return state.retryAt ?? first[0]!.enqueuedAt;
  }

  async status(): Promise<XapiQueueStatus> {
    const { outbox } = this.#tables;
    const [pending, rejected, state] = await Promise.all([
      outbox.where('state').equals('pending').count(),
      outbox.where('state').equals('rejected').count(),
      this.#delivery(),
    ]);
    const { key: _key, ...rest } = state;
    return { pending, rejected, ...rest };
  }

  /** Statements the LRS refused for good, oldest first, for the administrator. */
  async listRejected(): Promise<XapiOutboxRecord[]> {
    const rows = await this.#tables.outbox.where('state').equals('rejected').toArray();
    return rows.sort((a, b) => a.seq - b.seq);
  }

  /** Put rejected statements back in line (e.g. after the LRS was fixed); returns how many. */
  async requeueRejected(): Promise<number> {
    return this.#tables.outbox
      .where('state')
      .equals('rejected')
      .modify((record) => {
        record.state = 'pending';
        delete record.rejectedAt;
      });
  }

  async #flush(now: number, ignoreBackoff: boolean): Promise<FlushReport> {
    let sent = 0;
    let rejected = 0;
    const report = async (
      outcome: FlushOutcome,
      error?: XapiDeliveryRecord['lastError'],
    ): Promise<FlushReport> => {
      const pending = await this.#tables.outbox.where('state').equals('pending').count();
      const state = await this.#delivery();
      return {
        outcome,
        sent,
        rejected,
        pending,
        retryAt: state.retryAt,
        ...(error ? { error } : {}),
      };
    };

    if ((await this.#pendingBatch(1)).length === 0) return report('idle');
    const before = await this.#delivery();
    if (!ignoreBackoff && before.retryAt !== null && now < before.retryAt) return report('not-due');
    const sender = await this.#sender();
    if (!sender) return report('not-configured');

    for (let round = 0; round < this.#maxBatches; round += 1) {
      const batch = await this.#pendingBatch(this.#batchSize);
      if (batch.length === 0) return report('delivered');
      await this.#updateDelivery({ lastAttemptAt: now });
      const result = await sender.postStatements(batch.map((record) => record.statement));
      if (result.kind === 'stored') {
        await this.#tables.outbox.bulkDelete(batch.map((record) => record.id));
        sent += batch.length;
        await this.#succeeded(now);
        continue;
      }
      if (result.kind === 'retry')
        return report('retry-later', await this.#failed(now, batch, result));

      // conflict / rejected: find the statements at fault one by one.
      for (const record of batch) {
        const single = batch.length === 1 ? result : await sender.putStatement(record.statement);
        if (single.kind === 'stored') {
          await this.#tables.outbox.delete(record.id);
          sent += 1;
          await this.#succeeded(now);
        } else if (single.kind === 'retry') {
          return report('retry-later', await this.#failed(now, [record], single));
        } else {
          await this.#tables.outbox.update(record.id, {
            state: 'rejected',
            rejectedAt: now,
            attempts: record.attempts + 1,
            lastStatus: single.status,
            lastError: single.kind === 'conflict' ? `conflict: ${single.message}` : single.message,
          });
          rejected += 1;
        }
      }
    }
    return report((await this.#pendingBatch(1)).length === 0 ? 'delivered' : 'more');
  }

  #pendingBatch(limit: number): Promise<XapiOutboxRecord[]> {
    return this.#tables.outbox
      .where('[state+seq]')
      .between(PENDING_RANGE.lower, PENDING_RANGE.upper)
      .limit(limit)
      .toArray();
  }

  async #delivery(): Promise<XapiDeliveryRecord> {
    return (await this.#tables.delivery.get('lrs')) ?? { ...FRESH_DELIVERY };
  }

  async #updateDelivery(change: Partial<Omit<XapiDeliveryRecord, 'key'>>): Promise<void> {
    const state = await this.#delivery();
    await this.#tables.delivery.put({ ...state, ...change });
  }

  #succeeded(now: number): Promise<void> {
    return this.#updateDelivery({ consecutiveFailures: 0, retryAt: null, lastSuccessAt: now });
  }

  async #failed(
    now: number,
    records: readonly XapiOutboxRecord[],
    result: Extract<LrsSendResult, { kind: 'retry' }>,
  ): Promise<NonNullable<XapiDeliveryRecord['lastError']>> {
    const state = await this.#delivery();
    const failures = state.consecutiveFailures + 1;
    const delay = retryDelay(failures, this.#policy, this.#random, result.retryAfterMs);
    const lastError = {
      at: now,
      reason: result.reason,
      status: result.status,
      message: result.message,
    };
    await this.#tables.delivery.put({
      ...state,
      consecutiveFailures: failures,
      retryAt: now + delay,
      lastError,
    });
    await this.#tables.outbox.bulkUpdate(
      records.map((record) => ({
        key: record.id,
        changes: {
          attempts: record.attempts + 1,
          lastStatus: result.status,
          lastError: result.message,
        },
      })),
    );
    return lastError;
  }
}

/**
 * Retention (app/background/retention.ts): deletes statements the LRS refused for good before
 * `before` (epoch ms). Pending statements are never deleted here. Returns how many were deleted.
 */
export function pruneRejectedStatements(
  outbox: XapiQueueTables['outbox'],
  before: number,
): Promise<number> {
  return pruneSettled(
    outbox,
    {
      index: 'state',
      state: 'rejected',
      settledAt: (record) => record.rejectedAt ?? record.enqueuedAt,
    },
    before,
  );
}
