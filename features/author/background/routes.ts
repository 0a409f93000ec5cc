/**
 * Drafts of recorded tours (issue 14): stored in Dexie (`tourDrafts`, extension origin only),
 * saved by the author script in a page and by the editor page, and previewed in a tab. Every
 * draft that arrives is hostile input: checked with the draft schema before it is stored, and
 * with the build's tour schema before it runs.
 */
import type { ZhiyinDatabase } from '../../../app/database';
import { DEADLINES, withDeadline } from '../../../lib/platform/deadline';
import { storeDraft } from '../../../lib/platform/draft-store';
import { MessageRefused, type RouteTable } from '../../../lib/messaging/router';
import type { TourInstruction } from '../../tour/protocol';
import type { Tour } from '../../tour/schema';
import { checkDraft, parseDraft, type DraftListing } from '../draft';
import type { AuthorMessages } from '../protocol';

/** Most drafts kept; saving one more asks the trainer to delete an old one first. */
export const MAX_DRAFTS = 200;

export interface AuthorRouteServices {
  db: Pick<ZhiyinDatabase, 'tourDrafts' | 'transaction'>;
  now(): number;
  /** Starts a validated draft tour as a preview in a tab (TourSessions.startPreview). */
  startPreview(tabId: number, tour: Tour, url: string, fromStep: number): Promise<TourInstruction>;
  /** The build's step-body compilation (features/tour/compiled.ts), so the card can draw it. */
  compile(tour: Tour): Tour;
  tabUrl(tabId: number): Promise<string | null>;
  pingTab(tabId: number): Promise<unknown>;
  sendTourInstruction(tabId: number, instruction: TourInstruction): Promise<boolean>;
  /** Opens the editor page on a draft in a new tab. */
  openEditor(draftId: string): Promise<void>;
}

export function createAuthorRoutes(s: AuthorRouteServices): RouteTable<AuthorMessages> {
  const store = (value: unknown) =>
    storeDraft(parseDraft(value), {
      db: s.db,
      table: s.db.tourDrafts,
      max: MAX_DRAFTS,
      label: 'saving a tour draft',
      full: `草稿已达 ${MAX_DRAFTS} 份，请先在编辑器中删除不用的草稿 / ${MAX_DRAFTS} drafts already: delete old ones first`,
      now: s.now,
    });

  return {
    'content:saveDraft': {
      from: ['content'],
      handle: ({ draft }) => store(draft),
    },
    'content:openDraftEditor': {
      from: ['content'],
      async handle({ id }) {
        if (typeof id !== 'string' || id.length > 64) throw new MessageRefused('bad draft id');
        await s.openEditor(id);
      },
    },
    'page:listDrafts': {
      from: ['extension-page'],
      async handle() {
        const drafts = await s.db.tourDrafts.orderBy('updatedAt').reverse().toArray();
        return drafts.map((draft): DraftListing => ({
          id: draft.id,
          tourId: draft.tourId,
          title: draft.title,
          stepCount: draft.steps.length,
          updatedAt: draft.updatedAt,
        }));
      },
    },
    'page:getDraft': {
      from: ['extension-page'],
      handle: async ({ id }) => (await s.db.tourDrafts.get(id)) ?? null,
    },
    'page:putDraft': {
      from: ['extension-page'],
      handle: ({ draft }) => store(draft),
    },
    'page:deleteDraft': {
      from: ['extension-page'],
      async handle({ id }) {
        await withDeadline(s.db.tourDrafts.delete(id), DEADLINES.write, 'deleting a tour draft');
      },
    },
    'page:previewDraft': {
      from: ['extension-page'],
      async handle({ id, tabId, fromStep }) {
        const draft = await s.db.tourDrafts.get(id);
        if (!draft) return { started: false, reason: '找不到该草稿 / draft not found' };
        const { tour, issues } = checkDraft(draft);
        if (!tour) {
          const first = issues[0];
          return {
            started: false,
            reason: `草稿还有 ${issues.length} 个问题，改正后才能预览 / fix ${issues.length} problem(s) first${first ? `：${first.path} ${first.message}` : ''}`,
          };
        }
        const url = await s.tabUrl(tabId);
        if (url === null || !(await s.pingTab(tabId))) {
          return {
            started: false,
            reason: '指引未在该页面运行，请在政务系统页面中打开 / Zhiyin does not run in that tab',
          };
        }
        const step = Number.isInteger(fromStep) ? fromStep : 0;
        const instruction = await s.startPreview(tabId, s.compile(tour), url, step);
        const delivered = await s.sendTourInstruction(tabId, instruction);
        return delivered
          ? { started: true }
          : { started: false, reason: '页面没有响应，请刷新页面后重试 / the page did not answer' };
      },
    },
  };
}
