/**
 * What this editor has published, per pack id (storage.local `publishedPacks`): the last version
 * and when, so the next 发布 suggests the next version and refuses an older one. Only facts about
 * the published files are kept, never a key. The highest version applied in this browser (the
 * options page's 内容包, when the trainer's own browser receives the pack) counts too: a pack
 * published elsewhere for the same id is not rolled back from here.
 */
import { storage } from 'wxt/utils/storage';
import { DEADLINES, orDefault, withDeadline } from '../../lib/platform/deadline';
import type { PacksStatus } from '../packs/protocol';

export interface PublishedRecord {
  version: number;
  publishedAt: number;
  keyId: string;
  tourIds: string[];
}

export type PublishedPacks = Record<string, PublishedRecord>;

export const publishedPacksItem = storage.defineItem<PublishedPacks>('local:publishedPacks', {
  fallback: {},
});

export async function readPublished(): Promise<PublishedPacks> {
  const stored = await orDefault(
    () => publishedPacksItem.getValue(),
    DEADLINES.read,
    {},
    'reading published packs',
  );
  return stored !== null && typeof stored === 'object' ? stored : {};
}

/** Notes a pack just published (now). */
export async function recordPublished(
  packId: string,
  record: Omit<PublishedRecord, 'publishedAt'>,
): Promise<void> {
  const current = await readPublished();
  await withDeadline(
    publishedPacksItem.setValue({ ...current, [packId]: { ...record, publishedAt: Date.now() } }),
    DEADLINES.write,
    'saving a published pack',
  );
}

/** The highest version known for `packId`: published from here, or applied in this browser. */
export function lastVersionOf(
  packId: string,
  published: PublishedPacks,
  status: PacksStatus | null,
): { version: number; from: 'published' | 'applied'; at: number | null } | null {
  let best: { version: number; from: 'published' | 'applied'; at: number | null } | null = null;
  const mine = Object.hasOwn(published, packId) ? published[packId] : undefined;
  if (mine && Number.isSafeInteger(mine.version)) {
    best = { version: mine.version, from: 'published', at: mine.publishedAt };
  }
  for (const source of status?.sources ?? []) {
    if (source.packId !== packId || source.version === null) continue;
    if (!best || source.version > best.version) {
      best = { version: source.version, from: 'applied', at: source.appliedAt };
    }
  }
  return best;
}

/** The pack id used last (the newest published), to fill the form the next time. */
export function lastPackId(published: PublishedPacks): string | null {
  let best: [string, number] | null = null;
  for (const [id, record] of Object.entries(published)) {
    if (!best || record.publishedAt > best[1]) best = [id, record.publishedAt];
  }
  return best?.[0] ?? null;
}
