import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  formatTourError,
  loadTours,
  tourFileOf,
  withValidTours,
} from '../../../features/tour/load';
import type { TourError } from '../../../features/tour/load';

const fixtures = join(import.meta.dirname, '../../fixtures/tours');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'zhiyin-tours-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Write `tours/<folder>/<file>` under a temp root and return the tours folder. */
function writeTour(folder: string, text: string, file = 'tour.yaml', dir = 'tours'): string {
  const tours = join(root, dir);
  mkdirSync(join(tours, folder), { recursive: true });
  writeFileSync(join(tours, folder, file), text);
  return tours;
}

const load = (dirs: string[], options = {}) => loadTours(dirs, { cwd: root, ...options });
const printed = (errors: TourError[]) => errors.map(formatTourError);

/** A valid tour as YAML with `patch` lines replacing the defaults below. */
function tourYaml(id: string, overrides: Record<string, string> = {}): string {
  const parts: Record<string, string> = {
    id: `id: ${id}`,
    title: 'title: 测试',
    summary: 'summary: 测试导览',
    module: 'module: 认知',
    audience: 'audience: [基层用户]',
    applies: 'applies: { url: "/x*" }',
    steps:
      'steps:\n  - id: one\n    body: 第一步\n  - id: two\n    target: { label: 标题 }\n    body: 第二步',
    ...overrides,
  };
  return Object.values(parts).filter(Boolean).join('\n') + '\n';
}

describe('valid tours', () => {
  it('accepts the DESIGN.md sketch in the final format, with defaults filled in', () => {
    const { tours, errors } = loadTours([join(fixtures, 'valid')]);
    expect(errors).toEqual([]);
    expect(tours.map((tour) => tour.id)).toEqual(['gongwen-new-document']);
    const [tour] = tours;
    expect(tour?.steps).toHaveLength(4);
    expect(tour?.steps[0]).toMatchObject({
      placement: 'auto',
      optional: false,
      missing: { wait: '5s', then: 'report' },
    });
    expect(tour?.steps[3]?.advance).toEqual({
      on: 'navigation',
      url: '/index.html#/gongwen/list*',
    });
  });

  it('adds an extra folder (ZHIYIN_TOURS_DIR) with JSON tours to the same build', () => {
    const { tours, errors } = loadTours([join(fixtures, 'valid'), join(fixtures, 'extra')]);
    expect(errors).toEqual([]);
    expect(tours.map((tour) => tour.id)).toEqual(['gongwen-new-document', 'shebao-query']);
  });
});

describe('withValidTours', () => {
  it('gives other content only the valid tours, and adds the tour files to its watch list', () => {
    const tours = writeTour('good-tour', tourYaml('good-tour'));
    writeTour('broken-tour', tourYaml('broken-tour', { title: '' }));
    const seen: string[][] = [];
    const result = withValidTours(root, [tours], (valid) => {
      seen.push(valid.map((tour) => tour.id));
      return { files: ['/x/tips.yaml'], count: valid.length };
    });
    expect(seen).toEqual([['good-tour']]);
    expect(result.count).toBe(1);
    expect(result.files[0]).toBe('/x/tips.yaml');
    expect(result.files.slice(1).sort()).toEqual(
      [join(tours, 'broken-tour/tour.yaml'), join(tours, 'good-tour/tour.yaml')].sort(),
    );
  });
});

describe('tourFileOf', () => {
  it('names the tour file of the first folder that has one, relative to cwd', () => {
    const main = writeTour('a-tour', tourYaml('a-tour'), 'tour.yml');
    const extra = writeTour('a-tour', tourYaml('a-tour'), 'tour.json', 'more');
    expect(tourFileOf([main, extra], root, 'a-tour')).toBe('tours/a-tour/tour.yml');
    expect(tourFileOf([extra, main], root, 'a-tour')).toBe('more/a-tour/tour.json');
    expect(tourFileOf([main], root, 'no-such-tour')).toBe('tour no-such-tour');
  });
});

