/** Content pack messages (routes: features/packs/background/routes.ts). */
import type { PackRefusal } from './open';
import type { PackContent } from './validate';

export interface PackSourceView {
  source: string;
  kind: 'url' | 'import';
  packId: string | null;
  /** The last good version (running), or null when none was ever applied. */
  version: number | null;
  appliedAt: number | null;
  tours: string[];
  /** What else the running content carries, or null when none is running. */
  counts: { help: number; tips: number; quizzes: number; checklists: boolean } | null;
  lastCheckedAt: number | null;
  lastResult: 'applied' | 'unchanged' | 'refused' | 'failed' | null;
  lastProblem: (PackRefusal & { at: number }) | null;
  /** When the current refusal was reported to the administrator (the report outbox), or null. */
  reportedAt: number | null;
  nextAttemptAt: number | null;
}

export interface PacksStatus {
  /** A problem with the administrator's pack settings, or null. */
  policyProblem: string | null;
  configured: boolean;
  sources: PackSourceView[];
}

export interface PacksMessages {
  /**
   * The newest applied pack of each id: extension pages (popup help search and checklist, quiz
   * page, dashboard) merge them with their bundled copies (../catalog.ts mergeContent).
   */
  'page:packContents'(): PackContent[];
  /** The options page's 内容包 section. */
  'page:packsStatus'(): PacksStatus;
  /** Checks every configured URL now (ignoring the schedule). */
  'page:refreshPacks'(): PacksStatus;
  /** A pack file chosen by hand (offline sites): opened, checked and applied like a fetched one. */
  'page:importPack'(data: { text: string }): {
    result: 'applied' | 'unchanged' | 'refused';
    refusal?: PackRefusal;
    status: PacksStatus;
  };
}
