import { mkdirSync, mkdtempSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gradeQuizAttempt } from '../../../features/quiz/background/routes';
import { formatTourError } from '../../../features/tour/load';
import { localizedQuiz, quizSections } from '../../../features/quiz/schema';
import {
  gradeShortAnswer,
  normalizeForMatching,
  shortAnswerPoints,
  type KeyPoint,
} from '../../../features/quiz/short-answer';
import { loadProjectQuizzes } from '../../../features/quiz/build-plugin';
import { tourDirs } from '../../../features/tour/build-plugin';

const repo = resolve(import.meta.dirname, '../../..');
const bundled = loadProjectQuizzes(repo, tourDirs(repo, {})).quizzes;
const quizById = (id: string) => {
  const quiz = bundled.find((candidate) => candidate.id === id);
  if (!quiz) throw new Error(`tours/quizzes/${id}.yaml is missing`);
  return quiz;
};
const keyPoints = (quizId: string, questionId: string): KeyPoint[] => {
  const question = quizById(quizId).questions.find((candidate) => candidate.id === questionId);
  if (question?.kind !== 'short') throw new Error(`${quizId}/${questionId} is not a short answer`);
  return question.keyPoints;
};

describe('normalizeForMatching', () => {
  it('folds full-width letters, digits and punctuation, drops spaces and punctuation, lower case', () => {
    expect(normalizeForMatching('ＡＢＣ　１２３，。！')).toBe('abc123');
    expect(normalizeForMatching('连续 5 次，锁定 30 分钟。')).toBe('连续5次锁定30分钟');
    expect(normalizeForMatching('连续５次锁定３０分钟')).toBe('连续5次锁定30分钟');
    expect(normalizeForMatching('“不准泄露用户信息”、（不准越权操作）')).toBe(
      '不准泄露用户信息不准越权操作',
    );
    expect(normalizeForMatching('Report it\nto IT — at once')).toBe('reportittoitatonce');
  });
});

describe('gradeShortAnswer', () => {
  const threeNotsFourMusts = keyPoints('guifan', 'three-nots-four-musts-written');

  it('an answer that covers some key points: those are found, the rest missing, weight shared', () => {
    const grade = gradeShortAnswer(
      threeNotsFourMusts,
      '三不准：不准泄露用户信息，不准越权操作。四必须：必须使用正版软件。',
    );
    expect(grade.found).toEqual(['no-leak', 'no-overreach', 'licensed-software']);
    expect(grade.missing).toEqual([
      'no-config',
      'verify-identity',
      'keep-records',
      'change-password',
    ]);
    expect(grade).toMatchObject({ covered: 3, total: 7 });
    expect(shortAnswerPoints(grade, 1)).toBe(0.4286);
  });

  it('every key point in full-width characters and other wording counts fully', () => {
    const grade = gradeShortAnswer(
      keyPoints('anquan', 'password-written'),
      '密码长度８～１６位，须含字母、数字、符号；每三个月更换；连续５次失败锁定３０分钟。',
    );
    expect(grade.missing).toEqual([]);
    expect(grade.fraction).toBe(1);
  });

  it('a phrasing made of fragments needs all of them', () => {
    const points = keyPoints('anquan', 'password-written');
    expect(gradeShortAnswer(points, '连续 5 次登录失败就会锁定').found).not.toContain('lockout');
    expect(gradeShortAnswer(points, '连续 5 次登录失败锁定 30 分钟').found).toEqual(['lockout']);
    expect(gradeShortAnswer(points, '字母和数字').found).not.toContain('kinds');
  });

  it('weights: the two heavier points of the data-leak question are two thirds', () => {
    const grade = gradeShortAnswer(
      keyPoints('anquan', 'data-leak-written'),
      '立即上报信息部门并停止操作',
    );
    expect(grade).toMatchObject({ found: ['report', 'stop'], covered: 4, total: 6 });
    expect(shortAnswerPoints(grade, 1)).toBe(0.6667);
  });

  it('an empty or blank answer finds nothing and scores 0', () => {
    for (const answer of [undefined, '', '   \n\u3000', '。，！']) {
      const grade = gradeShortAnswer(threeNotsFourMusts, answer);
      expect(grade.found).toEqual([]);
      expect(grade.missing).toHaveLength(7);
      expect(grade.fraction).toBe(0);
    }
  });

  it('English answers are graded against the English phrasings', () => {
    const grade = gradeShortAnswer(
      keyPoints('renzhi', 'layers-written'),
      'The Foundation layer, the Application Layer and the user ACCESS layer.',
    );
    expect(grade.fraction).toBe(1);
  });
});

