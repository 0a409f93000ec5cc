import type { Page } from '@playwright/test';
import type { AssessmentRecord } from '../../../features/exam/records';
import type { QuizResultRecord } from '../../../features/quiz/records';
import type { TipAcknowledgementRecord } from '../../../features/rules/records';
import type { XapiOutboxRecord } from '../../../features/xapi/records';

/**
 * Every row of one table of the extension's own database (Dexie `zhiyin`, read with plain
 * IndexedDB), from an extension page (options, dashboard…): what the background really stored.
 */
export function readStore<T>(extensionPage: Page, store: string): Promise<T[]> {
  return extensionPage.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('zhiyin');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result as T[]);
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/** Stored tip acknowledgements (必须留存操作记录). */
export const tipAcknowledgements = (extensionPage: Page) =>
  readStore<TipAcknowledgementRecord>(extensionPage, 'tipAcknowledgements');

/** Stored practical assessments (实操考核). */
export const assessments = (extensionPage: Page) =>
  readStore<AssessmentRecord>(extensionPage, 'assessments');

/** Stored knowledge-quiz results. */
export const quizResults = (extensionPage: Page) =>
  readStore<QuizResultRecord>(extensionPage, 'quizResults');

/** xAPI statements waiting for the LRS, in queue order. */
export const xapiOutbox = async (extensionPage: Page) =>
  (await readStore<XapiOutboxRecord>(extensionPage, 'xapiOutbox')).sort((a, b) => a.seq - b.seq);
