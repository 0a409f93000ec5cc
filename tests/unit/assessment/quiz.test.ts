import { describe, expect, it } from 'vitest';
import type { MultipleChoiceQuestion, Quiz } from '../../../features/quiz/grading';
import { choiceCredit, gradeWrittenTest, quizProblems } from '../../../features/quiz/grading';

const options = (...ids: string[]) => ids.map((id) => ({ id, text: `选项${id}` }));

const multi: MultipleChoiceQuestion = {
  id: 'attachment-formats',
  kind: 'multiple',
  prompt: '公文附件支持哪些格式？',
  options: options('a', 'b', 'c', 'd'),
  answer: ['a', 'b', 'c'],
};

/** The plan's 笔试: choice 60 + short answer 40. */
const quiz: Quiz = {
  id: 'written-basic',
  title: '系统基础知识笔试',
  questions: [
    {
      id: 'q1',
      kind: 'single',
      prompt: '请示应当……',
      options: options('a', 'b', 'c'),
      answer: 'b',
    },
    { id: 'q2', kind: 'single', prompt: '密码最少几位？', options: options('a', 'b'), answer: 'a' },
    multi,
    {
      id: 'q4',
      kind: 'multiple',
      prompt: '……',
      options: options('a', 'b'),
      answer: ['a', 'b'],
      points: 3,
    },
    {
      id: 's1',
      kind: 'short',
      prompt: '简述公文审核流程',
      points: 20,
      reference: '部门负责人→办公室→分管领导',
    },
    { id: 's2', kind: 'short', prompt: '简述数据安全要求', points: 20 },
  ],
};

describe('choiceCredit', () => {
  it('single choice: the right option only', () => {
    const single = quiz.questions[0]!;
    if (single.kind !== 'single') throw new Error('fixture');
    expect(choiceCredit(single, 'b')).toBe(1);
    expect(choiceCredit(single, 'a')).toBe(0);
    expect(choiceCredit(single, ['b'])).toBe(1);
    expect(choiceCredit(single, ['a', 'b'])).toBe(0);
    expect(choiceCredit(single, undefined)).toBe(0);
    expect(choiceCredit(single, [])).toBe(0);
  });

  it('multiple choice, default rule: full, half for 少选, nothing for 错选 or no answer', () => {
    expect(choiceCredit(multi, ['c', 'a', 'b'])).toBe(1);
    expect(choiceCredit(multi, ['a', 'b'])).toBe(0.5);
    expect(choiceCredit(multi, ['a'])).toBe(0.5);
    expect(choiceCredit(multi, ['a', 'b', 'c', 'd'])).toBe(0);
    expect(choiceCredit(multi, ['a', 'd'])).toBe(0);
    expect(choiceCredit(multi, [])).toBe(0);
    expect(choiceCredit(multi, undefined)).toBe(0);
  });

  it('counts a repeated option once', () => {
    expect(choiceCredit(multi, ['a', 'a', 'b', 'c'])).toBe(1);
  });

  it('rule none: all or nothing', () => {
    expect(choiceCredit(multi, ['a', 'b'], 'none')).toBe(0);
    expect(choiceCredit(multi, ['a', 'b', 'c'], 'none')).toBe(1);
  });

  it('rule proportional: right minus wrong over right, never negative', () => {
    expect(choiceCredit(multi, ['a', 'b'], 'proportional')).toBeCloseTo(2 / 3);
    expect(choiceCredit(multi, ['a', 'b', 'd'], 'proportional')).toBeCloseTo(1 / 3);
    expect(choiceCredit(multi, ['d'], 'proportional')).toBe(0);
  });

  it('a question-level rule overrides the quiz default', () => {
    expect(choiceCredit({ ...multi, partialCredit: 'none' }, ['a'], 'half')).toBe(0);
  });
});

