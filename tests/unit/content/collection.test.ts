/**
 * The shared content-collection loader (lib/content/collection.ts) and its virtual-module plugin
 * (lib/content/vite-plugin.ts), on a made-up kind of content: they know no feature.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CollectionOptions, ContentError } from '../../../lib/content/collection';
import {
  contentDirs,
  displayPath,
  formatContentError,
  loadCollection,
  readContentFile,
  unknownLinks,
} from '../../../lib/content/collection';
import { CONTENT_LIMITS } from '../../../lib/content/limits';
import {
  contentFoldersPlugin,
  contentModulePlugin,
  formatContentErrors,
} from '../../../lib/content/vite-plugin';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'zhiyin-collection-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(path: string, content: string | Uint8Array): void {
  const file = join(root, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, content);
}

const CardSchema = z.strictObject({ id: z.string(), text: z.string() });
type Card = z.infer<typeof CardSchema>;

function cards(options: Partial<CollectionOptions<Card>> = {}) {
  return loadCollection<Card>({
    dirs: [join(root, 'content'), join(root, 'extra')],
    cwd: root,
    layout: { folder: 'cards' },
    schema: CardSchema,
    what: 'card',
    whatZh: '卡片',
    id: (card) => card.id,
    ...options,
  });
}

const printed = (errors: readonly ContentError[]) => errors.map(formatContentError);

describe('loadCollection', () => {
  it('reads .yaml, .yml and .json files in code-unit order, folder by folder', () => {
    write('extra/cards/a.yaml', 'id: a\ntext: 额外\n');
    write('content/cards/b.json', '{ "id": "b", "text": "JSON" }');
    write('content/cards/B.yml', 'id: B\ntext: 大写\n');
    write('content/cards/a-z.yaml', 'id: a-z\ntext: 连字符\n');
    write('content/cards/notes.md', '# not content');
    const result = cards();
    expect(result.errors).toEqual([]);
    expect(result.entries.map((entry) => entry.name)).toEqual(['B', 'a-z', 'b', 'a']);
    expect(result.files.map((file) => file.slice(root.length + 1))).toEqual([
      'content/cards/B.yml',
      'content/cards/a-z.yaml',
      'content/cards/b.json',
      'extra/cards/a.yaml',
    ]);
  });

  it('reports a YAML syntax error with file, line and column', () => {
    write('content/cards/bad.yaml', 'id: bad\ntext: [unclosed\nmore: x\n');
    expect(printed(cards().errors)).toEqual([
      expect.stringMatching(/^content\/cards\/bad\.yaml:\d+:\d+: YAML syntax error: /u),
    ]);
    write('content/cards/bad.yaml', 'id: bad\ntext: one\ntext: two\n');
    expect(printed(cards().errors)).toEqual([
      'content/cards/bad.yaml:3:1: YAML syntax error: Map keys must be unique',
    ]);
  });

  it('reports a JSON syntax error with its line too', () => {
    write('content/cards/bad.json', '{\n  "id": "bad",\n  "text": "x",,\n}\n');
    expect(printed(cards().errors)[0]).toMatch(/^content\/cards\/bad\.json:3:\d+: YAML syntax/u);
  });

  it('places schema issues at the line of the path', () => {
    write('content/cards/c.yaml', 'id: c\ntext: 3\nextra: no\n');
    expect(printed(cards().errors)).toEqual([
      // Top to bottom, as an author fixes them.
      expect.stringMatching(/^content\/cards\/c\.yaml:1:1: Unrecognized key: "extra"/u),
      'content/cards/c.yaml:2:7: text: Invalid input: expected string, received number',
    ]);
  });

  it('refuses a file over the size limit by its size, without reading it as YAML', () => {
    write('content/cards/big.yaml', `id: big\ntext: ${'x'.repeat(CONTENT_LIMITS.fileBytes)}\n`);
    expect(printed(cards().errors)).toEqual([
      expect.stringMatching(
        /^content\/cards\/big\.yaml: file too large: it is 1,000,0\d\d bytes, more than the 1,000,000 allowed$/u,
      ),
    ]);
  });

  it('reports a duplicate id naming both files, across folders', () => {
    write('content/cards/same.yaml', 'id: same\ntext: 一\n');
    write('extra/cards/same.yaml', 'id: same\ntext: 二\n');
    const result = cards();
    expect(printed(result.errors)).toEqual([
      'extra/cards/same.yaml:1:5: id: 卡片 id "same" 重复（content/cards/same.yaml 也用了它） / duplicate card id "same" (also in content/cards/same.yaml)',
    ]);
    expect(result.entries.map((entry) => entry.source.shownAs)).toEqual([
      'content/cards/same.yaml',
    ]);
  });

  it('an id must equal its file name (and is then not counted as a duplicate)', () => {
    write('content/cards/one.yaml', 'id: two\ntext: 一\n');
    write('content/cards/two.yaml', 'id: two\ntext: 二\n');
    expect(printed(cards().errors)).toEqual([
      'content/cards/one.yaml:1:5: id: 卡片 id "two" 必须与文件名 "one" 相同 / card id "two" must equal its file name "one"',
    ]);
  });

  it('an empty folder and a missing folder give nothing, or the missing-folder message', () => {
    mkdirSync(join(root, 'content/cards'), { recursive: true });
    expect(cards()).toEqual({ entries: [], errors: [], files: [] });
    expect(printed(cards({ missingFolder: 'content folder not found' }).errors)).toEqual([
      'extra: content folder not found',
    ]);
  });

  it('refuses a file that is not UTF-8 (GBK), naming the line of the first bad byte', () => {
    // "id: gbk\ntext: 提交\n" with 提交 in GBK (cc e1 bd bb).
    const gbk = Buffer.concat([
      Buffer.from('id: gbk\ntext: '),
      Buffer.from([0xcc, 0xe1, 0xbd, 0xbb]),
      Buffer.from('\n'),
    ]);
    write('content/cards/gbk.yaml', gbk);
    expect(printed(cards().errors)).toEqual([
      'content/cards/gbk.yaml:2:7: not UTF-8 text (saved as GBK or another encoding?): save the file as UTF-8 and build again',
    ]);
  });

  it('accepts a UTF-8 byte order mark (Windows editors write one) and keeps lines right', () => {
    write('content/cards/bom.yaml', '\uFEFFid: bom\ntext: 带BOM\n');
    write('content/cards/bad.yaml', '\uFEFFid: bad\ntext: 7\n');
    const result = cards();
    expect(result.entries.map((entry) => entry.value)).toEqual([{ id: 'bom', text: '带BOM' }]);
    expect(printed(result.errors)).toEqual([
      'content/cards/bad.yaml:2:7: text: Invalid input: expected string, received number',
    ]);
  });

  it('one file per folder: two candidates are an error naming both', () => {
    write('content/x/card.yaml', 'id: x\ntext: 一\n');
    write('content/x/card.json', '{ "id": "x", "text": "二" }');
    write('content/y/card.yaml', 'id: y\ntext: 三\n');
    write('content/notes/readme.txt', 'not ours');
    const result = cards({ layout: { eachFolder: ['card.yaml', 'card.json'] } });
    expect(printed(result.errors)).toEqual([
      'content/x/card.yaml: 每个文件夹只能有一个卡片文件，这里有：content/x/card.yaml, content/x/card.json / one card file per folder, found content/x/card.yaml, content/x/card.json',
    ]);
    expect(result.entries.map((entry) => entry.name)).toEqual(['y']);
  });

  it('a feature check leaves the entry out and keeps its errors in file order', () => {
    write('content/cards/a.yaml', 'id: a\ntext: 坏\n');
    write('content/cards/b.yaml', 'id: b\ntext: 好\n');
    const result = cards({
      check: (entry) =>
        entry.value.text === '坏' ? [{ file: entry.source.shownAs, message: 'bad text' }] : [],
    });
    expect(printed(result.errors)).toEqual(['content/cards/a.yaml: bad text']);
    expect(result.entries.map((entry) => entry.name)).toEqual(['b']);
  });

  it('readContentFile never throws: a folder in place of a file is an error naming it', () => {
    mkdirSync(join(root, 'dir.yaml'));
    const result = readContentFile(join(root, 'dir.yaml'), 'dir.yaml');
    expect('errors' in result && printed(result.errors)).toEqual([
      expect.stringMatching(/^dir\.yaml: cannot read: /u),
    ]);
  });

  it('contentDirs: tours/ and ZHIYIN_TOURS_DIR when set', () => {
    expect(contentDirs('/repo', {})).toEqual(['/repo/tours']);
    expect(contentDirs('/repo', { ZHIYIN_TOURS_DIR: ' more ' })).toEqual([
      '/repo/tours',
      '/repo/more',
    ]);
  });
});

describe('contentModulePlugin', () => {
  type Hook = (this: unknown, ...args: unknown[]) => unknown;
  const hook = (plugin: unknown, name: string) => (plugin as Record<string, Hook>)[name] as Hook;

  it('resolves its id, exports the value as JSON and watches every file', async () => {
    const watched: string[] = [];
    const plugin = contentModulePlugin({
      id: 'virtual:test-cards',
      what: 'card',
      whatZh: '卡片',
      load: () => ({ value: [{ id: 'a' }], errors: [], files: ['/x/a.yaml'] }),
    });
    const context = {
      addWatchFile: (file: string) => watched.push(file),
      error: (message: string) => {
        throw new Error(message);
      },
    };
    expect((plugin as { name: string }).name).toBe('test-cards');
    const resolved = hook(plugin, 'resolveId').call(context, 'virtual:test-cards');
    expect(resolved).toBe('\0virtual:test-cards');
    expect(hook(plugin, 'resolveId').call(context, 'other')).toBeUndefined();
    expect(await hook(plugin, 'load').call(context, resolved)).toBe(
      'export default [{"id":"a"}];\n',
    );
    expect(watched).toEqual(['/x/a.yaml']);
    expect(hook(plugin, 'load').call(context, 'other')).toBeUndefined();
  });

  it('fails at build start with every error, counted, one per line', async () => {
    const errors: ContentError[] = [
      { file: 'a.yaml', line: 3, column: 5, path: 'text', message: 'too short' },
      { file: 'b.yaml', message: 'file too large' },
    ];
    const plugin = contentModulePlugin({
      id: 'virtual:test-cards',
      what: 'card',
      whatZh: '卡片',
      load: () => Promise.resolve({ value: null, errors, files: [] }),
    });
    const context = {
      error: (message: string) => {
        throw new Error(message);
      },
    };
    await expect(hook(plugin, 'buildStart').call(context)).rejects.toThrow(
      '2 card errors:\n  a.yaml:3:5: text: too short\n  b.yaml: file too large',
    );
    expect(formatContentErrors('card', errors.slice(1))).toBe(
      '1 card error:\n  b.yaml: file too large',
    );
  });
});

describe('unknownLinks', () => {
  const TOUR = { zh: '引导', en: 'tour' };
  const read = (text: string) => {
    write('cards/a.yaml', text);
    const source = readContentFile(join(root, 'cards/a.yaml'), 'cards/a.yaml');
    if ('errors' in source) throw new Error('unreadable');
    return source;
  };

  it('names every id of the list that the build does not have, at its line, with the known ones', () => {
    const source = read('id: a\nlearn:\n  tours: [first-tour, frist-tour, ghost]\n');
    expect(
      unknownLinks(source, ['learn', 'tours'], TOUR, new Set(['first-tour', 'other'])).map(
        formatContentError,
      ),
    ).toEqual([
      'cards/a.yaml:3:23: learn.tours[1]: 没有 id 为 "frist-tour" 的引导（可用：first-tour, other），是不是想写 "first-tour"？ / unknown tour "frist-tour" (known: first-tour, other); did you mean "first-tour"?',
      'cards/a.yaml:3:35: learn.tours[2]: 没有 id 为 "ghost" 的引导（可用：first-tour, other） / unknown tour "ghost" (known: first-tour, other)',
    ]);
  });

  it('leaves what is not a list of ids to the schema', () => {
    const known = new Set(['first-tour']);
    expect(unknownLinks(read('tours: first-tour\n'), ['tours'], TOUR, known)).toEqual([]);
    expect(unknownLinks(read('tours: [3, "", first-tour]\n'), ['tours'], TOUR, known)).toEqual([]);
    expect(unknownLinks(read('id: a\n'), ['tours'], TOUR, known)).toEqual([]);
  });
});

describe('contentFoldersPlugin', () => {
  type Hook = (this: unknown, ...args: unknown[]) => unknown;
  const load = (plugin: unknown) =>
    ((plugin as Record<string, Hook>).load as Hook).call(
      {
        addWatchFile: () => undefined,
        error: (message: string) => {
          throw new Error(message);
        },
      },
      '\0virtual:test-cards',
    );
  const cards = {
    id: 'virtual:test-cards',
    what: 'card',
    load: (root: string, dirs: readonly string[]) => ({
      value: { root, dirs },
      errors: [],
      files: [],
    }),
  };

  it('reads <root>/tours and ZHIYIN_TOURS_DIR (resolved against root) by default', async () => {
    const plugin = contentFoldersPlugin(cards, {
      root: '/repo',
      env: { ZHIYIN_TOURS_DIR: 'more' },
    });
    expect(await load(plugin)).toBe(
      'export default {"root":"/repo","dirs":["/repo/tours","/repo/more"]};\n',
    );
  });

  it('reads the folders it is given, and nothing from the environment then', async () => {
    const plugin = contentFoldersPlugin(cards, {
      root: '/repo',
      dirs: ['/elsewhere'],
      env: { ZHIYIN_TOURS_DIR: 'more' },
    });
    expect(await load(plugin)).toBe('export default {"root":"/repo","dirs":["/elsewhere"]};\n');
  });

  it("fails the build with the loader's errors, like any content module", () => {
    const plugin = contentFoldersPlugin(
      {
        ...cards,
        load: () => ({ value: null, errors: [{ file: 'a.yaml', message: 'bad' }], files: [] }),
      },
      { root: '/repo', env: {} },
    );
    expect(() => load(plugin)).toThrow('1 card error:\n  a.yaml: bad');
  });
});

describe('displayPath', () => {
  it('is relative inside cwd, absolute outside it (an extra folder elsewhere)', () => {
    expect(displayPath('/repo', '/repo/tours/a/tour.yaml')).toBe('tours/a/tour.yaml');
    expect(displayPath('/repo', '/srv/extra/a/tour.yaml')).toBe('/srv/extra/a/tour.yaml');
  });
});
