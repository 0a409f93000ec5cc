/**
 * Messages of the editor page's help-article and compliance-tip drafts (issue 14). They live in
 * Dexie in the extension origin (table `contentDrafts`, database version 6); the editor page reads
 * and writes them through the background, like the recorded tour drafts (features/author).
 * Routes: features/editor/background/routes.ts.
 */
import type { ContentDraft, ContentDraftListing } from './content-drafts';

export interface EditorMessages {
  'page:listContentDrafts'(): ContentDraftListing[];
  'page:getContentDraft'(data: { id: string }): ContentDraft | null;
  /** Store the editor's changes (the whole draft, checked with the draft schema first). */
  'page:putContentDraft'(data: { draft: ContentDraft }): { saved: boolean; reason?: string };
  'page:deleteContentDraft'(data: { id: string }): void;
}
