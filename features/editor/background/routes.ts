/**
 * Help-article and compliance-tip drafts (issue 14), stored in Dexie (`contentDrafts`, extension
 * origin only) for the editor page. Every draft that arrives is hostile input: checked with the
 * draft schema (../content-drafts.ts) before it is stored. Drafts are authoring data, not learning
 * records: progress export and 清空 leave them alone.
 */
import type { ZhiyinDatabase } from '../../../app/database';
import { DEADLINES, withDeadline } from '../../../lib/platform/deadline';
import { storeDraft } from '../../../lib/platform/draft-store';
import { MessageRefused, type RouteTable } from '../../../lib/messaging/router';
import { listingOf, parseContentDraft } from '../content-drafts';
import type { EditorMessages } from '../protocol';

/** Most article and tip drafts kept; one more asks the trainer to delete an old one first. */
export const MAX_CONTENT_DRAFTS = 500;

export interface EditorRouteServices {
  db: Pick<ZhiyinDatabase, 'contentDrafts' | 'transaction'>;
  now(): number;
}

const checkedId = (id: unknown): string => {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64)
    throw new MessageRefused('bad draft id');
  return id;
};

export function createEditorRoutes(s: EditorRouteServices): RouteTable<EditorMessages> {
  return {
    'page:listContentDrafts': {
      from: ['extension-page'],
      async handle() {
        const drafts = await withDeadline(
          s.db.contentDrafts.orderBy('updatedAt').reverse().toArray(),
          DEADLINES.write, // the database may still be opening: the write deadline, not a storage read's
          'reading article and tip drafts',
        );
        return drafts.map(listingOf);
      },
    },
    'page:getContentDraft': {
      from: ['extension-page'],
      handle: async ({ id }) =>
        (await withDeadline(
          s.db.contentDrafts.get(checkedId(id)),
          DEADLINES.write, // the database may still be opening: the write deadline, not a storage read's
          'reading a draft',
        )) ?? null,
    },
    'page:putContentDraft': {
      from: ['extension-page'],
      handle: ({ draft }) =>
        storeDraft(parseContentDraft(draft), {
          db: s.db,
          table: s.db.contentDrafts,
          max: MAX_CONTENT_DRAFTS,
          label: 'saving an article or tip draft',
          full: `草稿已达 ${MAX_CONTENT_DRAFTS} 份，请先删除不用的草稿 / ${MAX_CONTENT_DRAFTS} drafts already: delete old ones first`,
          now: s.now,
        }),
    },
    'page:deleteContentDraft': {
      from: ['extension-page'],
      async handle({ id }) {
        await withDeadline(
          s.db.contentDrafts.delete(checkedId(id)),
          DEADLINES.write,
          'deleting a draft',
        );
      },
    },
  };
}
