/**
 * A broken or hostile content file cannot hang, crash or bloat the build (issue 10): every loader
 * refuses it with the file's name (and line where there is one), and nothing throws.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_LIMITS } from '../../../lib/content/limits';
import { loadHelpArticles } from '../../../features/help/load';
import { loadQuizzes } from '../../../features/quiz/load';
import { loadRules } from '../../../features/rules/load';
import { formatTourError, loadTours, type TourError } from '../../../features/tour/load';
import { loadProjectChecklists } from '../../../features/checklist/build-plugin';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'zhiyin-hostile-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(path: string, text: string): void {
  const file = join(root, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

const printed = (errors: TourError[]) => errors.map(formatTourError);

/** "Billion laughs": nine levels of nine aliases each, ~387 million strings once resolved. */
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, index) => {
    const previous = 'abcdefghi'[index] ?? 'a';
    return `${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`;
  }),
  'id: bomb',
].join('\n');

function tourYaml(id: string, steps: string, extra = ''): string {
  return `id: ${id}\ntitle: 测试\nsummary: 测试导览\nmodule: 认知\naudience: [基层用户]\napplies: { url: "/x*" }\n${extra}steps:\n${steps}`;
}

describe('hostile content files', () => {
  it('an alias bomb in a tour is refused with the file name, not thrown', () => {
    write('tours/bomb/tour.yaml', ALIAS_BOMB);
    const result = loadTours([join(root, 'tours')], { cwd: root });
    expect(result.tours).toEqual([]);
    expect(printed(result.errors)).toEqual([
      expect.stringMatching(/^tours\/bomb\/tour\.yaml: too many YAML aliases/u),
    ]);
  });

  it('an alias bomb in rules, help, quizzes or checklists is refused with the file name', () => {
    write('tours/rules/tips.yaml', ALIAS_BOMB);
    write('tours/help/bomb.yaml', ALIAS_BOMB);
    write('tours/quizzes/bomb.yaml', ALIAS_BOMB);
    write('tours/checklists.yaml', ALIAS_BOMB);
    const dirs = [join(root, 'tours')];
    const rules = loadRules(dirs, { cwd: root });
    expect(printed(rules.errors)).toEqual([
      expect.stringMatching(/^tours\/rules\/tips\.yaml: too many YAML aliases/u),
    ]);
    const help = loadHelpArticles(dirs, { cwd: root, tourIds: [] });
    expect(printed(help.errors)).toEqual([
      expect.stringMatching(/^tours\/help\/bomb\.yaml: too many YAML aliases/u),
    ]);
    const quizzes = loadQuizzes(dirs, { cwd: root, tourIds: [], articleIds: [] });
    expect(printed(quizzes.errors)).toEqual([
      expect.stringMatching(/^tours\/quizzes\/bomb\.yaml: too many YAML aliases/u),
    ]);
    const checklists = loadProjectChecklists(root, {});
    expect(checklists.checklists).toBeNull();
    expect(printed(checklists.errors)).toEqual([
      expect.stringMatching(/^tours\/checklists\.yaml: too many YAML aliases/u),
    ]);
  });

  it('a 10 MB body is refused by file size, with the file name, actual and allowed size', () => {
    const body = 'x'.repeat(10 * 1024 * 1024);
    write('tours/huge/tour.yaml', tourYaml('huge', `  - id: one\n    body: ${body}\n`));
    write('tours/help/huge.yaml', `id: huge\nbody: ${body}\n`);
    const result = loadTours([join(root, 'tours')], { cwd: root });
    expect(printed(result.errors)).toEqual([
      expect.stringMatching(
        /^tours\/huge\/tour\.yaml: file too large: it is 10,48\d,\d{3} bytes, more than the 1,000,000 allowed$/u,
      ),
    ]);
    const help = loadHelpArticles([join(root, 'tours')], { cwd: root, tourIds: [] });
    expect(printed(help.errors)[0]).toMatch(/^tours\/help\/huge\.yaml: file too large: it is /u);
  });

  it('a body longer than the text limit is refused with file, line and path', () => {
    const body = '长'.repeat(CONTENT_LIMITS.textChars + 1);
    write('tours/long/tour.yaml', tourYaml('long', `  - id: one\n    body: ${body}\n`));
    const result = loadTours([join(root, 'tours')], { cwd: root });
    expect(printed(result.errors)).toEqual([
      'tours/long/tour.yaml:9:11: steps[0].body: text is 20,001 characters, more than the 20,000 allowed',
    ]);
  });

  it('20,000 steps are refused with the file name, once', () => {
    const steps = Array.from({ length: 20_000 }, (_, i) => `  - { id: s${i}, body: 第${i}步 }`);
    write('tours/many/tour.yaml', tourYaml('many', `${steps.join('\n')}\n`));
    const result = loadTours([join(root, 'tours')], { cwd: root });
    expect(printed(result.errors)).toEqual([
      'tours/many/tour.yaml:8:3: steps: the list is 20,000 items, more than the 100 allowed',
    ]);
    // Parsing ~700 kB of YAML takes seconds on a busy 2-core machine: a generous time limit.
  }, 60_000);

  it('101 steps are refused; 100 are accepted', () => {
    const steps = (n: number) =>
      `${Array.from({ length: n }, (_, i) => `  - { id: s${i}, body: 第${i}步 }`).join('\n')}\n`;
    write('tours/ok/tour.yaml', tourYaml('ok', steps(100)));
    write('tours/over/tour.yaml', tourYaml('over', steps(101)));
    const result = loadTours([join(root, 'tours')], { cwd: root });
    expect(result.tours.map((tour) => tour.id)).toEqual(['ok']);
    expect(printed(result.errors)).toEqual([
      expect.stringMatching(/^tours\/over\/tour\.yaml:8:3: steps: the list is 101 items/u),
    ]);
  });

  it('too many items in a rules file and too deep nesting are refused with the file name', () => {
    const tips = Array.from({ length: 501 }, (_, i) => `  - { id: t${i} }`).join('\n');
    write('tours/rules/tips.yaml', `tips:\n${tips}\n`);
    write('tours/help/deep.yaml', `id: deep\nbody: ${'['.repeat(40)}${']'.repeat(40)}\n`);
    const rules = loadRules([join(root, 'tours')], { cwd: root });
    expect(printed(rules.errors)).toEqual([
      'tours/rules/tips.yaml:2:3: tips: the list is 501 items, more than the 500 allowed',
    ]);
    const help = loadHelpArticles([join(root, 'tours')], { cwd: root, tourIds: [] });
    expect(printed(help.errors)[0]).toMatch(
      /^tours\/help\/deep\.yaml:2:\d+: body.*nested more than 32/u,
    );
  });

  it('a catastrophic input pattern is refused at build time with file:line and a clear message', () => {
    write(
      'tours/redos/tour.yaml',
      tourYaml(
        'redos',
        [
          '  - id: one',
          '    target: { label: 姓名 }',
          '    body: 填写姓名',
          "    advance: { on: input, pattern: '(\\w+\\s?)*' }",
          '',
        ].join('\n'),
      ),
    );
    const result = loadTours([join(root, 'tours')], { cwd: root });
    expect(result.tours).toEqual([]);
    expect(printed(result.errors)).toEqual([
      expect.stringMatching(
        /^tours\/redos\/tour\.yaml:11:\d+: steps\[0\]\.advance\.pattern: pattern 可能让页面卡死（nested quantifier.*\/ pattern may hang the page: nested quantifier: the repeated group \(\\w\+\\s\?\)\* contains \\w\+/u,
      ),
    ]);
  });

  it('an over-long pattern is refused with file:line', () => {
    const pattern = 'a'.repeat(CONTENT_LIMITS.patternChars + 1);
    write(
      'tours/longpattern/tour.yaml',
      tourYaml(
        'longpattern',
        `  - id: one\n    target: { label: 姓名 }\n    body: x\n    advance: { on: input, pattern: '${pattern}' }\n`,
      ),
    );
    const result = loadTours([join(root, 'tours')], { cwd: root });
    expect(printed(result.errors)).toEqual([
      expect.stringMatching(
        /^tours\/longpattern\/tour\.yaml:11:\d+: steps\[0\]\.advance\.pattern: pattern 超过 300 个字符 \/ pattern is longer than 300 characters/u,
      ),
    ]);
  });

  it('an unreadable or oversized renames.json is an error naming it, not a throw', () => {
    write('tours/renames.json', `{"a": "${'b'.repeat(1_100_000)}"}`);
    const result = loadTours([join(root, 'tours')], { cwd: root });
    expect(printed(result.errors)).toEqual([
      expect.stringMatching(/^tours\/renames\.json: file too large/u),
    ]);
  });

  it('every real content file still loads', () => {
    const repo = join(import.meta.dirname, '../../..');
    const dirs = [join(repo, 'tours')];
    const tours = loadTours(dirs, { cwd: repo });
    expect(tours.errors).toEqual([]);
    expect(loadRules(dirs, { cwd: repo, tours: tours.tours }).errors).toEqual([]);
    const help = loadHelpArticles(dirs, { cwd: repo, tourIds: tours.tours.map((t) => t.id) });
    expect(help.errors).toEqual([]);
    expect(
      loadQuizzes(dirs, {
        cwd: repo,
        tourIds: tours.tours.map((t) => t.id),
        articleIds: help.articles.map((a) => a.id),
      }).errors,
    ).toEqual([]);
    expect(loadProjectChecklists(repo, {}).errors).toEqual([]);
    const e2e = loadTours([join(repo, 'tests/fixtures/e2e-tours')], { cwd: repo });
    expect(e2e.errors).toEqual([]);
  }, 60_000);
});
