/** Every kind of tour mistake, as its author sees it: exact text, right line, one pass. */
import { describe, expect, it } from 'vitest';
import { formatTourError } from '../../../features/tour/load';
import { formatText, summarize } from '../../../scripts/lib/tours-check/report';
import { CASES, loadCase } from './authoring-cases';

describe('tour errors as authors see them', () => {
  it.each(CASES)('%s', (_title, fixture, printed) => {
    const { tours, errors } = loadCase(fixture);
    expect(errors.map(formatTourError)).toEqual(printed);
    // A file with any error is left out of the build.
    expect(tours).toEqual([]);
  });

  it('every message says it in Chinese first, then in English', () => {
    for (const [, fixture] of CASES) {
      for (const error of loadCase(fixture).errors) {
        const [chinese, english] = error.message.split(' / ');
        expect(chinese).toMatch(/[\u4e00-\u9fff]/u);
        expect(english).toMatch(/^[\x20-\x7e]/u);
      }
    }
  });

  it('npm run tours:check lists every load error once, under one heading', () => {
    const printed = loadCase('several-files').errors.map(formatTourError);
    const text = formatText(summarize('http://127.0.0.1:5173/', [], printed));
    expect(text).toContain(
      [
        `✗ 引导文件无效 / invalid tour files (${printed.length}):`,
        ...printed.map((line) => `  ${line}`),
      ].join('\n'),
    );
    for (const line of printed) expect(text.split(line)).toHaveLength(2);
    expect(text).toContain('结果 / result: 失败 FAILED');
  });
});