describe('schema errors name the file and the path', () => {
  it.each([
    [
      'missing id',
      { id: '' },
      'tours/t/tour.yaml:1:1: id: 缺少必填项 引导 id / tour id is required',
    ],
    [
      'bad module',
      { module: 'module: 培训' },
      'tours/t/tour.yaml:4:9: module: module 只能是 认知、操作、规范、安全、进阶 / module must be one of 认知, 操作, 规范, 安全, 进阶',
    ],
    [
      'unknown advance kind',
      { steps: 'steps:\n  - id: one\n    body: x\n    advance: { on: hover }' },
      'tours/t/tour.yaml:10:20: steps[0].advance.on: 未知的推进方式，可用：next, click, input, change, navigation, appear, disappear / unknown advance kind: use one of next, click, input, change, navigation, appear, disappear',
    ],
    [
      'bad wait duration',
      {
        steps:
          'steps:\n  - id: one\n    body: x\n    target: { text: 提交 }\n    missing: { wait: 5 seconds }',
      },
      'tours/t/tour.yaml:11:22: steps[0].missing.wait: 时长应写成 "5s"、"500ms" 或 "1m" / a duration must look like "5s", "500ms" or "1m"',
    ],
    [
      'duplicate step ids',
      { steps: 'steps:\n  - id: one\n    body: x\n  - id: one\n    body: y' },
      'tours/t/tour.yaml:10:9: steps[1].id: 步骤 id "one" 重复（steps[0] 已经用过） / duplicate step id "one" (first used by steps[0])',
    ],
    [
      'empty steps',
      { steps: 'steps: []' },
      'tours/t/tour.yaml:7:8: steps: 引导至少要有一个步骤 / a tour needs at least one step',
    ],
    [
      'a locator with two kinds',
      { steps: 'steps:\n  - id: one\n    body: x\n    target: { label: 标题, text: 标题 }' },
      'tours/t/tour.yaml:10:13: steps[0].target: 一个定位器只能写一种定位方式，这里写了 label 和 text（几种写法互为备选时，请写成列表） / a locator takes one kind, found label and text (write alternatives as a list)',
    ],
    [
      'a click step without a target',
      { steps: 'steps:\n  - id: one\n    body: x\n    advance: { on: click }' },
      'tours/t/tour.yaml:10:14: steps[0].advance: 推进方式 click 要监听目标上的操作，这一步需要写 target / advance "click" needs a target to listen on',
    ],
  ])('%s', (_name, overrides, expected) => {
    const dir = writeTour('t', tourYaml('t', overrides));
    const { tours, errors } = load([dir]);
    expect(tours).toEqual([]);
    expect(printed(errors)).toContain(expected);
  });

  it('reports every error of a file, not just the first', () => {
    const dir = writeTour('t', tourYaml('t', { module: 'module: 培训', audience: 'audience: []' }));
    expect(load([dir]).errors.map((error) => error.path)).toEqual(['module', 'audience']);
  });

  it('requires the tour id to match its folder', () => {
    const dir = writeTour('other-name', tourYaml('t'));
    expect(printed(load([dir]).errors)).toEqual([
      'tours/other-name/tour.yaml:1:5: id: 引导 id "t" 必须与所在文件夹名 "other-name" 相同 / tour id "t" must equal its folder name "other-name"',
    ]);
  });
});

