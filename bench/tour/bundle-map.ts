/**
 * What a built bundle is made of: its characters attributed to the sources its source map names
 * (npm packages grouped by package). Build with maps first (ZHIYIN_SOURCEMAP=1, see attribute.ts):
 *
 *   npx tsx bench/tour/bundle-map.ts /tmp/map/chrome-mv3-production/overlay.js [top]
 *
 * Counts are UTF-16 characters of the minified output (a Chinese string counts 1 per character,
 * 3 bytes in the file); "(unmapped)" is the inlined CSS text and the bundler's glue.
 */
import { readFileSync } from 'node:fs';
import { TraceMap, eachMapping, type EachMapping } from '@jridgewell/trace-mapping';

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: bundle-map.ts BUNDLE.js [TOP]');
const code = readFileSync(file, 'utf8');
const lines = code.split('\n');
const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
const segments: EachMapping[] = [];
eachMapping(map, (segment) => {
  segments.push(segment);
});
segments.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);

const bySource = new Map<string, number>();
let mapped = 0;
segments.forEach((segment, index) => {
  const next = segments[index + 1];
  const end =
    next && next.generatedLine === segment.generatedLine
      ? next.generatedColumn
      : (lines[segment.generatedLine - 1]?.length ?? segment.generatedColumn);
  const length = end - segment.generatedColumn;
  const source = segment.source ?? '(unmapped)';
  const modules = source.split('node_modules/');
  const key =
    modules.length > 1
      ? `npm:${(modules.pop() ?? '')
          .split('/')
          .slice(0, source.includes('node_modules/@') ? 2 : 1)
          .join('/')}`
      : source
          .replace(/^(\.\.\/)+/, '')
          .replace(/^.*?\/(app|features|lib|components|entrypoints)\//, '$1/');
  bySource.set(key, (bySource.get(key) ?? 0) + length);
  mapped += length;
});
console.log(`${file}: ${code.length} characters (${Buffer.byteLength(code)} bytes)`);
for (const [source, size] of [...bySource]
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(topArg ?? 40)))
  console.log(
    `${String(size).padStart(8)}  ${((size / code.length) * 100).toFixed(1).padStart(5)} %  ${source}`,
  );
if (mapped < code.length)
  console.log(`${String(code.length - mapped).padStart(8)}  outside any segment`);
