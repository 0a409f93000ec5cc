/**
 * Tours ship with their step bodies compiled from Markdown (features/tour/compiled.ts), so the
 * page-side step card needs no Markdown parser: every body of every language is there, compiled
 * exactly as the runtime renderer (compileMarkdown, the React views' rules) would.
 */
import { describe, expect, it } from 'vitest';
import { compileMarkdown } from '../../../components/markdown/compile';
import { withCompiledMarkdown } from '../../../features/tour/compiled';
import { loadTours } from '../../../features/tour/load';
import { WARM_CARD } from '../../../features/tour/views/warm';

describe('tours compiled at build time', () => {
  const { tours, errors } = loadTours(['tours', 'tests/fixtures/e2e-tours', 'bench/tour/tours'], {
    cwd: process.cwd(),
  });

  it('loads the bundled tours', () => {
    expect(errors).toEqual([]);
    expect(tours.length).toBeGreaterThan(0);
  });

  it('carries every step body, Chinese and English, compiled', () => {
    for (const tour of tours) {
      const built = withCompiledMarkdown(tour);
      const sources = [
        ...tour.steps.map((step) => step.body),
        ...Object.values(tour.i18n?.en?.steps ?? {}).map((text) => text.body),
      ].filter((source): source is string => Boolean(source));
      for (const source of sources) {
        expect(built.markdown?.[source], `${tour.id}: ${source}`).toEqual(compileMarkdown(source));
      }
      expect(Object.keys(built.markdown ?? {})).toHaveLength(new Set(sources).size);
    }
  });

  it('survives the trip to the page (JSON) unchanged', () => {
    for (const tour of tours) {
      const built = withCompiledMarkdown(tour);
      expect(JSON.parse(JSON.stringify(built))).toEqual(built);
    }
  });

  it('keeps only http(s) links and shows raw HTML as text', () => {
    expect(
      compileMarkdown('[手册](https://help.example/m) [x](javascript:alert(1)) <b>b</b>'),
    ).toEqual([['p', ['a', 'https://help.example/m', '手册'], ' ', 'x', ' ', '<b>', 'b', '</b>']]);
  });

  it('warms the card with the body the build would compile', () => {
    expect(WARM_CARD.bodyRich).toEqual(compileMarkdown(WARM_CARD.body));
  });
});
