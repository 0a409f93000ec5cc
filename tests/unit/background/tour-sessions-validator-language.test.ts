import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TourRecorder } from '../../../features/tour/background/recorder';
import { TourSessions, createSessionStore } from '../../../features/tour/background/sessions';
import { ZhiyinDatabase } from '../../../app/database';
import type { Language } from '../../../lib/settings/preferences';
import { TourSchema } from '../../../features/tour/schema';
import { VALIDATORS } from '../../../lib/validators';

const tour = TourSchema.parse({
  id: 'credit-code-entry',
  title: '填写统一社会信用代码',
  summary: '输入企业的统一社会信用代码',
  module: '操作',
  audience: ['业务操作人员'],
  applies: { url: '/index.html*' },
  steps: [
    {
      id: 'code',
      title: '统一社会信用代码',
      body: '输入 18 位代码',
      target: { label: '统一社会信用代码' },
      advance: { on: 'input', validator: 'creditCode' },
    },
    { id: 'done', title: '完成', body: '已填写' },
  ],
});
const url = 'http://127.0.0.1/index.html';

/** The card's refusal text after the learner typed `value` into the step's field. */
async function refusalFor(language: Language, value: string) {
  const db = new ZhiyinDatabase(`validator-language-${Math.random()}`);
  const sessions = new TourSessions({
    tours: [tour],
    db,
    store: createSessionStore(null),
    recorder: new TourRecorder(db),
    now: () => Date.now(),
    validators: VALIDATORS,
    language: async () => language,
    role: async () => null,
  });
  const tab = 7;
  await sessions.start(tab, tour.id, url);
  await sessions.event(tab, { type: 'TARGET_FOUND', stepIndex: 0 });
  const reply = await sessions.event(tab, {
    type: 'USER_ACTION',
    stepIndex: 0,
    kind: 'input',
    value,
  });
  await sessions.persisted(tab);
  db.close();
  return reply?.effects.find((effect) => effect.type === 'advance-rejected');
}

describe('a validator refusing a learner’s input speaks the learner’s language', () => {
  it('words the refusal in Chinese by default and in English for an English learner', async () => {
    const zh = await refusalFor('zh_CN', '91350100M000100Y4A');
    const en = await refusalFor('en', '91350100M000100Y4A');
    expect(zh).toMatchObject({ reason: 'validator-rejected' });
    expect(en).toMatchObject({ reason: 'validator-rejected' });
    expect(zh && 'message' in zh ? zh.message : '').toMatch(/[\u4e00-\u9fff]/);
    expect(en && 'message' in en ? en.message : '').toMatch(/check character|credit code/i);
    expect(en && 'message' in en ? en.message : '').not.toBe(
      zh && 'message' in zh ? zh.message : '',
    );
  });
});
