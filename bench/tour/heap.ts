/**
 * What the page's V8 isolate holds, split by a heap snapshot (the bench's "JS heap" column says
 * only how much). Loads the bench page with the bench build of the extension (made by
 * `npm run bench:tour`, in $ZHIYIN_OUT_DIR/bench), and takes a snapshot after a forced GC:
 *
 * - `floor`: the same page on a host the extension does not match (the page alone);
 * - `idle`: the page with content.js and rules.js settled;
 * - `warm`: after what opening the popup sends (`page:listTours`: overlay.js injected);
 * - `shown`: with the first card shown (started as the popup's start button does);
 * - `last`: with the last card shown (after three 下一步, real Enter presses);
 * - `again`: the tour closed, the same page loaded again in the same tab and settled (what the
 *   previous document left behind shows here: the bench's next load starts from this);
 * - `rules`: the same page at an address where a compliance rule applies (rules.js loaded).
 *
 * For each it prints `Runtime.getHeapUsage` (the bench's figure), the snapshot's total, and the
 * retained size of what dominates the heap: each JavaScript context (page world, the content
 * script's isolated world), each script (its source, functions and bytecode), and the largest
 * other objects, so a change can be aimed at what is actually held.
 *
 *   ZHIYIN_OUT_DIR=/tmp/bench-out BENCH_PORT=4391 npx tsx bench/tour/heap.ts [--page admin]
 *     [--keep DIR] [--top N]
 *   npx tsx bench/tour/heap.ts --read DIR/last.heapsnapshot[,…]
 *   npx tsx bench/tour/heap.ts --read DIR/last.heapsnapshot --map /tmp/map/chrome-mv3-production
 *     (functions of each extension script by source file, from a build of the same code with
 *     ZHIYIN_SOURCEMAP=1: see bench/README.md, "Attributing the time")
 *   npx tsx bench/tour/heap.ts --diff DIR/floor.heapsnapshot,DIR/last.heapsnapshot
 *
 * `--keep DIR` writes the snapshots (open them in DevTools' Memory panel to dig further).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CLOSED_NETWORK_FLAGS, findChromium } from '../../scripts/lib/find-chromium';
import { renderPage, type PageKind } from './pages';

const ROOT = resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
};
const PAGE = (option('page') ?? 'admin') as PageKind;
const TOP = Number(option('top') ?? 25);
const KEEP = option('keep');
const PORT = Number(process.env.BENCH_PORT ?? 4390);
const EXTENSION_DIR = join(
  resolve(ROOT, process.env.ZHIYIN_OUT_DIR ?? '.output', 'bench'),
  'chrome-mv3-production',
);
const SETTLE_MS = 1200;

// ---- snapshot analysis ------------------------------------------------------------------------

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
  /** [object_index, script_id, script_object_index, line, column] per closure. */
  locations?: number[];
}

/** A parsed snapshot with its dominator tree (Cooper, Harvey and Kennedy's iterative algorithm). */
class Heap {
  readonly count: number;
  readonly type: string[];
  readonly name: string[];
  readonly self: Float64Array;
  readonly firstEdge: Uint32Array;
  readonly edgeType: string[];
  readonly edgeName: (string | number)[];
  readonly edgeTo: Uint32Array;
  readonly retained: Float64Array;
  readonly idom: Int32Array;
  /** Where each closure's code starts in its script (0-based line and column). */
  readonly location = new Map<number, { line: number; column: number }>();

