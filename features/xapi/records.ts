/**
 * IndexedDB tables of the xAPI outbox.
 *
 * Production: merge {@link XAPI_STORES} into the extension's database as a new schema version
 * (app/database.ts, e.g. `this.version(2).stores({ ...XAPI_STORES })`) and hand the two tables
 * to `new XapiQueue({ tables: { outbox: db.xapiOutbox, delivery: db.xapiDelivery }, … })`.
 * {@link XapiQueueDatabase} is the same schema on its own, for tests and until that merge.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { XapiStatement } from './types';

/** One statement waiting for (or refused by) the LRS. Sent statements are deleted. */
export interface XapiOutboxRecord {
  /** The statement id (UUID): one record per statement, ever. */
  id: string;
  /** Stored exactly as built; resent byte for byte. */
  statement: XapiStatement;
  /** Epoch ms when it was queued. */
  enqueuedAt: number;
  /** Recording order (1, 2, 3…): delivery follows it, also for statements queued in the same ms. */
  seq: number;
  /** pending: to send; rejected: the LRS refused it for good (kept for the administrator). */
  state: 'pending' | 'rejected';
  /** Delivery attempts that failed (transient failures included). */
  attempts: number;
  /** HTTP status of the last failed attempt; null for network errors. */
  lastStatus?: number | null;
  lastError?: string;
  rejectedAt?: number;
}

/** Delivery state of the whole queue (one row, key `lrs`): backoff is per LRS, not per statement. */
export interface XapiDeliveryRecord {
  key: 'lrs';
  consecutiveFailures: number;
  /** No delivery before this (epoch ms); null when not backing off. */
  retryAt: number | null;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: { at: number; reason: string; status: number | null; message: string } | null;
  /** Statements dropped because the queue was full (oldest first). */
  dropped: number;
}

/** Dexie store definitions to add to the extension database. */
export const XAPI_STORES = {
  xapiOutbox: 'id, state, seq, [state+seq]',
  xapiDelivery: 'key',
} as const;

export class XapiQueueDatabase extends Dexie {
  xapiOutbox!: EntityTable<XapiOutboxRecord, 'id'>;
  xapiDelivery!: EntityTable<XapiDeliveryRecord, 'key'>;

  constructor(name = 'zhiyin-xapi') {
    super(name);
    this.version(1).stores(XAPI_STORES);
  }
}
