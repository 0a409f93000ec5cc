import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, type Rollup } from 'vite';
import { gradeWrittenTest } from '../../../features/quiz/grading';
import { cleanAnswers, createQuizRoutes } from '../../../features/quiz/background/routes';
import type { QuizResultRecord } from '../../../features/quiz/records';
import { formatTourError } from '../../../features/tour/load';
import { gradedQuiz, localizedQuiz, type QuizFile } from '../../../features/quiz/schema';
import { loadProjectQuizzes, quizPlugin } from '../../../features/quiz/build-plugin';
import { tourDirs } from '../../../features/tour/build-plugin';

const repo = resolve(import.meta.dirname, '../../..');
const tourFixtures = join(import.meta.dirname, '../../fixtures/tours');

const QUIZ = `id: anquan
module: 安全
title: 安全测验
summary: 密码与锁定。
version: 1
i18n:
  en: { title: Security quiz, summary: Passwords and lockout. }
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
    i18n: { en: { prompt: How many failures lock the account?, explanation: Five failures lock it for 30 minutes. } }
  - id: policy
    kind: multiple
    prompt: 密码须包含？
    options:
      - { id: a, text: 字母, en: Letters }
      - { id: b, text: 数字, en: Digits }
      - { id: c, text: 生日, en: A birthday }
    answer: [a, b]
    explanation: 字母、数字、符号。
    learn: { tours: [gongwen-new-document] }
    i18n: { en: { prompt: A password contains?, explanation: 'Letters, digits, symbols.' } }
`;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'zhiyin-quiz-'));
  cpSync(join(tourFixtures, 'valid'), join(root, 'tours'), { recursive: true });
  mkdirSync(join(root, 'tours/quizzes'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const writeQuiz = (name: string, text: string) =>
  writeFileSync(join(root, 'tours/quizzes', name), text);
const load = () => loadProjectQuizzes(root, [join(root, 'tours')]);
const messages = () => load().errors.map(formatTourError);

describe('bundled quizzes (tours/quizzes)', () => {
  const result = loadProjectQuizzes(repo, tourDirs(repo, {}));

  it('all validate and link existing tours and help articles', () => {
    expect(result.errors.map(formatTourError)).toEqual([]);
  });

  it('one quiz per module of the plan, each with at least 8 choice questions (single and multiple) and 2 short answers', () => {
    expect(result.quizzes.map((quiz) => quiz.module)).toEqual([
      '认知',
      '操作',
      '规范',
      '安全',
      '进阶',
    ]);
    for (const quiz of result.quizzes) {
      const choice = quiz.questions.filter((question) => question.kind !== 'short');
      const short = quiz.questions.filter((question) => question.kind === 'short');
      expect(choice.length, quiz.id).toBeGreaterThanOrEqual(8);
      expect(short.length, quiz.id).toBeGreaterThanOrEqual(2);
      const kinds = new Set(quiz.questions.map((question) => question.kind));
      expect([...kinds].sort(), quiz.id).toEqual(['multiple', 'short', 'single']);
    }
  });

  it('teach the plan’s facts: the right options say what the plan says', () => {
    const rightText = (quizId: string, questionId: string) => {
      const quiz = result.quizzes.find((candidate) => candidate.id === quizId);
      const question = quiz?.questions.find((candidate) => candidate.id === questionId);
      if (!question || question.kind === 'short')
        throw new Error(`${quizId}/${questionId} missing`);
      const right = question.kind === 'single' ? [question.answer] : question.answer;
      return question.options
        .filter((option) => right.includes(option.id))
        .map((option) => option.text)
        .join(' | ');
    };
    expect(rightText('renzhi', 'layers')).toContain('基础支撑层 - 业务应用层 - 用户访问层');
    expect(rightText('renzhi', 'permission-apply')).toContain('提交申请表 → 部门审核 → 系统配置');
    expect(rightText('caozuo', 'review-chain')).toBe('部门负责人 → 办公室 → 分管领导');
    expect(rightText('caozuo', 'report-deadline')).toContain('逾期系统自动关闭');
    expect(rightText('guifan', 'startup-chain')).toBe(
      '名称预先核准 → 材料提交 → 现场核查 → 领取执照',
    );
    expect(rightText('guifan', 'three-nots')).toBe(
      '不准泄露用户信息 | 不准越权操作 | 不准修改系统配置',
    );
    expect(rightText('guifan', 'four-musts')).toBe(
      '必须核对用户身份 | 必须留存操作记录 | 必须使用正版软件 | 必须定期修改密码',
    );
    expect(rightText('guifan', 'archive-deadline')).toContain('3 个月内');
    expect(rightText('anquan', 'lockout')).toBe('连续 5 次登录失败，锁定 30 分钟');
    expect(rightText('anquan', 'password-policy')).toBe(
      '长度 8-16 位 | 包含字母 | 包含数字 | 包含符号',
    );
    expect(rightText('anquan', 'password-interval')).toBe('每 3 个月');
    expect(rightText('anquan', 'classified')).toBe('通过加密通道传输');
    expect(rightText('jinjie', 'dimensions')).toBe('时间 | 地区 | 事项类型');
  });

  it('are fully translated into English', () => {
    for (const quiz of result.quizzes) {
      const en = localizedQuiz(quiz, 'en');
      const zh = localizedQuiz(quiz, 'zh_CN');
      expect(en.title).not.toBe(zh.title);
      en.questions.forEach((question, index) => {
        expect(question.prompt, `${quiz.id}/${question.id}`).not.toMatch(/[\u4e00-\u9fff]{4}/u);
        expect(question.prompt).not.toBe(zh.questions[index]?.prompt);
      });
    }
  });
});

describe('quiz schema: rejected files say which file, where and why', () => {
  it('accepts a valid file', () => {
    writeQuiz('anquan.yaml', QUIZ);
    expect(messages()).toEqual([]);
    expect(load().quizzes.map((quiz) => quiz.id)).toEqual(['anquan']);
  });

  it('an answer that is not an option', () => {
    writeQuiz('anquan.yaml', QUIZ.replace('    answer: a\n', '    answer: d\n'));
    expect(messages()).toEqual([
      'tours/quizzes/anquan.yaml:15:13: questions[0].answer: 答案 "d" 不是本题的选项（选项：a, b） / answer "d" is not an option (options: a, b)',
    ]);
  });

  it('a multiple-choice question with one right option, and one where every option is right', () => {
    writeQuiz('anquan.yaml', QUIZ.replace('answer: [a, b]', 'answer: [a]'));
    expect(messages()).toEqual([
      expect.stringMatching(
        /^tours\/quizzes\/anquan\.yaml:\d+:\d+: questions\[1\]\.answer: 多选题至少要有 2 个正确选项（只有一个时请用 single） \/ a multiple-choice question has at least 2 right options/,
      ),
    ]);
    writeQuiz('anquan.yaml', QUIZ.replace('answer: [a, b]', 'answer: [a, b, c]'));
    expect(messages()).toEqual([
      expect.stringMatching(
        /questions\[1\]\.answer: 所有选项都是正确答案：至少留一个错误选项 \/ every option is right: leave at least one wrong option$/,
      ),
    ]);
  });

  it('a missing English translation, an unknown module and a missing learn link', () => {
    const text = QUIZ.replace(
      '    i18n: { en: { prompt: How many failures lock the account?, explanation: Five failures lock it for 30 minutes. } }\n',
      '',
    )
      .replace('module: 安全', 'module: 其他')
      .replace(
        'learn: { tours: [gongwen-new-document] }\n    i18n: { en: { prompt: A password',
        'learn: {}\n    i18n: { en: { prompt: A password',
      );
    writeQuiz('anquan.yaml', text);
    const found = messages();
    expect(found).toContainEqual(
      expect.stringMatching(
        /^tours\/quizzes\/anquan\.yaml:2:9: module: module 只能是 认知、操作、规范、安全、进阶 \/ module must be one of 认知, 操作, 规范, 安全, 进阶$/,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /questions\[0\]\.i18n: 缺少必填项 i18n（英文翻译） \/ i18n is required$/,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /questions\[1\]\.learn: learn 至少要写一个讲解这道题的引导（tours）或帮助文章（articles） \/ learn must name at least one tour or help article/,
      ),
    );
  });

  it('an English option missing, a question id that is not kebab-case', () => {
    writeQuiz(
      'anquan.yaml',
      QUIZ.replace('{ id: b, text: 3 次, en: 3 times }', '{ id: b, text: 3 次 }').replace(
        'id: policy',
        'id: Policy_1',
      ),
    );
    const found = messages();
    expect(found).toContainEqual(
      expect.stringMatching(
        /questions\[0\]\.options\[1\]\.en: 缺少必填项 en（选项的英文） \/ en is required$/,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /questions\[1\]\.id: 题目 id只能用小写英文字母、数字和单个连字符，如 password-policy \/ id must be kebab-case ASCII/,
      ),
    );
  });

  it('two options with the same id, and an answer listed twice', () => {
    writeQuiz(
      'anquan.yaml',
      QUIZ.replace(
        '{ id: b, text: 3 次, en: 3 times }',
        '{ id: a, text: 3 次, en: 3 times }',
      ).replace('answer: [a, b]', 'answer: [a, b, a]'),
    );
    const found = messages();
    expect(found).toContainEqual(
      expect.stringMatching(
        /questions\[0\]\.options\[1\]\.id: 选项 id "a" 重复 \/ duplicate option id "a"$/,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /questions\[1\]\.answer\[2\]: 答案 "a" 写了两次 \/ answer "a" is listed twice$/,
      ),
    );
  });

  it('links to tours and articles that do not exist, an id that is not the file name, a YAML error', () => {
    writeQuiz(
      'anquan.yaml',
      QUIZ.replace(
        'learn: { tours: [gongwen-new-document] }',
        'learn: { tours: [no-such-tour], articles: [no-such-article] }',
      ),
    );
    writeQuiz('other.yaml', QUIZ.replace('module: 安全', 'module: 进阶'));
    writeQuiz('broken.yaml', 'id: [unclosed\n');
    const found = messages();
    expect(found).toContainEqual(
      expect.stringMatching(
        /^tours\/quizzes\/anquan\.yaml:\d+:\d+: questions\[0\]\.learn\.tours\[0\]: 没有 id 为 "no-such-tour" 的引导（可用：[^）]+） \/ unknown tour "no-such-tour" \(known: /,
      ),
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /questions\[0\]\.learn\.articles\[0\]: 没有 id 为 "no-such-article" 的帮助文章（可用：[^）]*） \/ unknown help article "no-such-article"/,
      ),
    );
    expect(found).toContainEqual(
      'tours/quizzes/other.yaml:1:5: id: 测验 id "anquan" 必须与文件名 "other" 相同 / quiz id "anquan" must equal its file name "other"',
    );
    expect(found).toContainEqual(
      expect.stringMatching(/^tours\/quizzes\/broken\.yaml:\d+:\d+: YAML syntax error/),
    );
    // Nothing half-valid ships.
    expect(load().quizzes).toEqual([]);
  });

  it('the build fails on a broken quiz with the same messages', async () => {
    writeQuiz('anquan.yaml', QUIZ.replace('    answer: a\n', '    answer: d\n'));
    writeFileSync(
      join(root, 'entry.js'),
      "import q from 'virtual:zhiyin-quizzes'; console.log(q);\n",
    );
    await expect(
      build({
        root,
        logLevel: 'silent',
        configFile: false,
        plugins: [quizPlugin({ root, dirs: [join(root, 'tours')] })],
        build: { write: false, lib: { entry: join(root, 'entry.js'), formats: ['es'] } },
      }),
    ).rejects.toThrow(
      /测验文件有 1 处错误 \/ 1 quiz error:\n {2}tours\/quizzes\/anquan\.yaml:15:13: questions\[0\]\.answer: 答案 "d" 不是本题的选项（选项：a, b） \/ answer "d" is not an option/,
    );
    writeQuiz('anquan.yaml', QUIZ);
    const output = (await build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: [quizPlugin({ root, dirs: [join(root, 'tours')] })],
      build: { write: false, lib: { entry: join(root, 'entry.js'), formats: ['es'] } },
    })) as Rollup.RollupOutput[];
    const code = output
      .flatMap((out) => out.output)
      .map((chunk) => ('code' in chunk ? chunk.code : ''))
      .join('');
    expect(code).toContain('连续几次登录失败锁定');
  });
});

