/**
 * Messages of author mode's recorder and the tour editor (issue 14). Drafts live in Dexie in the
 * extension origin (table `tourDrafts`); the author script in a page saves through the
 * background, the editor page reads and writes through it too, and asks it to preview a draft.
 * Routes: features/author/background/routes.ts.
 */
import type { DraftListing, TourDraft } from './draft';

export interface AuthorMessages {
  /** The recorder stopped: store this draft (validated as hostile input). */
  'content:saveDraft'(data: { draft: TourDraft }): { saved: boolean; reason?: string };
  /** Open the editor page on a draft (the author panel's 在编辑器中打开). */
  'content:openDraftEditor'(data: { id: string }): void;
  'page:listDrafts'(): DraftListing[];
  'page:getDraft'(data: { id: string }): TourDraft | null;
  /** Store the editor's changes (the whole draft). */
  'page:putDraft'(data: { draft: TourDraft }): { saved: boolean; reason?: string };
  'page:deleteDraft'(data: { id: string }): void;
  /**
   * Run the stored draft in a tab as a preview, from `fromStep` (0-based). The background checks
   * it with the build's schema first; a preview writes no progress records (see
   * features/tour/background/sessions.ts `startPreview`).
   */
  'page:previewDraft'(data: { id: string; tabId: number; fromStep: number }): {
    started: boolean;
    reason?: string;
  };
}
