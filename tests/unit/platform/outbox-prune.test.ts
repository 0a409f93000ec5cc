/** pruneSettled (lib/platform/outbox/prune.ts): retention deletes settled items only, by age. */
import Dexie, { type Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneSettled } from '../../../lib/platform/outbox';

interface Item {
  id: number;
  status: 'queued' | 'sent' | 'failed';
  sentAt?: number;
  updatedAt: number;
}

let db: Dexie & { items: Table<Item, number> };
beforeEach(async () => {
  db = new Dexie(`prune-${Math.random()}`) as typeof db;
  db.version(1).stores({ items: 'id, status' });
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const sent = {
  index: 'status',
  state: 'sent',
  settledAt: (item: Item) => item.sentAt ?? item.updatedAt,
};

describe('pruneSettled', () => {
  it('deletes items settled before the cut-off and keeps newer ones and every unsettled one', async () => {
    await db.items.bulkAdd([
      { id: 1, status: 'sent', sentAt: 100, updatedAt: 900 },
      { id: 2, status: 'sent', sentAt: 600, updatedAt: 600 },
      // No settle time stored (an older record): its last change counts.
      { id: 3, status: 'sent', updatedAt: 200 },
      { id: 4, status: 'queued', updatedAt: 1 },
      { id: 5, status: 'failed', updatedAt: 1 },
    ]);
    expect(await pruneSettled(db.items, sent, 500)).toBe(2);
    expect((await db.items.toArray()).map((item) => item.id)).toEqual([2, 4, 5]);
  });

  it('deletes nothing when nothing settled that long ago', async () => {
    await db.items.bulkAdd([
      { id: 1, status: 'sent', sentAt: 600, updatedAt: 600 },
      { id: 2, status: 'queued', updatedAt: 1 },
    ]);
    expect(await pruneSettled(db.items, sent, 500)).toBe(0);
    expect(await db.items.count()).toBe(2);
  });
});