describe('grading a bundled quiz (pass at 80) and the submit route', () => {
  const quiz = loadProjectQuizzes(repo, tourDirs(repo, {})).quizzes.find(
    (candidate) => candidate.id === 'anquan',
  ) as QuizFile;
  // Choice questions only: these tests grade the 选择题 section (short answers are left empty).
  const choiceQuiz: QuizFile = {
    ...quiz,
    questions: quiz.questions.filter((question) => question.kind !== 'short'),
  };
  const rightAnswers = Object.fromEntries(
    choiceQuiz.questions.map((question) => [
      question.id,
      question.kind === 'single'
        ? [question.answer]
        : question.kind === 'multiple'
          ? [...question.answer]
          : [],
    ]),
  );

  it('all right → 100, passed; one single wrong of nine → 88.9, passed; three wrong → failed', () => {
    const stored = (answers: Record<string, string[]>) =>
      Object.fromEntries(
        choiceQuiz.questions.map((question) => [
          question.id,
          question.kind === 'single'
            ? (answers[question.id]?.[0] ?? '')
            : (answers[question.id] ?? []),
        ]),
      );
    expect(gradeWrittenTest(gradedQuiz(choiceQuiz), stored(rightAnswers))).toMatchObject({
      total: 100,
      passed: true,
    });
    const oneWrong = { ...rightAnswers, lockout: ['b'] };
    expect(gradeWrittenTest(gradedQuiz(choiceQuiz), stored(oneWrong))).toMatchObject({
      total: 88.9,
      passed: true,
    });
    const threeWrong = { ...oneWrong, classified: ['b'], 'data-leak': ['b'] };
    expect(gradeWrittenTest(gradedQuiz(choiceQuiz), stored(threeWrong))).toMatchObject({
      total: 66.7,
      passed: false,
    });
    // 少选 on a multiple-choice question earns half its point.
    const missing = { ...rightAnswers, 'password-policy': ['a', 'b'] };
    const score = gradeWrittenTest(gradedQuiz(choiceQuiz), stored(missing));
    expect(score.questions.find((q) => q.questionId === 'password-policy')).toMatchObject({
      points: 0.5,
      correct: false,
    });
    expect(score.total).toBe(94.4);
  });

  it('the route grades in the background, stores the record and announces it to the learning-record events (xAPI subscribes)', async () => {
    const stored: QuizResultRecord[] = [];
    const statements: unknown[] = [];
    const routes = createQuizRoutes({
      quizzes: [quiz],
      results: {
        add: async (record) => stored.push(record),
        newestFirst: async () => [...stored].reverse(),
      },
      events: { quizScored: async (input) => (statements.push(input), null) },
      now: () => 1_700_000_000_000,
      uuid: () => 'attempt-1',
    });
    const sender = { kind: 'extension-page' } as never;
    const record = await routes['page:submitQuiz'].handle(
      {
        quizId: 'anquan',
        answers: {
          ...rightAnswers,
          lockout: ['b'],
          'not-a-question': ['a'],
          // Every key point (full-width digits and punctuation too).
          'password-written':
            '  密码长度８－１６位，要有字母、数字和符号；每３个月换一次；连续５次登录失败锁定３０分钟。 ',
          // 上报 + 停止 (weight 2 + 2 of 6); nothing about backups.
          'data-leak-written': '马上报告信息部门，停止操作。',
        },
        ms: 65_000,
      },
      sender,
    );
    // 选择题 60 × 8/9 = 53.3; 简答题 40 × (1 + 4/6) / 2 = 33.3.
    expect(record).toMatchObject({
      quizId: 'anquan',
      module: '安全',
      attemptId: 'attempt-1',
      at: 1_700_000_000_000,
      ms: 65_000,
      quizVersion: 2,
      grades: { 'password-written': 1, 'data-leak-written': 0.6667 },
      shortAnswerPoints: {
        'password-written': ['length', 'kinds', 'interval', 'lockout'],
        'data-leak-written': ['report', 'stop'],
      },
      score: { choiceScore: 53.3, shortAnswerScore: 33.3, pending: false, passed: true },
    });
    expect(record.score.total).toBe(86.6);
    expect(record.answers['data-leak-written']).toBe('马上报告信息部门，停止操作。');
    expect(record.answers['password-written']).toMatch(/^密码长度/);
    expect(record.answers.lockout).toBe('b');
    expect(record.answers['password-policy']).toEqual(['a', 'b', 'c', 'd']);
    expect(record.answers).not.toHaveProperty('not-a-question');
    expect(stored).toEqual([record]);
    expect(statements).toEqual([
      expect.objectContaining({
        quizId: 'anquan',
        quizTitle: quiz.title,
        attemptId: 'attempt-1',
        ms: 65_000,
      }),
    ]);
    await expect(
      routes['page:submitQuiz'].handle({ quizId: 'nope', answers: {}, ms: 0 }, sender),
    ).rejects.toThrow('unknown quiz: nope');
    expect(() => cleanAnswers(quiz, { lockout: 'a' })).toThrow(
      'answer to lockout must be a list of option ids',
    );
    expect(() => cleanAnswers(quiz, { 'data-leak-written': ['a'] })).toThrow(
      'answer to data-leak-written must be text',
    );
    expect(() => cleanAnswers(quiz, { 'data-leak-written': '报'.repeat(2001) })).toThrow(
      'longer than 2000 characters',
    );
  });
});
