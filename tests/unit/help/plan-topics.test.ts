/**
 * Every topic of the training plan has a help article, found the way a clerk finds it: typing the
 * plan's own words into the popup's help search (the same index the popup builds, over the real
 * articles, tours and tips) returns that article first. The topics and their words are listed in
 * tests/fixtures/help/plan-topics.yaml (copied from the plan, which CI does not clone).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { helpDocs, parseHelpDocKey } from '../../../features/help/docs';
import { loadProjectHelp } from '../../../features/help/build-plugin';
import { createHelpIndex } from '../../../features/help/search-index';
import { loadProjectRules } from '../../../features/rules/build-plugin';
import { tourDirs } from '../../../features/tour/build-plugin';
import { loadTours } from '../../../features/tour/load';
import { TOUR_MODULES } from '../../../features/tour/schema';

interface PlanTopic {
  module: string;
  plan: string;
  words: string;
  title?: string;
  article: string;
}

const repo = resolve(import.meta.dirname, '../../..');
const topics = (
  parse(readFileSync(join(repo, 'tests/fixtures/help/plan-topics.yaml'), 'utf8')) as {
    topics: PlanTopic[];
  }
).topics;
const dirs = tourDirs(repo, {});
const { articles, errors } = loadProjectHelp(repo, dirs);
const { tours } = loadTours(dirs, { cwd: repo });
const { rules } = loadProjectRules(repo, dirs);
const byId = new Map(articles.map((article) => [article.id, article]));

describe('training plan topics → help articles', () => {
  it('loads the articles without errors and lists topics of every module', () => {
    expect(errors).toEqual([]);
    expect(new Set(topics.map((topic) => topic.module))).toEqual(new Set(TOUR_MODULES));
  });

  const index = createHelpIndex(helpDocs(articles, tours, 'zh_CN', rules.tips));

  it.each(topics.map((topic) => [topic.words, topic] as const))(
    '“%s” finds its article first',
    (words, topic) => {
      const hits = index.search(words, { limit: 5 });
      const first = hits[0] ? parseHelpDocKey(hits[0].id) : undefined;
      expect(first, `results for ${words}: ${hits.map((hit) => hit.id).join(', ')}`).toEqual({
        kind: 'article',
        id: topic.article,
      });
    },
  );

  it.each(topics.map((topic) => [topic.words, topic] as const))(
    '“%s”: its article’s title uses the plan’s words, in Chinese and English',
    (_words, topic) => {
      const article = byId.get(topic.article);
      expect(article, `article ${topic.article}`).toBeDefined();
      expect(article?.title).toContain(topic.title ?? topic.words);
      expect(article?.module).toBe(topic.module);
      expect(article?.i18n?.en?.title, `${topic.article} has an English title`).toBeTruthy();
      expect(article?.i18n?.en?.body, `${topic.article} has an English body`).toBeTruthy();
    },
  );
});
