import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Rollup } from 'vite';
import { loadHelpArticles } from '../../../features/help/load';
import { formatTourError } from '../../../features/tour/load';
import { helpPlugin, loadProjectHelp } from '../../../features/help/build-plugin';
import { tourDirs } from '../../../features/tour/build-plugin';

const repo = resolve(import.meta.dirname, '../../..');
const tourFixtures = join(import.meta.dirname, '../../fixtures/tours');

const ARTICLE = `id: faq-login-failed
title: 登录失败怎么办
module: 安全
keywords: [登录]
applies: ['/login.html*']
tours: [gongwen-new-document]
body: |
  连续 5 次登录失败，账号锁定 30 分钟。
`;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'zhiyin-help-'));
  cpSync(join(tourFixtures, 'valid'), join(root, 'tours'), { recursive: true });
  mkdirSync(join(root, 'tours/help'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const writeArticle = (name: string, text: string) =>
  writeFileSync(join(root, 'tours/help', name), text);

const load = () => loadProjectHelp(root, [join(root, 'tours')]);

describe('help articles in the repository', () => {
  it('all validate, link only existing tours, and cover the training plan FAQ', () => {
    const result = loadProjectHelp(repo, tourDirs(repo, {}));
    expect(result.errors.map(formatTourError)).toEqual([]);
    const titles = result.articles.map((article) => article.title).join('\n');
    for (const topic of ['附件上传失败', '审核流程卡顿', '登录失败', '数据同步异常', '系统卡顿']) {
      expect(titles).toContain(topic);
    }
    const bodies = result.articles.map((article) => article.body).join('\n');
    for (const fact of [
      '连续 5 次登录失败，账号将锁定 30 分钟',
      '____-办公室-关于召开会议的通知',
      '公文库-2024年-3月',
      '年度结束后 3 个月内完成归档',
      '8–16 位',
      '加密通道',
      '立即上报信息部门',
      '不准越权操作',
    ]) {
      expect(bodies).toContain(fact);
    }
  });
});

describe('loadHelpArticles', () => {
  it('loads a valid article with defaults', () => {
    writeArticle('faq-login-failed.yaml', ARTICLE);
    writeArticle('plain.yaml', 'id: plain\ntitle: 无链接\nmodule: 认知\nbody: 正文\n');
    const result = load();
    expect(result.errors).toEqual([]);
    expect(result.articles.map((a) => a.id)).toEqual(['faq-login-failed', 'plain']);
    expect(result.articles[1]).toMatchObject({ tours: [], keywords: [], applies: [] });
  });

  it('names the file, line and path of an unknown tour link', () => {
    writeArticle('faq-login-failed.yaml', ARTICLE.replace('gongwen-new-document', 'no-such-tour'));
    const result = load();
    expect(result.articles).toEqual([]);
    expect(result.errors.map(formatTourError)).toEqual([
      expect.stringMatching(
        /^tours\/help\/faq-login-failed\.yaml:6:\d+: tours\[0\]: 没有 id 为 "no-such-tour" 的引导（可用：.*gongwen-new-document.*） \/ unknown tour "no-such-tour" \(known: .*gongwen-new-document/,
      ),
    ]);
  });

  it('reports schema errors, a wrong file name and YAML syntax errors with file and path', () => {
    writeArticle('bad-module.yaml', 'id: bad-module\ntitle: x\nmodule: 培训\nbody: y\n');
    writeArticle('other-name.yaml', ARTICLE);
    writeArticle('broken.yaml', 'id: broken\ntitle: [unclosed\n');
    const messages = load().errors.map(formatTourError);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^tours\/help\/bad-module\.yaml:3:9: module: module 只能是 认知、操作、规范、安全、进阶 \/ module must be one of 认知, 操作, 规范, 安全, 进阶$/,
        ),
        expect.stringMatching(
          /^tours\/help\/other-name\.yaml:1:5: id: 帮助文章 id "faq-login-failed" 必须与文件名 "other-name" 相同 \/ article id "faq-login-failed" must equal its file name "other-name"$/,
        ),
        expect.stringMatching(/^tours\/help\/broken\.yaml:\d+:\d+: YAML syntax error/),
      ]),
    );
  });

  it('refuses the same id in two folders', () => {
    writeArticle('faq-login-failed.yaml', ARTICLE);
    mkdirSync(join(root, 'more/help'), { recursive: true });
    writeFileSync(join(root, 'more/help/faq-login-failed.yaml'), ARTICLE);
    const result = loadHelpArticles([join(root, 'tours'), join(root, 'more')], {
      cwd: root,
      tourIds: ['gongwen-new-document'],
    });
    expect(result.errors.map(formatTourError)).toEqual([
      expect.stringContaining(
        'more/help/faq-login-failed.yaml:1:5: id: 帮助文章 id "faq-login-failed" 重复（tours/help/faq-login-failed.yaml 也用了它） / duplicate article id "faq-login-failed" (also in tours/help/faq-login-failed.yaml)',
      ),
    ]);
  });
});

describe('helpPlugin', () => {
  async function bundle(): Promise<string> {
    writeFileSync(
      join(root, 'entry.js'),
      "import help from 'virtual:zhiyin-help';\nexport default help;\n",
    );
    const output = (await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [helpPlugin({ root, env: {} })],
      build: {
        write: false,
        minify: false,
        lib: { entry: join(root, 'entry.js'), formats: ['es'], fileName: 'out' },
      },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const first = Array.isArray(output) ? output[0] : output;
    const chunk = first?.output.find((item) => item.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('no chunk');
    return chunk.code;
  }

  it('bundles the validated articles', async () => {
    writeArticle('faq-login-failed.yaml', ARTICLE);
    expect(await bundle()).toContain('"faq-login-failed"');
  });

  it('fails the build with file and path when an article links an unknown tour', async () => {
    writeArticle('faq-login-failed.yaml', ARTICLE.replace('gongwen-new-document', 'gone'));
    await expect(bundle()).rejects.toThrow(
      /帮助文章有 1 处错误 \/ 1 help article error:\s+tours\/help\/faq-login-failed\.yaml:6:\d+: tours\[0\]: 没有 id 为 "gone" 的引导（可用：[^）]*） \/ unknown tour "gone"/,
    );
  });
});
