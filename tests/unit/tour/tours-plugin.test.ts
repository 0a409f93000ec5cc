import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, createServer } from 'vite';
import type { Rollup } from 'vite';
import { tourDirs, toursPlugin } from '../../../features/tour/build-plugin';
import { VALIDATOR_IDS } from '../../../lib/validators';
import { CASES } from '../author/authoring-cases';

const fixtures = join(import.meta.dirname, '../../fixtures/tours');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'zhiyin-plugin-'));
  writeFileSync(
    join(root, 'entry.js'),
    "import tours from 'virtual:zhiyin-tours';\nexport default tours;\n",
  );
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A real Vite build of an entry that imports the virtual module; returns the bundled code. */
async function bundle(
  env: Record<string, string | undefined> = {},
  validatorIds?: readonly string[],
): Promise<string> {
  const output = (await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [toursPlugin({ root, env, ...(validatorIds ? { validatorIds } : {}) })],
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

describe('toursPlugin', () => {
  it('bundles the validated tours of tours/ and ZHIYIN_TOURS_DIR', async () => {
    cpSync(join(fixtures, 'valid'), join(root, 'tours'), { recursive: true });
    cpSync(join(fixtures, 'extra'), join(root, 'more-tours'), { recursive: true });
    const code = await bundle({ ZHIYIN_TOURS_DIR: 'more-tours' });
    expect(code).toContain('"gongwen-new-document"');
    expect(code).toContain('"shebao-query"');
    // Defaults were applied at build time.
    expect(code).toContain('"then": "report"');
  });

  it('fails the build listing every invalid tour with file, line and path', async () => {
    cpSync(join(fixtures, 'valid'), join(root, 'tours'), { recursive: true });
    mkdirSync(join(root, 'tours/broken'));
    writeFileSync(
      join(root, 'tours/broken/tour.yaml'),
      'id: broken\ntitle: 坏的\nsummary: x\nmodule: 培训\naudience: [基层用户]\napplies: { url: "/x" }\nsteps: []\n',
    );
    await expect(bundle()).rejects.toThrow(
      /引导文件有 2 处错误 \/ 2 tour errors:\n {2}tours\/broken\/tour\.yaml:4:9: module: .*\n {2}tours\/broken\/tour\.yaml:7:8: steps: 引导至少要有一个步骤 \/ a tour needs at least one step/u,
    );
  });

  describe('prints every error once, without a stack', () => {
    const printed = CASES.find(([, fixture]) => fixture === 'several-files')?.[2] ?? [];
    const heading = `引导文件有 ${printed.length} 处错误 / ${printed.length} tour errors:`;
    const list = [heading, ...printed.map((line) => `  ${line}`)].join('\n');
    const copyFixture = () =>
      cpSync(join(fixtures, '../authoring/several-files/tours'), join(root, 'tours'), {
        recursive: true,
      });
    const occurrences = (text: string, part: string) => text.split(part).length - 1;

    it('in a production build (Rolldown reports the plugin error)', async () => {
      copyFixture();
      const error: unknown = await bundle({}, VALIDATOR_IDS).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toContain(list);
      expect(occurrences(message, heading)).toBe(1);
      for (const line of printed) expect(occurrences(message, line)).toBe(1);
      expect(message).not.toMatch(/^\s+at /mu);
    });

    it('in the dev server WXT loads entrypoints with (the error as WXT prints it)', async () => {
      copyFixture();
      const error: unknown = await createServer({
        root,
        configFile: false,
        logLevel: 'silent',
        plugins: [toursPlugin({ root, validatorIds: VALIDATOR_IDS })],
        server: { middlewareMode: true, ws: false },
      }).then(
        async (server) => {
          await server.close();
          return undefined;
        },
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(Error);
      // WXT prints the message, then the stack lines below it: there must be none.
      expect((error as Error).message).toBe(list);
      expect((error as Error).stack).toBe(`Error: ${list}`);
    });
  });

  it('reads ZHIYIN_TOURS_DIR only when set', () => {
    expect(tourDirs('/repo', {})).toEqual(['/repo/tours']);
    expect(tourDirs('/repo', { ZHIYIN_TOURS_DIR: '/srv/extra-tours' })).toEqual([
      '/repo/tours',
      '/srv/extra-tours',
    ]);
  });
});
