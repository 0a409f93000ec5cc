/**
 * The report outbox table. In the extension it lives in the one extension database
 * (app/database.ts, table `reportOutbox`, declared with {@link REPORT_OUTBOX_STORES}); this small
 * database class holds the same table for the tests and until that merge.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ProblemReport } from './schema';

/**
 * `local`: saved on this computer only (no endpoint configured) — can be exported or sent later.
 * `queued`: waiting for its next attempt (`dueAt`). `sending`: an attempt is in flight; `dueAt` is
 * the lease expiry after which a crashed attempt is retried. `sent`: the endpoint answered 2xx.
 * `failed`: a permanent error, or retries ran out; `lastError` says why.
 */
export type OutboxStatus = 'local' | 'queued' | 'sending' | 'sent' | 'failed';

export const OUTBOX_STATUSES: readonly OutboxStatus[] = [
  'local',
  'queued',
  'sending',
  'sent',
  'failed',
];

export type OutboxFailureKind =
  /** The endpoint answered with an error status. */
  | 'http'
  /** No answer within the timeout. */
  | 'timeout'
  /** Connection refused, reset, DNS, offline… */
  | 'network'
  /** The endpoint answered with a redirect (not followed: the body would be re-sent elsewhere). */
  | 'redirect'
  /** An attempt's lease expired without an outcome: the worker or browser stopped mid-send. */
  | 'interrupted';

export interface OutboxFailure {
  kind: OutboxFailureKind;
  /** HTTP status, for `http` and `redirect`. */
  status?: number;
  /** Simplified Chinese, ready to show; server messages are included truncated. */
  message: string;
  /** Epoch ms. */
  at: number;
}

export interface OutboxRecord {
  /** The report id (UUID), also the Idempotency-Key. */
  id: string;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
  status: OutboxStatus;
  /** Exactly what is sent: scrubbed and validated when it was added. */
  report: ProblemReport;
  /** Attempts in the current delivery cycle (reset by a manual retry). */
  attempts: number;
  /** When the current delivery cycle began (for the give-up age); null while `local`. */
  cycleStartedAt: number | null;
  /**
   * Indexed. Present only while `queued` (time of the next attempt) or `sending` (lease expiry);
   * absent otherwise, so the index holds exactly the records delivery has to look at.
   */
  dueAt?: number;
  /**
   * Stored `local` while the browser had not yet answered for the administrator policy (a slow
   * browser start): the first delivery run that finds an endpoint queues it.
   */
  awaitingPolicy?: true;
  /** Identifies the attempt holding the `sending` lease. */
  lease?: string;
  lastAttemptAt?: number;
  lastError?: OutboxFailure;
  sentAt?: number;
  /** HTTP status of the successful delivery. */
  sentStatus?: number;
  /** Last time the report was written to an export file. */
  exportedAt?: number;
}

/** Dexie store definition of the outbox table (add to the extension database as `reportOutbox`). */
export const REPORT_OUTBOX_STORES = { reportOutbox: 'id, status, createdAt, dueAt' } as const;

export class ReportOutboxDatabase extends Dexie {
  reportOutbox!: EntityTable<OutboxRecord, 'id'>;

  constructor(name = 'zhiyin-report-outbox') {
    super(name);
    this.version(1).stores(REPORT_OUTBOX_STORES);
  }
}
