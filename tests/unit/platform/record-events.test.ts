import { describe, expect, it, vi } from 'vitest';
import { subscribeXapi } from '../../../features/xapi/background/subscribe';
import type { XapiService } from '../../../features/xapi/background/service';
import type { LearningRecordEvents } from '../../../app/background/record-events';
import { FollowUpQueue } from '../../../lib/platform/follow-ups';
import { RecordEvents } from '../../../lib/platform/record-events';

describe('learning-record events', () => {
  it('runs listeners after emit returns, in order, and a failing listener stops nothing', async () => {
    const events = new RecordEvents<{ a: number }>(new FollowUpQueue(1000));
    const seen: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    events.on('a', async (n) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`slow ${n}`);
    });
    events.on('a', (n) => {
      if (n === 1) throw new Error('listener broke');
      seen.push(`fast ${n}`);
    });
    events.emit('a', 1);
    events.emit('a', 2);
    expect(seen).toEqual([]); // the record's path never waits for a listener
    await events.settled();
    expect(seen).toEqual(['slow 1', 'slow 2', 'fast 2']);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('an unsubscribed listener hears nothing more', async () => {
    const events = new RecordEvents<{ a: number }>();
    const heard: number[] = [];
    const off = events.on('a', (n) => void heard.push(n));
    events.emit('a', 1);
    off();
    events.emit('a', 2);
    await events.settled();
    expect(heard).toEqual([1]);
  });

  it('xAPI turns every kind of stored learning record into its statement call', async () => {
    const events = new RecordEvents<LearningRecordEvents>();
    const calls: [string, unknown][] = [];
    const record =
      (name: string) =>
      async (...args: unknown[]) => {
        calls.push([name, args]);
        return {} as never;
      };
    const xapi = {
      tourRecords: record('tourRecords'),
      practicalAssessed: record('practicalAssessed'),
      quizScored: record('quizScored'),
      ruleAcknowledged: record('ruleAcknowledged'),
      surveyAnswered: record('surveyAnswered'),
    } as unknown as XapiService;
    subscribeXapi(events, xapi, async (tabId) => (tabId === 3 ? 'http://gov.test/docs' : null));
    const score = { total: 90 } as never;
    events.emit('tour-records', { records: [], tabId: 3 });
    events.emit('exam-records', { records: [], tabId: 3, attemptId: 'att-1' });
    events.emit('assessed', { tabId: 3, tourId: 't', attemptId: 'att-1', at: 1, score });
    events.emit('quiz-scored', { quizId: 'q', quizTitle: 'Q', attemptId: 'a', at: 2, score });
    events.emit('tip-acknowledged', {
      record: { tipId: 'tip-1', at: 3, url: 'http://gov.test/x' } as never,
      tipTitle: '三不准',
    });
    events.emit('survey-answered', { id: 1 } as never);
    await events.settled();
    expect(calls.map(([name]) => name)).toEqual([
      'tourRecords',
      'tourRecords',
      'practicalAssessed',
      'quizScored',
      'ruleAcknowledged',
      'surveyAnswered',
    ]);
    expect(calls[0]?.[1]).toEqual([[], { pageUrl: 'http://gov.test/docs' }]);
    expect(calls[1]?.[1]).toEqual([[], { pageUrl: 'http://gov.test/docs', registration: 'att-1' }]);
    expect(calls[4]?.[1]).toEqual([
      { ruleId: 'tip-1', ruleTitle: '三不准', at: 3, pageUrl: 'http://gov.test/x' },
    ]);
  });
});