describe('file-level errors', () => {
  it('reports YAML syntax errors with line and column', () => {
    const dir = writeTour('t', 'id: t\ntitle: [unclosed\nsummary: x\n');
    const { errors } = load([dir]);
    expect(errors[0]).toMatchObject({ file: 'tours/t/tour.yaml', line: expect.any(Number) });
    expect(errors[0]?.line).toBeGreaterThanOrEqual(2);
    expect(errors[0]?.message).toMatch(/^YAML syntax error/u);
  });

  it('reports duplicate keys as a syntax error', () => {
    const dir = writeTour('t', tourYaml('t') + 'title: again\n');
    expect(printed(load([dir]).errors)[0]).toMatch(
      /^tours\/t\/tour\.yaml:\d+:\d+: YAML syntax error/u,
    );
  });

  it('reports duplicate tour ids across folders, naming both files', () => {
    const first = writeTour('t', tourYaml('t'));
    const second = writeTour('t', tourYaml('t'), 'tour.yaml', 'extra');
    const { tours, errors } = load([first, second]);
    expect(tours).toHaveLength(1);
    expect(printed(errors)).toEqual([
      'extra/t/tour.yaml:1:5: id: 引导 id "t" 重复（tours/t/tour.yaml 也用了它） / duplicate tour id "t" (also in tours/t/tour.yaml)',
    ]);
  });

  it('rejects a second tour file in one folder', () => {
    writeTour('t', tourYaml('t'));
    const dir = writeTour('t', '{}', 'tour.json');
    expect(load([dir]).errors[0]?.message).toMatch(/one tour file per folder/u);
  });

  it('reports a tours folder that does not exist', () => {
    expect(printed(load([join(root, 'nope')]).errors)).toEqual([
      'nope: 找不到引导文件夹 / tours folder not found',
    ]);
  });

  it('checks validator ids against the known list', () => {
    const dir = writeTour(
      't',
      tourYaml('t', {
        steps:
          'steps:\n  - id: one\n    body: x\n    target: { label: 代码 }\n    advance: { on: input, validator: usc }',
      }),
    );
    expect(printed(load([dir], { validatorIds: ['uscc', 'id-card'] }).errors)).toEqual([
      'tours/t/tour.yaml:11:38: steps[0].advance.validator: 没有名为 "usc" 的校验器（可用：id-card, uscc），是不是想写 "uscc"？ / unknown validator "usc" (known: id-card, uscc); did you mean "uscc"?',
    ]);
    expect(load([dir]).errors).toEqual([]);
  });
});

describe('renames', () => {
  it('refuses a tour that reuses an id renamed away', () => {
    const dir = writeTour('old-id', tourYaml('old-id'));
    writeTour('new-id', tourYaml('new-id'));
    writeFileSync(join(dir, 'renames.json'), JSON.stringify({ 'old-id': 'new-id' }));
    const { tours, errors } = load([dir]);
    expect(tours.map((tour) => tour.id)).toEqual(['new-id']);
    expect(printed(errors)).toEqual([
      'tours/old-id/tour.yaml:1:5: id: 引导 id "old-id" 已改名为 "new-id"（tours/renames.json），旧 id 不能再用：学习进度按 id 保存 / "old-id" was renamed to "new-id" (tours/renames.json); old ids are never reused because progress is stored by id',
    ]);
  });

  it('reports chains, cycles and renames to unknown tours in renames.json', () => {
    const dir = writeTour('c', tourYaml('c'));
    writeFileSync(
      join(dir, 'renames.json'),
      JSON.stringify({ a: 'b', b: 'c', x: 'y', y: 'x', gone: 'missing-tour' }),
    );
    const messages = printed(load([dir]).errors);
    expect(messages).toContain(
      'tours/renames.json: a: rename chain: "a" → "b" → "c"; point "a" at the final id',
    );
    expect(messages).toContain('tours/renames.json: x: rename cycle: x → y → x');
    expect(messages).toContain(
      'tours/renames.json: gone: "gone" is renamed to "missing-tour", but no tour has that id',
    );
  });
});

describe('this repository', () => {
  it('every tour in tours/ validates (with file, line and path in any failure)', () => {
    const repo = join(import.meta.dirname, '../../..');
    const { errors } = loadTours([join(repo, 'tours')], { cwd: repo });
    expect(errors.map(formatTourError)).toEqual([]);
  });
});
