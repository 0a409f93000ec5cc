/**
 * docs/writing-tours.zh-CN.md, the guide for tour authors, cannot drift from the code: its error
 * examples are the real fixture files and the loader's real output, its complete example is a valid
 * tour, and it names every validator, advance kind and locator kind there is.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTourError, loadTours } from '../../../features/tour/load';
import { AdvanceSchema, LOCATOR_KINDS } from '../../../features/tour/schema';
import { formatContentErrors } from '../../../lib/content/vite-plugin';
import { VALIDATOR_IDS } from '../../../lib/validators';
import { AUTHORING_FIXTURES, CASES, loadCase } from './authoring-cases';
import { CONTENT_CASES, printedFor } from './content-cases';

const repo = join(import.meta.dirname, '../../..');
const guide = readFileSync(join(repo, 'docs/writing-tours.zh-CN.md'), 'utf8');

/** The text from `marker` to the next example marker or section heading. */
function sectionAfter(marker: string): string {
  const start = guide.indexOf(marker);
  expect(start, `the guide has ${marker}`).toBeGreaterThanOrEqual(0);
  const rest = guide.slice(start + marker.length);
  const end = rest.search(/\n<!-- |\n## /u);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Fenced code blocks of one language, in order. */
function codeBlocks(text: string, language: string): string[] {
  const fence = new RegExp('```' + language + '\\n([^]*?)```', 'gu');
  return [...text.matchAll(fence)].map((match) => match[1] ?? '');
}

describe('常见错误: the guide shows the real files and the real output', () => {
  it.each(CASES.map(([, fixture]) => fixture))('%s', (fixture) => {
    const section = sectionAfter(`<!-- 错误示例 ${fixture} -->`);
    const tours = join(AUTHORING_FIXTURES, fixture, 'tours');
    const folders = readdirSync(tours).sort();
    const files = folders.map((folder) => readFileSync(join(tours, folder, 'tour.yaml'), 'utf8'));
    for (const folder of folders) expect(section).toContain(`\`tours/${folder}/tour.yaml\``);
    expect(codeBlocks(section, 'yaml')).toEqual(files);
    const output = formatContentErrors('tour', loadCase(fixture).errors, '引导文件');
    expect(codeBlocks(section, 'text')).toEqual([`${output}\n`]);
  });

  it('shows every case the tests cover', () => {
    const shown = [...guide.matchAll(/<!-- 错误示例 (\S+) -->/gu)].map((match) => match[1]);
    expect(shown).toEqual(CASES.map(([, fixture]) => fixture));
  });
});

describe('给培训讲师: help articles, quizzes, tips and checklists, real files and real output', () => {
  it.each(CONTENT_CASES.map((contentCase) => [contentCase.fixture, contentCase] as const))(
    '%s',
    (fixture, contentCase) => {
      const section = sectionAfter(`<!-- 内容错误示例 ${fixture} -->`);
      for (const file of contentCase.files) expect(section).toContain(`\`${file}\``);
      const files = contentCase.files.map((file) =>
        readFileSync(join(AUTHORING_FIXTURES, fixture, file), 'utf8'),
      );
      expect(codeBlocks(section, 'yaml')).toEqual(files);
      const output = printedFor(contentCase);
      // Every case shows several errors found in one pass, each bilingual with its place.
      const lines = output.split('\n').slice(1);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines)
        expect(line).toMatch(/^ {2}tours\/\S+:\d+:\d+: .+[一-龥].* \/ .+$/u);
      expect(codeBlocks(section, 'text')).toEqual([`${output}\n`]);
    },
  );

  it('shows every case the tests cover', () => {
    const shown = [...guide.matchAll(/<!-- 内容错误示例 (\S+) -->/gu)].map((match) => match[1]);
    expect(shown).toEqual(CONTENT_CASES.map((contentCase) => contentCase.fixture));
  });
});

describe('the guide covers the format', () => {
  it('its complete example is a valid tour', () => {
    const [example] = codeBlocks(sectionAfter('<!-- 完整示例 -->'), 'yaml');
    const id = /^id: (\S+)/mu.exec(example ?? '')?.[1] ?? '';
    const root = mkdtempSync(join(tmpdir(), 'zhiyin-guide-'));
    try {
      mkdirSync(join(root, 'tours', id), { recursive: true });
      writeFileSync(join(root, 'tours', id, 'tour.yaml'), example ?? '');
      const loaded = loadTours([join(root, 'tours')], { cwd: root, validatorIds: VALIDATOR_IDS });
      expect(loaded.errors.map(formatTourError)).toEqual([]);
      expect(loaded.tours[0]?.steps.length).toBeGreaterThan(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('lists every validator id with what it checks', () => {
    for (const id of VALIDATOR_IDS)
      expect(guide).toMatch(new RegExp(`^\\| \`${id}\` +\\| \\S`, 'mu'));
  });

  it('names every advance kind and every locator kind', () => {
    const advanceKinds = AdvanceSchema.options.map((option) => option.shape.on.value);
    for (const kind of advanceKinds) expect(guide).toContain(`{ on: ${kind}`);
    for (const kind of LOCATOR_KINDS) expect(guide).toContain(`\`${kind}\``);
  });

  it('is linked from README.md and tours/README.md', () => {
    for (const file of ['README.md', 'tours/README.md']) {
      expect(readFileSync(join(repo, file), 'utf8')).toContain('docs/writing-tours.zh-CN.md');
    }
  });
});
