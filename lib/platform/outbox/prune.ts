import type { Table } from 'dexie';

/** Which items of an outbox are settled for good, and when each settled. */
export interface SettledItems<R> {
  /** The indexed field that holds an item's state: `status`. */
  index: string;
  /** The state of items that will never be sent again: `sent`, `rejected`. */
  state: string;
  /** When the item settled (epoch ms); fall back to its last change when that was not stored. */
  settledAt: (item: R) => number;
}

/**
 * Retention of an outbox (app/background/retention.ts): deletes the items in the settled `state`
 * that settled before `before` (epoch ms). Items in any other state are never deleted here, so
 * nothing still to be sent is lost. Returns how many were deleted.
 */
export function pruneSettled<R>(
  table: Table<R>,
  settled: SettledItems<R>,
  before: number,
): Promise<number> {
  return table
    .where(settled.index)
    .equals(settled.state)
    .filter((item) => settled.settledAt(item) < before)
    .delete();
}
