import type { LearningRecords } from '../../../app/background/record-events';
import type { XapiService } from './service';

/**
 * xAPI listens to the learning records the other features store and turns each into statements
 * (queued in the outbox, sent when an LRS is configured). No feature calls xAPI itself.
 */
export function subscribeXapi(
  records: Pick<LearningRecords, 'on'>,
  xapi: XapiService,
  pageUrlOf: (tabId: number | null) => Promise<string | null>,
): void {
  records.on('tour-records', async ({ records: tourRecords, tabId }) =>
    xapi.tourRecords(tourRecords, { pageUrl: await pageUrlOf(tabId) }),
  );
  records.on('exam-records', async ({ records: tourRecords, tabId, attemptId }) =>
    xapi.tourRecords(tourRecords, { pageUrl: await pageUrlOf(tabId), registration: attemptId }),
  );
  records.on('assessed', async (input) =>
    xapi.practicalAssessed({ ...input, pageUrl: await pageUrlOf(input.tabId) }),
  );
  records.on('remedial-completed', async (input) =>
    xapi.remedialCompleted({ ...input, pageUrl: await pageUrlOf(input.tabId) }),
  );
  records.on('quiz-scored', (input) => xapi.quizScored(input));
  records.on('tip-acknowledged', ({ record, tipTitle }) =>
    xapi.ruleAcknowledged({
      ruleId: record.tipId,
      ruleTitle: tipTitle,
      at: record.at,
      pageUrl: record.url,
    }),
  );
  records.on('survey-answered', (answer) => xapi.surveyAnswered(answer));
}