describe('gradeWrittenTest', () => {
  const allRight = { q1: 'b', q2: 'a', 'attachment-formats': ['a', 'b', 'c'], q4: ['a', 'b'] };

  it('is pending, without a total, until every short answer is graded', () => {
    const score = gradeWrittenTest(quiz, allRight, { s1: 20 });
    expect(score).toMatchObject({
      choiceScore: 60,
      shortAnswerScore: null,
      pending: true,
      total: null,
      passed: null,
    });
    expect(score.questions.find((q) => q.questionId === 's2')).toMatchObject({
      points: null,
      correct: null,
    });
  });

  it('adds choice (60) and short answers (40) and passes at 80', () => {
    const score = gradeWrittenTest(quiz, allRight, { s1: 12, s2: 8 });
    expect(score).toMatchObject({
      choiceScore: 60,
      shortAnswerScore: 20,
      total: 80,
      passed: true,
      pending: false,
    });
  });

  it('weights choice questions by points and applies partial credit', () => {
    // points: q1 1, q2 1, multi 1 (少选 → 0.5), q4 3 (wrong → 0): 2.5 of 6 → 25
    const score = gradeWrittenTest(
      quiz,
      { q1: 'b', q2: 'a', 'attachment-formats': ['a'], q4: ['a', 'c'] },
      { s1: 20, s2: 20 },
    );
    expect(score.choiceScore).toBe(25);
    expect(score.total).toBe(65);
    expect(score.passed).toBe(false);
    expect(score.questions.find((q) => q.questionId === 'attachment-formats')).toMatchObject({
      points: 0.5,
      correct: false,
    });
  });

  it('fails just below 80', () => {
    const score = gradeWrittenTest(quiz, allRight, { s1: 19.5, s2: 0 });
    expect(score.total).toBe(79.5);
    expect(score.passed).toBe(false);
  });

  it('scales a choice-only self-check quiz to 100', () => {
    const selfCheck: Quiz = { id: 'self', title: '自测', questions: quiz.questions.slice(0, 2) };
    expect(gradeWrittenTest(selfCheck, { q1: 'b', q2: 'b' })).toMatchObject({
      choiceScore: 50,
      shortAnswerScore: null,
      pending: false,
      total: 50,
      passed: false,
    });
  });

  it('scales a short-answer-only quiz to 100', () => {
    const shortOnly: Quiz = { id: 'short', title: '简答', questions: quiz.questions.slice(4) };
    expect(gradeWrittenTest(shortOnly, {}, { s1: 20, s2: 10 })).toMatchObject({
      choiceScore: null,
      shortAnswerScore: 75,
      total: 75,
    });
  });

  it('rejects grades outside 0..max and invalid quizzes', () => {
    expect(() => gradeWrittenTest(quiz, allRight, { s1: 21, s2: 0 })).toThrow(/between 0 and 20/);
    expect(() => gradeWrittenTest(quiz, allRight, { s1: -1, s2: 0 })).toThrow(RangeError);
    const broken: Quiz = {
      id: 'broken',
      title: '坏题',
      questions: [{ id: 'q', kind: 'single', prompt: '?', options: options('a'), answer: 'z' }],
    };
    expect(() => gradeWrittenTest(broken, {})).toThrow(/answer "z" is not an option/);
  });

  it('does not read answers from the prototype chain', () => {
    const protoQuiz: Quiz = {
      id: 'proto',
      title: 'proto',
      questions: [
        { id: 'toString', kind: 'single', prompt: '?', options: options('a'), answer: 'a' },
      ],
    };
    expect(gradeWrittenTest(protoQuiz, {}).total).toBe(0);
  });
});

describe('quizProblems', () => {
  it('reports duplicate ids, missing answers, bad points and empty quizzes', () => {
    const bad: Quiz = {
      id: 'bad',
      title: 'bad',
      questions: [
        { id: 'x', kind: 'multiple', prompt: '?', options: options('a', 'a'), answer: [] },
        { id: 'x', kind: 'short', prompt: '?', points: 0 },
        { id: 'y', kind: 'multiple', prompt: '?', options: options('a', 'b'), answer: ['a', 'a'] },
      ],
    };
    expect(quizProblems(bad)).toEqual([
      'x: duplicate option ids',
      'x: no correct option',
      'duplicate question id "x"',
      'x: points must be positive',
      'y: a correct option is listed twice',
    ]);
    expect(quizProblems({ id: 'e', title: 'e', questions: [] })).toEqual([
      'a quiz needs at least one question',
    ]);
    expect(quizProblems(quiz)).toEqual([]);
  });
});
