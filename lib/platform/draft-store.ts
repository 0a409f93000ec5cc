import type { Dexie, EntityTable, IDType } from 'dexie';
import { DEADLINES, withDeadline } from './deadline';

/** The reply to a page or script that saves a draft: saved, or why not (in both languages). */
export interface DraftSaveReply {
  saved: boolean;
  reason?: string;
}

/** A draft table and its limit (the recorded tours' `tourDrafts`, the editor's `contentDrafts`). */
export interface DraftStore<Draft extends { id: string; updatedAt: number }> {
  db: Pick<Dexie, 'transaction'>;
  table: EntityTable<Draft, 'id'>;
  /** Most drafts kept; replacing a draft that is already there is always allowed. */
  max: number;
  /** What the save is, for a deadline error: `saving a tour draft`. */
  label: string;
  /** The refusal when `max` drafts are kept already and this one is new (bilingual). */
  full: string;
  now(): number;
}

/**
 * Stores a draft that arrived as hostile input, once its feature's draft schema has checked it
 * (`parsed`): stamped with the time, in one read-write transaction that counts the drafts and
 * puts the draft (so two saves cannot both pass the limit), under the write deadline (the
 * database may still be opening). A draft the schema refused is not stored: `reason` says why.
 */
export async function storeDraft<Draft extends { id: string; updatedAt: number }>(
  parsed: { draft: Draft } | { error: string },
  store: DraftStore<Draft>,
): Promise<DraftSaveReply> {
  if ('error' in parsed) {
    return { saved: false, reason: `草稿格式不正确 / invalid draft: ${parsed.error}` };
  }
  const draft = { ...parsed.draft, updatedAt: store.now() };
  const saved = await withDeadline(
    store.db.transaction('rw', store.table, async () => {
      // The key is the draft's `id`, a string; Dexie's key type stays unresolved for a generic draft.
      const exists = await store.table.get(draft.id as IDType<Draft, 'id'>);
      if (!exists && (await store.table.count()) >= store.max) return false;
      await store.table.put(draft);
      return true;
    }),
    DEADLINES.write,
    store.label,
  );
  return saved ? { saved: true } : { saved: false, reason: store.full };
}