  constructor(raw: Snapshot) {
    const meta = raw.snapshot.meta;
    const nf = meta.node_fields.length;
    const ef = meta.edge_fields.length;
    const f = (name: string) => meta.node_fields.indexOf(name);
    const e = (name: string) => meta.edge_fields.indexOf(name);
    const nodeTypes = meta.node_types[0];
    const edgeTypes = meta.edge_types[0];
    this.count = raw.nodes.length / nf;
    this.type = new Array<string>(this.count);
    this.name = new Array<string>(this.count);
    this.self = new Float64Array(this.count);
    this.firstEdge = new Uint32Array(this.count + 1);
    const edgeCount = raw.edges.length / ef;
    this.edgeType = new Array<string>(edgeCount);
    this.edgeName = new Array<string | number>(edgeCount);
    this.edgeTo = new Uint32Array(edgeCount);
    let edge = 0;
    for (let i = 0; i < this.count; i += 1) {
      const at = i * nf;
      this.type[i] = nodeTypes[raw.nodes[at + f('type')] ?? 0] ?? '?';
      this.name[i] = raw.strings[raw.nodes[at + f('name')] ?? 0] ?? '';
      this.self[i] = raw.nodes[at + f('self_size')] ?? 0;
      this.firstEdge[i] = edge;
      edge += raw.nodes[at + f('edge_count')] ?? 0;
    }
    this.firstEdge[this.count] = edge;
    for (let j = 0; j < edgeCount; j += 1) {
      const at = j * ef;
      const type = edgeTypes[raw.edges[at + e('type')] ?? 0] ?? '?';
      this.edgeType[j] = type;
      const nameOrIndex = raw.edges[at + e('name_or_index')] ?? 0;
      this.edgeName[j] =
        type === 'element' || type === 'hidden' ? nameOrIndex : (raw.strings[nameOrIndex] ?? '');
      this.edgeTo[j] = (raw.edges[at + e('to_node')] ?? 0) / nf;
    }
    const locationFields = raw.locations ?? [];
    for (let k = 0; k + 4 < locationFields.length; k += 5)
      this.location.set((locationFields[k] ?? 0) / nf, {
        line: locationFields[k + 3] ?? 0,
        column: locationFields[k + 4] ?? 0,
      });
    this.idom = this.dominators();
    this.retained = new Float64Array(this.self);
    // Children after parents in the post-order: add each node's retained size to its dominator.
    for (const node of this.postOrder.slice(0, -1)) {
      const dom = this.idom[node] ?? -1;
      if (dom >= 0 && dom !== node)
        this.retained[dom] = (this.retained[dom] ?? 0) + (this.retained[node] ?? 0);
    }
  }

  private postOrder: number[] = [];

  *children(node: number): Generator<[edge: number, to: number]> {
    for (let j = this.firstEdge[node] ?? 0; j < (this.firstEdge[node + 1] ?? 0); j += 1) {
      if (this.edgeType[j] === 'weak') continue;
      yield [j, this.edgeTo[j] ?? 0];
    }
  }

  private dominators(): Int32Array {
    const order = new Int32Array(this.count).fill(-1);
    const post: number[] = [];
    const stack: [number, Generator<[number, number]>][] = [[0, this.children(0)]];
    order[0] = -2;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const next = top[1].next();
      if (next.done) {
        order[top[0]] = post.length;
        post.push(top[0]);
        stack.pop();
      } else {
        const to = next.value[1];
        if (order[to] === -1) {
          order[to] = -2;
          stack.push([to, this.children(to)]);
        }
      }
    }
    this.postOrder = post;
    const preds: number[][] = Array.from({ length: this.count }, () => []);
    for (const node of post)
      for (const [, to] of this.children(node)) if ((order[to] ?? -1) >= 0) preds[to]?.push(node);
    const idom = new Int32Array(this.count).fill(-1);
    idom[0] = 0;
    const intersect = (a: number, b: number) => {
      while (a !== b) {
        while ((order[a] ?? 0) < (order[b] ?? 0)) a = idom[a] ?? 0;
        while ((order[b] ?? 0) < (order[a] ?? 0)) b = idom[b] ?? 0;
      }
      return a;
    };
    for (let changed = true; changed;) {
      changed = false;
      for (let k = post.length - 2; k >= 0; k -= 1) {
        const node = post[k] ?? 0;
        let dom = -1;
        for (const pred of preds[node] ?? []) {
          if ((idom[pred] ?? -1) < 0) continue;
          dom = dom < 0 ? pred : intersect(pred, dom);
        }
        if (dom >= 0 && idom[node] !== dom) {
          idom[node] = dom;
          changed = true;
        }
      }
    }
    return idom;
  }

  edgeTarget(node: number, name: string): number | undefined {
    for (let j = this.firstEdge[node] ?? 0; j < (this.firstEdge[node + 1] ?? 0); j += 1)
      if (this.edgeName[j] === name) return this.edgeTo[j];
    return undefined;
  }

  total(): number {
    return this.self.reduce((sum, size) => sum + size, 0);
  }
}

