import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundle lib/locate with the page side of the checker (in-page.ts) into one classic script, at
 * check time, so the checker always tests the locator engine of this checkout. esbuild comes with
 * vite and tsx (both dependencies), so no build step or extra package is needed.
 */
export async function buildPageScript(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./in-page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome100',
    write: false,
    minify: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output for the tours:check page script');
  return output.text;
}
