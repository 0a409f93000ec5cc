/**
 * URL glob matching: the regex each glob used to compile to vs lib/url/glob.ts, on an ordinary
 * glob and on a hostile one (`*a*a…*b` against a long `aaaa…` address, issue 10).
 * Run: npx tsx bench/url/glob.bench.ts
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { matchGlob } from '../../lib/url/glob';

function oldRegExp(glob: string): RegExp {
  const source = glob
    .split(/\*+/u)
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'u');
}

function time(run: () => boolean, rounds: number): number {
  const start = performance.now();
  for (let i = 0; i < rounds; i += 1) run();
  return (performance.now() - start) / rounds;
}

const cases = [
  { name: 'ordinary', glob: '/index.html#/docs/new*', subject: '/index.html#/docs/new?draft=1' },
  // Ending in `*` so no quick check of the last piece can answer early: the worst case for both.
  { name: 'hostile, 5 stars', glob: `${'*a'.repeat(3)}*b*`, subject: `/${'a'.repeat(200)}` },
  { name: 'hostile, 7 stars', glob: `${'*a'.repeat(5)}*b*`, subject: `/${'a'.repeat(60)}` },
  { name: 'hostile, 22 stars', glob: `${'*a'.repeat(20)}*b*`, subject: `/${'a'.repeat(5000)}` },
];

console.log(
  `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}, ` +
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}, ${new Date().toISOString().slice(0, 16)}Z`,
);
console.log('case                 regex ms/match   matchGlob ms/match');
for (const { name, glob, subject } of cases) {
  const regex = oldRegExp(glob);
  const ours = time(() => matchGlob(glob, subject), 200);
  // The 21-star case would not finish with the regex: skipped, the others show the growth.
  const old = name.includes('22') ? Number.NaN : time(() => regex.test(subject), 3);
  console.log(
    `${name.padEnd(20)} ${old.toFixed(3).padStart(14)}   ${ours.toFixed(4).padStart(17)}`,
  );
}
