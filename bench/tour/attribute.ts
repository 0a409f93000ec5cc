/**
 * Attributes the time of a traced tour start to what ran: reads a trace written by
 * `npm run bench:tour -- --trace-next FILE` (FILE-start.json: the popup start of the first
 * Zhiyin load, page and service worker, with CPU samples) and prints, for the page's main thread
 * and the extension's service worker, every task over 0.4 ms from the start on, then the CPU
 * samples of each page task grouped by function (inclusive), mapped through source maps to the
 * original function and file when a build with maps is given.
 *
 *   ZHIYIN_SOURCEMAP=1 ZHIYIN_OUT_DIR=/tmp/map ZHIYIN_TOURS_DIR=bench/tour/tours \
 *     ZHIYIN_HOSTS=http://127.0.0.1 VITE_ZHIYIN_BENCH_OPEN_SHADOW=1 npx wxt build
 *   npx tsx bench/tour/attribute.ts /tmp/t-start.json /tmp/map/chrome-mv3-production [top] [from ms]
 *
 * The build with maps must be of the same code as the bench's build (minified output is the
 * same but for the trailing sourceMappingURL comment). Times are trace times (the profiler adds
 * its own overhead): use them to split a gap into causes, not as the figure itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

interface CallFrame {
  functionName: string;
  url?: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
}
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
      message?: string;
    };
  };
}

const [file, mapDir, topArg, fromArg] = process.argv.slice(2);
if (!file) throw new Error('usage: attribute.ts TRACE.json [MAP_DIR] [TOP] [FROM_MS]');
const top = Number(topArg ?? 12);
const raw = JSON.parse(readFileSync(file, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
const events = Array.isArray(raw) ? raw : raw.traceEvents;

const maps = new Map<string, TraceMap | null>();
function mapOf(name: string): TraceMap | null {
  if (!mapDir) return null;
  if (!maps.has(name)) {
    const path = `${mapDir}/${name}.map`;
    maps.set(name, existsSync(path) ? new TraceMap(readFileSync(path, 'utf8')) : null);
  }
  return maps.get(name) ?? null;
}
function label(frame: CallFrame): string {
  const name = (frame.url ?? '').split('/').pop() ?? '';
  const map = name && frame.lineNumber >= 0 ? mapOf(name) : null;
  const fn = frame.functionName || '(anonymous)';
  if (map) {
    const original = originalPositionFor(map, {
      line: frame.lineNumber + 1,
      column: frame.columnNumber,
    });
    if (original.source) {
      const source = original.source
        .replace(/^.*node_modules\//, '')
        .replace(/^.*?\/?((app|features|lib|components|entrypoints)\/)/, '$1');
      return `${original.name ?? fn} (${source}:${original.line})`;
    }
  }
  return name ? `${fn} (${name})` : fn;
}

const names = new Map<string, string>();
for (const event of events) {
  if (event.ph === 'M' && event.name === 'thread_name')
    names.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
}
const t0 = Math.min(...events.filter((e) => e.ph === 'X' && e.ts > 0).map((e) => e.ts));
const ms = (ts: number) => (ts - t0) / 1000;
/**
 * Tasks that start earlier (ms after the trace's first event) are left out: by default those
 * before the bench's start mark (a popup start's trace begins when the popup opens, so that the
 * profiler's own start-up is not in the start).
 */
const mark = events.find(
  (e) => e.name === 'TimeStamp' && e.args?.data?.message === 'zhiyin-bench-start',
);
const fromMs = fromArg !== undefined ? Number(fromArg) : mark ? ms(mark.ts) : 0;
if (mark) console.log(`start mark at ${ms(mark.ts).toFixed(1)} ms; tasks from ${fromMs} ms`);

// CPU samples per thread, with their times.
interface Sample {
  at: number;
  ms: number;
  stack: CallFrame[];
}
const samples = new Map<string, Sample[]>();
const profiles = new Map<
  string,
  {
    thread: string;
    start: number;
    nodes: Map<number, ProfileNode>;
    ids: number[];
    deltas: number[];
  }
>();
for (const event of events) {
  const key = `${event.pid}:${event.id ?? ''}`;
  if (event.name === 'Profile')
    profiles.set(key, {
      thread: `${event.pid}:${event.tid}`,
      start: event.args?.data?.startTime ?? 0,
      nodes: new Map(),
      ids: [],
      deltas: [],
    });
  if (event.name === 'ProfileChunk') {
    const profile = profiles.get(key);
    const data = event.args?.data;
    if (!profile || !data) continue;
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    profile.ids.push(...(data.cpuProfile?.samples ?? []));
    profile.deltas.push(...(data.timeDeltas ?? []));
  }
}
for (const profile of profiles.values()) {
  const list: Sample[] = [];
  let at = profile.start;
  profile.ids.forEach((id, index) => {
    at += profile.deltas[index] ?? 0;
    const stack: CallFrame[] = [];
    for (let node = profile.nodes.get(id); node;) {
      stack.push(node.callFrame);
      node = node.parent === undefined ? undefined : profile.nodes.get(node.parent);
    }
    if (stack[0]?.functionName === '(idle)') return;
    list.push({ at: ms(at), ms: (profile.deltas[index + 1] ?? 0) / 1000, stack });
  });
  samples.set(profile.thread, [...(samples.get(profile.thread) ?? []), ...list]);
}

const tasks = events
  .filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 400)
  .sort((a, b) => a.ts - b.ts);
for (const [thread, name] of names) {
  if (!/^CrRendererMain$|ServiceWorker/.test(name)) continue;
  const own = tasks.filter((task) => `${task.pid}:${task.tid}` === thread && ms(task.ts) >= fromMs);
  if (own.length === 0) continue;
  console.log(`\n## ${name} (${thread})`);
  for (const task of own) {
    const from = ms(task.ts);
    const to = from + (task.dur ?? 0) / 1000;
    console.log(`\n${from.toFixed(1)}–${to.toFixed(1)} ms: task of ${(to - from).toFixed(1)} ms`);
    const inclusive = new Map<string, number>();
    for (const sample of samples.get(thread) ?? []) {
      if (sample.at < from || sample.at > to) continue;
      const seen = new Set<string>();
      for (const frame of sample.stack) {
        const key = label(frame);
        if (key === '(root)' || seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + sample.ms);
      }
    }
    for (const [key, value] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`  ${value.toFixed(1).padStart(6)}  ${key}`);
  }
  // Rendering work of this thread (style, layout, paint), with the layout's dirty objects.
  const rendering = events.filter(
    (e) =>
      `${e.pid}:${e.tid}` === thread &&
      e.ph === 'X' &&
      ['UpdateLayoutTree', 'Layout', 'Paint', 'EvaluateScript', 'v8.compile'].includes(e.name) &&
      (e.dur ?? 0) > 200 &&
      ms(e.ts) >= fromMs,
  );
  if (rendering.length > 0) console.log('\n  rendering:');
  for (const event of rendering)
    console.log(
      `  ${ms(event.ts).toFixed(1).padStart(7)} ms  ${event.name} ${((event.dur ?? 0) / 1000).toFixed(1)} ms`,
    );
}