/** The kind of V8 object a node is (bytecode, feedback, closures, strings, a class name…). */
function kindOfNode(heap: Heap, i: number): string {
  const name = heap.name[i] ?? '';
  const type = heap.type[i] ?? '';
  if (type === 'closure') return 'closures';
  if (type.includes('string')) return 'strings';
  if (name.startsWith('system / '))
    return name
      .replace(/^system \/ /, '')
      .replace(/ @\d+$/, '')
      .replace(/ \/ .*$/, '');
  if (type === 'object') return `object ${name.replace(/ \/ .*$/, '').slice(0, 40)}`;
  return type;
}

/** Self sizes by kind, V8 heap only (Blink's native objects and external string data left out). */
function kinds(heap: Heap): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < heap.count; i += 1) {
    if (heap.type[i] === 'native' || heap.type[i] === 'synthetic') continue;
    const kind = kindOfNode(heap, i);
    out.set(kind, (out.get(kind) ?? 0) + (heap.self[i] ?? 0));
  }
  return out;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`.padStart(10);

/** The script a function or script node belongs to (its URL, shortened). */
function scriptName(heap: Heap, script: number): string {
  const name = heap.edgeTarget(script, 'name');
  const text = name === undefined ? '' : (heap.name[name] ?? '');
  return (
    text.replace(/^chrome-extension:\/\/[a-z]+\//, 'ext:/').replace(/^https?:\/\/[^/]+/, '') ||
    '(no name)'
  );
}

function analyse(label: string, raw: Snapshot, usage: number): void {
  const heap = new Heap(raw);
  console.log(
    `\n## ${label}: getHeapUsage ${kb(usage)}; snapshot ${kb(heap.total())} in ${heap.count} nodes`,
  );

  // By node type (self sizes).
  const byType = new Map<string, number>();
  for (let i = 0; i < heap.count; i += 1)
    byType.set(heap.type[i] ?? '', (byType.get(heap.type[i] ?? '') ?? 0) + (heap.self[i] ?? 0));
  console.log(
    'by type (self): ' +
      [...byType]
        .sort((a, b) => b[1] - a[1])
        .map(([type, size]) => `${type} ${(size / 1024).toFixed(0)}k`)
        .join(', '),
  );

  // Contexts: each native context's retained size, named by its global object.
  console.log('contexts (retained):');
  for (let i = 0; i < heap.count; i += 1) {
    if (heap.name[i] !== 'system / NativeContext') continue;
    const global = heap.edgeTarget(i, 'global_proxy_object');
    const globalName = global === undefined ? '' : heap.name[global];
    console.log(`  ${kb(heap.retained[i] ?? 0)}  ${globalName || '(no global)'}`);
  }

  // Scripts: the functions (SharedFunctionInfo, with bytecode and feedback) and closures whose
  // code comes from each script, plus the script node itself (its source), by retained size
  // (sums of disjoint dominator subtrees: a node is counted once, under its nearest counted
  // dominator).
  const scriptOf = new Map<number, number>();
  for (let i = 0; i < heap.count; i += 1) {
    if (heap.type[i] !== 'code' || !heap.name[i]?.startsWith('system / Script')) continue;
    scriptOf.set(i, i);
  }
  for (let i = 0; i < heap.count; i += 1) {
    if (heap.type[i] === 'closure') {
      const shared = heap.edgeTarget(i, 'shared');
      const script = shared === undefined ? undefined : heap.edgeTarget(shared, 'script');
      if (script !== undefined && scriptOf.has(script)) scriptOf.set(i, script);
    } else if (heap.type[i] === 'code') {
      const script = heap.edgeTarget(i, 'script');
      if (script !== undefined && scriptOf.has(script)) scriptOf.set(i, script);
    }
  }
  const counted = (node: number) => {
    for (let d = heap.idom[node] ?? 0; d !== 0 && d >= 0; d = heap.idom[d] ?? 0) {
      if (scriptOf.has(d)) return false;
      if (d === heap.idom[d]) break;
    }
    return true;
  };
  const byScript = new Map<string, number>();
  for (const [node, script] of scriptOf) {
    if (!counted(node)) continue;
    const name = scriptName(heap, script);
    byScript.set(name, (byScript.get(name) ?? 0) + (heap.retained[node] ?? 0));
  }
  console.log('scripts (retained by their script node, functions and closures):');
  for (const [name, size] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    if (size > 2048) console.log(`  ${kb(size)}  ${name}`);
  // `--map DIR` (a build of the same code with ZHIYIN_SOURCEMAP=1): each extension script's
  // functions (closure and its function info: bytecode, JIT code, feedback) by source file.
  const mapDir = option('map');
  for (const [name] of mapDir ? [...byScript].sort((a, b) => b[1] - a[1]) : []) {
    const file = join(mapDir ?? '', name.replace(/^ext:\//, ''));
    if (!name.startsWith('ext:') || !existsSync(`${file}.map`)) continue;
    const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
    const bySource = new Map<string, number>();
    for (const [node, script] of scriptOf) {
      if (scriptName(heap, script) !== name || !counted(node) || heap.type[node] !== 'closure')
        continue;
      const at = heap.location.get(node);
      const shared = heap.edgeTarget(node, 'shared');
      // The function info is counted with its first closure (its dominator is the closure, or
      // several closures share it and it is dominated higher up: counted here once anyway).
      const size =
        (heap.retained[node] ?? 0) +
        (shared !== undefined && heap.idom[shared] !== node ? (heap.retained[shared] ?? 0) : 0);
      const original = at
        ? originalPositionFor(map, { line: at.line + 1, column: at.column })
        : null;
      // `--by function`: each function (source, line and name) instead of each source file.
      const source = original
        ? `${original.source ?? '?'}${option('by') === 'function' ? `:${original.line} ${original.name ?? ''}` : ''}`
        : '(no location)';
      const key = source.replace(/^.*node_modules\//, 'npm:').replace(/^(\.\.\/)+/, '');
      bySource.set(key, (bySource.get(key) ?? 0) + size);
    }
    console.log(`  ${name} functions by source (closure + function info, retained):`);
    for (const [source, size] of [...bySource].sort((a, b) => b[1] - a[1]).slice(0, TOP))
      console.log(`    ${kb(size)}  ${source}`);
  }
  // What each extension script's share is made of: self sizes in its dominated subtrees, by the
  // kind of V8 object (bytecode, feedback, closures, the source text…).
  const children: number[][] = Array.from({ length: heap.count }, () => []);
  for (let i = 1; i < heap.count; i += 1) {
    const dom = heap.idom[i] ?? -1;
    if (dom >= 0 && dom !== i) children[dom]?.push(i);
  }
  const kindOf = (i: number) => kindOfNode(heap, i);
  for (const [name] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 3)) {
    if (!name.startsWith('ext:')) continue;
    const kinds = new Map<string, number>();
    for (const [node, script] of scriptOf) {
      if (scriptName(heap, script) !== name || !counted(node)) continue;
      const stack = [node];
      while (stack.length > 0) {
        const at = stack.pop() ?? 0;
        const kind = kindOf(at);
        kinds.set(kind, (kinds.get(kind) ?? 0) + (heap.self[at] ?? 0));
        stack.push(...(children[at] ?? []));
      }
    }
    console.log(
      `  ${name}: ` +
        [...kinds]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12)
          .map(([kind, size]) => `${kind} ${(size / 1024).toFixed(0)}k`)
          .join(', '),
    );
  }

  // The largest retainers that are not contexts: what a change could drop.
  console.log(`largest single objects (retained, top ${TOP}):`);
  const nodes = [...Array(heap.count).keys()]
    .filter((i) => heap.type[i] !== 'synthetic' && heap.name[i] !== 'system / NativeContext')
    .sort((a, b) => (heap.retained[b] ?? 0) - (heap.retained[a] ?? 0))
    .slice(0, TOP);
  for (const i of nodes) {
    const dom = heap.idom[i] ?? 0;
    console.log(
      `  ${kb(heap.retained[i] ?? 0)}  ${heap.type[i]} ${JSON.stringify((heap.name[i] ?? '').slice(0, 70))}` +
        `  (self ${heap.self[i]}, dominated by ${heap.type[dom]} ${JSON.stringify((heap.name[dom] ?? '').slice(0, 40))})`,
    );
  }

  // Strings over 8 kB (script sources, string tables).
  const strings = [...Array(heap.count).keys()]
    .filter((i) => heap.type[i]?.includes('string') && (heap.self[i] ?? 0) > 8192)
    .sort((a, b) => (heap.self[b] ?? 0) - (heap.self[a] ?? 0));
  console.log('strings over 8 kB (self):');
  for (const i of strings)
    console.log(
      `  ${kb(heap.self[i] ?? 0)}  ${heap.type[i]} ${JSON.stringify((heap.name[i] ?? '').slice(0, 60))}`,
    );
}

// ---- the browser ------------------------------------------------------------------------------

function serve(): Promise<Server> {
  const harness = readFileSync(resolve(import.meta.dirname, 'harness.js'), 'utf8');
  const html = renderPage({ kind: PAGE, head: '', body: '<script src="/harness.js"></script>' });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/harness.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(harness);
    } else if (url.pathname === `/bench/${PAGE}.html`) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else res.writeHead(404).end();
  });
  return new Promise((done) => server.listen(PORT, '127.0.0.1', () => done(server)));
}

