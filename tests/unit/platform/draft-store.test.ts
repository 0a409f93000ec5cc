/**
 * storeDraft (lib/platform/draft-store.ts), behind the recorded tours' and the editor's drafts:
 * a draft the schema refused is not stored, a stored one is stamped with the time, and the limit
 * refuses a new draft but never a draft that replaces one already kept.
 */
import 'fake-indexeddb/auto';
import Dexie, { type EntityTable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeDraft, type DraftStore } from '../../../lib/platform/draft-store';

interface Note {
  id: string;
  text: string;
  updatedAt: number;
}

let db: Dexie & { notes: EntityTable<Note, 'id'> };
let store: DraftStore<Note>;
beforeEach(async () => {
  db = new Dexie(`draft-store-${Math.random()}`) as typeof db;
  db.version(1).stores({ notes: 'id, updatedAt' });
  await db.open();
  store = {
    db,
    table: db.notes,
    max: 2,
    label: 'saving a note',
    full: '草稿已达 2 份 / 2 drafts already',
    now: () => 500,
  };
});
afterEach(async () => {
  await db.delete();
});

const note = (id: string): { draft: Note } => ({ draft: { id, text: id, updatedAt: 1 } });

describe('storeDraft', () => {
  it('stores a checked draft stamped with the time', async () => {
    expect(await storeDraft(note('a'), store)).toEqual({ saved: true });
    expect(await db.notes.get('a')).toEqual({ id: 'a', text: 'a', updatedAt: 500 });
  });

  it('does not store what the schema refused, and says why', async () => {
    expect(await storeDraft({ error: 'text: required' }, store)).toEqual({
      saved: false,
      reason: '草稿格式不正确 / invalid draft: text: required',
    });
    expect(await db.notes.count()).toBe(0);
  });

  it('refuses a new draft at the limit but still replaces a kept one', async () => {
    await storeDraft(note('a'), store);
    await storeDraft(note('b'), store);
    expect(await storeDraft(note('c'), store)).toEqual({
      saved: false,
      reason: '草稿已达 2 份 / 2 drafts already',
    });
    expect(await storeDraft({ draft: { id: 'b', text: 'changed', updatedAt: 1 } }, store)).toEqual({
      saved: true,
    });
    expect((await db.notes.toArray()).map((kept) => kept.text)).toEqual(['a', 'changed']);
  });
});
