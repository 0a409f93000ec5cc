/**
 * The Chrome MV2 build for Chromium kernels below 88 (360安全浏览器 13 = kernel 86, docs/
 * compatibility.md): syntax lowered to the oldest kernel we support, and the built-ins it lacks
 * (lib/platform/legacy-runtime.ts) loaded first in every entrypoint.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The oldest kernel the MV2 build supports (esbuild/oxc target name). */
export const LEGACY_CHROME_TARGET = 'chrome86';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LEGACY_RUNTIME_MODULE = path.join(root, 'lib/platform/legacy-runtime.ts');
const ENTRYPOINTS = path.join(root, 'entrypoints') + path.sep;

/** Whether `id` (a module id Vite resolved) is an entrypoint's script. */
export function isEntrypointModule(id: string): boolean {
  const file = id.split('?')[0] ?? id;
  return file.startsWith(ENTRYPOINTS) && /\.(ts|tsx)$/.test(file);
}

/**
 * Prepends `import '<legacy-runtime>'` to every script under `entrypoints/`. An ES module's
 * imports run in order, so the fills are in place before anything the entrypoint imports runs;
 * a module imported twice runs once.
 */
export function legacyRuntimePlugin(): Plugin {
  return {
    name: 'zhiyin:legacy-runtime',
    enforce: 'pre',
    transform(code, id) {
      if (!isEntrypointModule(id)) return null;
      return {
        code: `import ${JSON.stringify(LEGACY_RUNTIME_MODULE)};\n${code}`,
        map: null,
      };
    },
  };
}