async function snapshot(cdp: CDPSession): Promise<{ raw: Snapshot; text: string; usage: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const chunks: string[] = [];
  const collect = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  const text = chunks.join('');
  return { raw: JSON.parse(text) as Snapshot, text, usage: usedSize };
}

/** The page harness (bench/tour/harness.js), as seen inside the page. */
interface PageWithHarness {
  __bench: {
    watch(lib: string, step: number): Promise<{ at: number | null }>;
    armNext(lib: string, step: number): boolean;
    nextResult(): Promise<unknown>;
    armExit(lib: string, step: number): boolean;
    settle(): Promise<void>;
  };
}

async function sendFromExtension(control: Page, type: string, data: object): Promise<unknown> {
  return control.evaluate(
    async ({ type, data }) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      };
      return chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() });
    },
    { type, data },
  );
}

async function main() {
  const diff = option('diff');
  if (diff) {
    const [a, b] = diff
      .split(',')
      .map((file) => kinds(new Heap(JSON.parse(readFileSync(file, 'utf8')) as Snapshot)));
    const all = new Set([
      ...(a ?? new Map<string, number>()).keys(),
      ...(b ?? new Map<string, number>()).keys(),
    ]);
    const rows = [...all].map((kind) => [kind, (b?.get(kind) ?? 0) - (a?.get(kind) ?? 0)] as const);
    const sum = rows.reduce((total, [, size]) => total + size, 0);
    console.log(`V8 heap (self sizes, no native objects) grew by ${kb(sum)}:`);
    for (const [kind, size] of rows.sort((x, y) => Math.abs(y[1]) - Math.abs(x[1])).slice(0, TOP))
      console.log(`  ${kb(size)}  ${kind}`);
    return;
  }
  const read = option('read');
  if (read) {
    for (const file of read.split(','))
      analyse(file, JSON.parse(readFileSync(file, 'utf8')) as Snapshot, Number.NaN);
    return;
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`no bench build in ${EXTENSION_DIR}: run npm run bench:tour once first`);
  const server = await serve();
  const profile = mkdtempSync(join(os.tmpdir(), 'zhiyin-heap-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 800 },
    args: [
      ...CLOSED_NETWORK_FLAGS,
      `--host-resolver-rules=MAP bench-other.test 127.0.0.1`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const control = await context.newPage();
    await control.goto(`chrome-extension://${extensionId}/options.html`);
    // A learner who chose a role: no first-run welcome card (as in the bench).
    await sendFromExtension(control, 'page:setRole', { role: '业务操作人员' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const take = async (label: string) => {
      const { raw, text, usage } = await snapshot(cdp);
      if (KEEP) writeFileSync(join(KEEP, `${label}.heapsnapshot`), text);
      analyse(label, raw, usage);
    };

    await page.goto(`http://bench-other.test:${PORT}/bench/${PAGE}.html`, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    await take('floor');

    const url = `http://127.0.0.1:${PORT}/bench/${PAGE}.html`;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    await take('idle');

    const tabId = await worker.evaluate(async (target) => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      };
      return (await chrome.tabs.query({})).find((tab) => tab.url === target)?.id ?? -1;
    }, url);
    await sendFromExtension(control, 'page:listTours', { tabId });
    await page.waitForTimeout(SETTLE_MS);
    await take('warm');

    const seen = page.evaluate(() =>
      (window as unknown as PageWithHarness).__bench.watch('zhiyin', 0),
    );
    await sendFromExtension(control, 'page:startTour', { tabId, tourId: 'bench-admin' });
    if ((await seen).at === null) throw new Error('the first card never showed');
    await page.waitForTimeout(500);
    await take('shown');

    for (let step = 0; step < 3; step += 1) {
      const armed = await page.evaluate(
        (step) => (window as unknown as PageWithHarness).__bench.armNext('zhiyin', step),
        step,
      );
      if (!armed) throw new Error(`no 下一步 on step ${step}`);
      await page.keyboard.press('Enter');
      await page.evaluate(() => (window as unknown as PageWithHarness).__bench.nextResult());
      await page.waitForTimeout(300);
    }
    await take('last');

    // The next page load in the same tab (what the bench's next load starts from): whatever the
    // previous document's worlds left behind shows here.
    if (
      !(await page.evaluate(() =>
        (window as unknown as PageWithHarness).__bench.armExit('zhiyin', 3),
      ))
    )
      throw new Error('no close button on the last card');
    await page.keyboard.press('Enter');
    await page.evaluate(() => (window as unknown as PageWithHarness).__bench.settle());
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const host = await page.evaluate(() => {
      const element = document.querySelector('zhiyin-overlay');
      if (!element) return null;
      const root = element.shadowRoot;
      if (!root) return '(closed shadow root)';
      return [...root.querySelectorAll('*')]
        .filter((node) => node.tagName !== 'STYLE' && node.children.length === 0)
        .map((node) => `${node.className}: ${node.textContent ?? ''}`)
        .join(' | ');
    });
    console.log(
      `\noverlay host on the reloaded page: ${host === null ? 'none' : JSON.stringify(host.slice(0, 200))}`,
    );
    await take('again');

    // The compliance rules (rules.js) load only where a rule applies; one of tours/rules applies
    // to `*admin.html#/system*`: the same page at that address shows what rules.js holds.
    await page.goto('about:blank');
    await page.goto(`${url}#/system`, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS * 2);
    await take('rules');
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