describe('a quiz with both sections: 选择题 60 + 简答题 40', () => {
  const quiz = quizById('guifan');
  const right = Object.fromEntries(
    quiz.questions.flatMap((question) =>
      question.kind === 'short'
        ? []
        : [[question.id, question.kind === 'single' ? [question.answer] : [...question.answer]]],
    ),
  );

  it('every bundled quiz is weighted 60 / 40', () => {
    for (const candidate of bundled)
      expect(quizSections(candidate), candidate.id).toEqual({ choice: 60, short: 40 });
  });

  it('all choices right, short answers empty → 60, not passed; with model answers → 100', () => {
    const empty = gradeQuizAttempt(quiz, right);
    expect(empty.score).toMatchObject({
      choiceScore: 60,
      shortAnswerScore: 0,
      total: 60,
      passed: false,
      pending: false,
    });
    const withModel = gradeQuizAttempt(quiz, {
      ...right,
      ...Object.fromEntries(
        quiz.questions.flatMap((question) =>
          question.kind === 'short' ? [[question.id, question.reference]] : [],
        ),
      ),
    });
    expect(withModel.score).toMatchObject({ shortAnswerScore: 40, total: 100, passed: true });
  });

  it('every model answer (zh and en) covers all of its own key points', () => {
    for (const candidate of bundled)
      for (const question of candidate.questions) {
        if (question.kind !== 'short') continue;
        const where = `${candidate.id}/${question.id}`;
        expect(gradeShortAnswer(question.keyPoints, question.reference).missing, where).toEqual([]);
        expect(
          gradeShortAnswer(question.keyPoints, question.i18n.en.reference).missing,
          `${where} (en)`,
        ).toEqual([]);
      }
  });

  it('no key point is earned by copying the question: no phrasing occurs in its prompt', () => {
    for (const candidate of bundled)
      for (const question of candidate.questions) {
        if (question.kind !== 'short') continue;
        for (const prompt of [question.prompt, question.i18n.en.prompt])
          expect(
            gradeShortAnswer(question.keyPoints, prompt).found,
            `${candidate.id}/${question.id}: "${prompt}"`,
          ).toEqual([]);
      }
  });

  it('the page text: key point labels and the model answer in the learner’s language', () => {
    const en = localizedQuiz(quiz, 'en').questions.find((q) => q.kind === 'short');
    expect(en).toMatchObject({ kind: 'short', reference: expect.stringMatching(/^Three nevers/) });
    if (en?.kind !== 'short') throw new Error('no short question');
    expect(en.keyPoints[0]).toEqual({
      id: 'no-leak',
      label: "Never leak users' information",
      weight: 1,
    });
  });
});

describe('short-answer schema: rejected files say which file, where and why', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'zhiyin-short-'));
    cpSync(join(import.meta.dirname, '../../fixtures/tours/valid'), join(root, 'tours'), {
      recursive: true,
    });
    mkdirSync(join(root, 'tours/quizzes'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const QUIZ = `id: anquan
module: 安全
title: 安全测验
summary: 密码。
version: 1
i18n:
  en: { title: Security quiz, summary: Passwords. }
questions:
  - id: lockout
    kind: single
    prompt: 连续几次登录失败锁定？
    options:
      - { id: a, text: 5 次, en: 5 times }
      - { id: b, text: 3 次, en: 3 times }
    answer: a
    explanation: 连续 5 次登录失败锁定 30 分钟。
    learn: { tours: [gongwen-new-document] }
    i18n: { en: { prompt: How many failures lock the account?, explanation: Five. } }
  - id: rules
    kind: short
    prompt: 写出密码要求。
    reference: 8-16 位，含字母、数字、符号。
    keyPoints:
      - id: length
        label: 8-16 位
        en: 8–16 characters
        weight: 1
        accept: [8-16]
      - id: kinds
        label: 字母、数字、符号
        en: Letters, digits, symbols
        weight: 2
        accept: [[字母, 数字, 符号]]
    learn: { tours: [gongwen-new-document] }
    i18n: { en: { prompt: Password rules?, reference: 'Letters, digits, symbols.' } }
`;
  const messages = (text: string) => {
    writeFileSync(join(root, 'tours/quizzes/anquan.yaml'), text);
    return loadProjectQuizzes(root, [join(root, 'tours')]).errors.map(formatTourError);
  };

  it('accepts a valid file', () => {
    expect(messages(QUIZ)).toEqual([]);
  });

  it('a phrasing of punctuation only, a duplicate key point, a missing weight and reference', () => {
    expect(messages(QUIZ.replace('accept: [8-16]', "accept: ['——']"))).toEqual([
      'tours/quizzes/anquan.yaml:28:18: questions[1].keyPoints[0].accept[0]: 这个说法只有空格和标点，评分时会被忽略，永远匹配不上 / this phrasing is only spaces and punctuation, which grading ignores: it would never match',
    ]);
    expect(messages(QUIZ.replace('- id: kinds', '- id: length'))).toEqual([
      'tours/quizzes/anquan.yaml:29:13: questions[1].keyPoints[1].id: 要点 id "length" 重复 / duplicate key point id "length"',
    ]);
    const found = messages(
      QUIZ.replace('        weight: 2\n', '').replace(
        '    reference: 8-16 位，含字母、数字、符号。\n',
        '',
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /^tours\/quizzes\/anquan\.yaml:\d+:\d+: questions\[1\]\.reference: 缺少必填项 reference（参考答案） \/ reference is required$/,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /questions\[1\]\.keyPoints\[1\]\.weight: 缺少必填项 weight（权重） \/ weight is required$/,
      ),
    );
  });

  it('a short answer before a choice question', () => {
    const [head = '', choice = '', short = ''] = QUIZ.split(/(?=^ {2}- id: )/mu);
    expect(messages(head + short + choice)).toEqual([
      expect.stringMatching(
        /^tours\/quizzes\/anquan\.yaml:\d+:\d+: questions\[1\]\.kind: 选择题要写在简答题前面（与笔试一致：先选择题，后简答题） \/ choice questions come before the short-answer questions/,
      ),
    ]);
  });
});
