/**
 * The authoring error cases of help articles, quizzes, rules (tips) and checklists: real broken
 * files (tests/fixtures/authoring/<case>/tours/…, each case with one valid tour to link to), loaded
 * as the build loads them, with the exact text the build prints. Quoted verbatim by
 * docs/writing-tours.zh-CN.md (section 十二; writing-guide.test.ts keeps the guide in step).
 */
import { join } from 'node:path';
import { CHECKLIST_ERRORS, loadProjectChecklists } from '../../../features/checklist/build-plugin';
import { HELP_ERRORS, loadProjectHelp } from '../../../features/help/build-plugin';
import { QUIZ_ERRORS, loadProjectQuizzes } from '../../../features/quiz/build-plugin';
import { RULES_ERRORS, loadProjectRules } from '../../../features/rules/build-plugin';
import type { ContentError } from '../../../lib/content/collection';
import { formatContentErrors } from '../../../lib/content/vite-plugin';
import { AUTHORING_FIXTURES } from './authoring-cases';

export interface ContentCase {
  /** The fixture folder under tests/fixtures/authoring. */
  fixture: string;
  /** The broken files, relative to the case folder, as the guide shows them. */
  files: string[];
  load: (root: string) => ContentError[];
  names: { what: string; whatZh: string };
}

export const CONTENT_CASES: ContentCase[] = [
  {
    fixture: 'help-article',
    files: ['tours/help/faq-shebao.yaml'],
    load: (root) => loadProjectHelp(root, [join(root, 'tours')]).errors,
    names: HELP_ERRORS,
  },
  {
    fixture: 'quiz-file',
    files: ['tours/quizzes/jiceng.yaml'],
    load: (root) => loadProjectQuizzes(root, [join(root, 'tours')]).errors,
    names: QUIZ_ERRORS,
  },
  {
    fixture: 'rules-tips',
    files: ['tours/rules/tips.yaml'],
    load: (root) => loadProjectRules(root, [join(root, 'tours')]).errors,
    names: RULES_ERRORS,
  },
  {
    fixture: 'checklists-file',
    files: ['tours/checklists.yaml'],
    load: (root) => loadProjectChecklists(root, {}).errors,
    names: CHECKLIST_ERRORS,
  },
];

/** What the build prints for a case: the count, then one line per error. */
export function printedFor(contentCase: ContentCase): string {
  const root = join(AUTHORING_FIXTURES, contentCase.fixture);
  return formatContentErrors(
    contentCase.names.what,
    contentCase.load(root),
    contentCase.names.whatZh,
  );
}
