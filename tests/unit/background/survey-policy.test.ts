import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SurveyService } from '../../../features/survey/background/service';
import { ZhiyinDatabase } from '../../../app/database';
import { DEFAULT_SURVEY_POLICY, resolvePolicy } from '../../../app/policy/policy';

describe('survey frequency in the policy', () => {
  it('defaults to once per subject and three a day', () => {
    expect(resolvePolicy({}, {}).policy.survey).toEqual({ perSubject: 1, perDay: 3 });
  });

  it('takes the managed value over the local one and locks it', () => {
    const view = resolvePolicy(
      { survey: { perSubject: 2, perDay: 0 } },
      { survey: { perSubject: 5, perDay: 5 } },
    );
    expect(view.policy.survey).toEqual({ perSubject: 2, perDay: 0 });
    expect(view.locked).toContain('survey');
  });

  it('ignores a broken value with a readable problem and keeps the default', () => {
    const view = resolvePolicy({ survey: { perSubject: -1, perDay: 'many' } }, {});
    expect(view.policy.survey).toEqual(DEFAULT_SURVEY_POLICY);
    expect(view.problems).toHaveLength(1);
    expect(view.problems[0]).toMatch(/^survey: perSubject: 应为 0–100 的整数/);
  });

  it('offers no survey when the administrator set 0 a day, and follows a raised limit', async () => {
    const db = new ZhiyinDatabase(`survey-policy-${Math.random()}`);
    const kv = new Map<string, unknown>();
    let policy = { perSubject: 1, perDay: 0 };
    const surveys = new SurveyService({
      db,
      now: () => 1_700_000_000_000,
      store: {
        get: async (key) => kv.get(key),
        set: async (key, value) => void kv.set(key, value),
      },
      knownSubject: () => true,
      policy: async () => policy,
    });
    expect(await surveys.offer('tour', 'a', 'A')).toBeNull();
    policy = { perSubject: 1, perDay: 2 };
    expect(await surveys.offer('tour', 'a', 'A')).not.toBeNull();
    expect(await surveys.offer('tour', 'b', 'B')).not.toBeNull();
    // Two offered today: the third subject waits for tomorrow.
    expect(await surveys.offer('tour', 'c', 'C')).toBeNull();
    db.close();
  });
});

describe('survey offers follow a pack’s renamed tours', () => {
  it('a survey offered about the old tour is not offered again about the renamed one', async () => {
    const db = new ZhiyinDatabase(`survey-rename-${Math.random()}`);
    const kv = new Map<string, unknown>();
    let now = 1_700_000_000_000;
    const surveys = new SurveyService({
      db,
      now: () => now,
      store: {
        get: async (key) => kv.get(key),
        set: async (key, value) => void kv.set(key, value),
      },
      knownSubject: () => true,
      policy: async () => ({ perSubject: 1, perDay: 10 }),
    });
    // Offered (and dismissed) about the old tour and its exam.
    expect(await surveys.offer('tour', 'gongwen-old', '公文')).not.toBeNull();
    expect(await surveys.offer('assessment', 'gongwen-old', '公文考核')).not.toBeNull();
    now += 60_000;
    await surveys.moveOffers({ 'gongwen-old': 'gongwen-new' });
    expect(await surveys.offer('tour', 'gongwen-new', '公文')).toBeNull();
    expect(await surveys.offer('assessment', 'gongwen-new', '公文考核')).toBeNull();
    // A second rebuild moves nothing more, and other tours are untouched.
    await surveys.moveOffers({ 'gongwen-old': 'gongwen-new' });
    expect(await surveys.offer('tour', 'gongwen-new', '公文')).toBeNull();
    expect(await surveys.offer('tour', 'shuju', '数据上报')).not.toBeNull();
    db.close();
  });
});
