/**
 * Tour benchmark: Zhiyin (the built extension, started the way the product starts a tour) beside
 * driver.js, Shepherd (benchmark-only: AGPL) and a no-library floor, on the same generated pages
 * in headless Debian Chromium. Run with `npm run bench:tour` (tsx). See bench/README.md.
 *
 * Options: `--loads N` fresh page loads per page and library (default 15), `--pages a,b`
 * (small, admin, churn), `--libs a,b` (rows: floor, zhiyin, zhiyin-cold, driver, driver-noanim,
 * shepherd, shepherd-noanim; default all), `--no-build` (reuse the
 * last bench build), `--cost-loads N` traced loads for script evaluation (default 5),
 * `--attempts N` tries per load before it is given up (default 3: a crashed or failed load is
 * retried on a fresh page, and the output says so), `--crash-load N` (crash the page once at
 * load N, to check that), `--json FILE` (raw figures), `--trace FILE` (the first traced Zhiyin
 * load and start, for chrome://tracing or Perfetto), `--profile FILE` (CPU profile of that
 * start, .cpuprofile), `--trace-next FILE` (the first counted Zhiyin load's popup start and three next
 * steps, one trace each with CPU samples: FILE-start.json, FILE-0.json …).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CLOSED_NETWORK_FLAGS, findChromium } from '../../scripts/lib/find-chromium';
import { PAGE_KINDS, renderPage, type PageKind } from './pages';

/**
 * A row of the tables. The anchors are each run twice: as their documentation's basic example
 * configures them (`driver`, `shepherd`: animations on, as shipped) and with animation off
 * (`driver-noanim`: `animate: false, smoothScroll: false`; `shepherd-noanim`: instant centred
 * scroll and shepherd.css's transitions off — Shepherd has no animation option). See harness.js.
 */
type Lib =
  'floor' | 'zhiyin' | 'zhiyin-cold' | 'driver' | 'driver-noanim' | 'shepherd' | 'shepherd-noanim';
const ALL_LIBS: readonly Lib[] = [
  'floor',
  'zhiyin',
  'zhiyin-cold',
  'driver',
  'driver-noanim',
  'shepherd',
  'shepherd-noanim',
];
const ANCHORS: readonly Lib[] = ['driver', 'driver-noanim', 'shepherd', 'shepherd-noanim'];

const ROOT = resolve(import.meta.dirname, '../..');
const version = (pkg: string): string =>
  (
    JSON.parse(readFileSync(resolve(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
const DRIVER_VERSION = version('driver.js');
const SHEPHERD_VERSION = version('shepherd.js');
const LIB_NAMES: Record<Lib, string> = {
  floor: 'floor (no library)',
  zhiyin: 'Zhiyin, popup start',
  'zhiyin-cold': 'Zhiyin, cold start',
  driver: `driver.js ${DRIVER_VERSION}, docs' defaults (animated)`,
  'driver-noanim': `driver.js ${DRIVER_VERSION}, animation off`,
  shepherd: `Shepherd ${SHEPHERD_VERSION}, docs' defaults (animated)`,
  'shepherd-noanim': `Shepherd ${SHEPHERD_VERSION}, animation off`,
};
/** The library a row runs (`driver-noanim` → `driver`). */
const libraryOf = (lib: Lib): 'floor' | 'zhiyin' | 'driver' | 'shepherd' =>
  lib.split('-')[0] as 'floor' | 'zhiyin' | 'driver' | 'shepherd';
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
};
const LOADS = Number(option('loads') ?? 15);
/** Tries per load: a crashed or failed load is retried on a fresh page (tab) this many times. */
const ATTEMPTS = Number(option('attempts') ?? 3);
/** A load that takes longer than this failed (a hung page must not stop the run). */
const LOAD_TIMEOUT_MS = 120_000;
/** `--crash-load N`: crash the page once at load N (to check that the run survives it). */
let crashLoad = option('crash-load');
const COST_LOADS = Number(option('cost-loads') ?? 5);
const PAGES = (option('pages')?.split(',') ?? PAGE_KINDS) as PageKind[];
const LIBS = (option('libs')?.split(',') ?? ALL_LIBS) as Lib[];
for (const lib of LIBS) {
  if (!ALL_LIBS.includes(lib)) {
    throw new Error(`--libs: unknown row "${lib}"; rows are ${ALL_LIBS.join(', ')}`);
  }
}
const PORT = Number(process.env.BENCH_PORT ?? process.env.SIM_PORT ?? 4390);
/** The extension matches 127.0.0.1; the libraries run on a host it does not match. */
const EXT_HOST = `127.0.0.1:${PORT}`;
const OTHER_HOST = `bench-other.test:${PORT}`;
const OUT_BASE = resolve(ROOT, process.env.ZHIYIN_OUT_DIR ?? '.output', 'bench');
const EXTENSION_DIR = join(OUT_BASE, 'chrome-mv3-production');
const VIEWPORT = { width: 1366, height: 800 };
const SETTLE_MS = 1200;
/** Time from opening the popup to clicking a start button (a quick learner). */
const POPUP_READ_MS = 600;

const LIB_FILES = {
  driverJs: resolve(ROOT, 'node_modules/driver.js/dist/driver.js.iife.js'),
  driverCss: resolve(ROOT, 'node_modules/driver.js/dist/driver.css'),
  shepherdJs: resolve(ROOT, 'node_modules/shepherd.js/dist/js/shepherd.mjs'),
  shepherdCss: resolve(ROOT, 'node_modules/shepherd.js/dist/css/shepherd.css'),
};

// ---- build and serve ------------------------------------------------------------------------

/**
 * The production build (what ships: React's production build, minified) with the bench tour,
 * configured for the bench host the way an administrator configures theirs (ZHIYIN_HOSTS).
 */
function build() {
  console.error(`Building the extension with the bench tour into ${OUT_BASE} …`);
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ZHIYIN_OUT_DIR: OUT_BASE,
      ZHIYIN_TOURS_DIR: 'bench/tour/tours',
      // Written with its scheme: a bare host means HTTPS (lib/hosts/match-patterns.ts).
      ZHIYIN_HOSTS: 'http://127.0.0.1',
      // Production closes the overlay's shadow root (issue 10); the harness finds the card in it.
      VITE_ZHIYIN_BENCH_OPEN_SHADOW: '1',
    },
  });
}

/** shepherd.css animates the card's and the modal overlay's opacity (.3 s); this turns it off. */
const SHEPHERD_NO_TRANSITIONS =
  '<style>.shepherd-element,.shepherd-modal-overlay-container{transition:none!important}</style>';

function libTags(lib: Lib): { head: string; body: string } {
  if (libraryOf(lib) === 'driver') {
    return {
      head: '<link rel="stylesheet" href="/lib/driver.css">',
      body: '<script src="/lib/driver.js"></script>',
    };
  }
  if (libraryOf(lib) === 'shepherd') {
    return {
      head:
        '<link rel="stylesheet" href="/lib/shepherd.css">' +
        (lib === 'shepherd-noanim' ? SHEPHERD_NO_TRANSITIONS : ''),
      body:
        '<script type="module">import Shepherd from "/lib/shepherd.mjs";' +
        'window.Shepherd = Shepherd;</script>',
    };
  }
  return { head: '', body: '' };
}

function serve(): Promise<Server> {
  const harness = readFileSync(resolve(import.meta.dirname, 'harness.js'), 'utf8');
  const files: Record<string, [string, string]> = {
    '/lib/driver.js': [LIB_FILES.driverJs, 'text/javascript'],
    '/lib/driver.css': [LIB_FILES.driverCss, 'text/css'],
    '/lib/shepherd.mjs': [LIB_FILES.shepherdJs, 'text/javascript'],
    '/lib/shepherd.css': [LIB_FILES.shepherdCss, 'text/css'],
  };
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = files[url.pathname];
    if (file) {
      res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' });
      res.end(readFileSync(file[0]));
      return;
    }
    if (url.pathname === '/harness.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(harness);
      return;
    }
    const match = /^\/bench\/(small|admin|churn)\.html$/.exec(url.pathname);
    if (match) {
      const kind = match[1] as PageKind;
      const lib = (url.searchParams.get('lib') ?? 'floor') as Lib;
      const key = `${kind}:${lib}`;
      let html = pages.get(key);
      if (!html) {
        const tags = libTags(lib);
        html = renderPage({
          kind,
          head: tags.head,
          body: `${tags.body}<script src="/harness.js"></script>`,
        });
        pages.set(key, html);
      }
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(html);
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((done) => server.listen(PORT, '127.0.0.1', () => done(server)));
}

const isZhiyin = (lib: Lib) => lib === 'zhiyin' || lib === 'zhiyin-cold';
const pageUrl = (kind: PageKind, lib: Lib) =>
  `http://${isZhiyin(lib) ? EXT_HOST : OTHER_HOST}/bench/${kind}.html?lib=${lib}`;

// ---- one measured page load -------------------------------------------------------------------

interface Timing {
  ms: number | null;
  longTasks: number[];
}
interface ScrollFigures {
  frames: number[];
  driftDuring: number;
  driftAfter: number;
  taskMsPerFrame: number;
  /** How far the page or panel actually scrolled (a library may block scrolling). */
  scrolled: number;
}
interface LoadFigures {
  first: Timing;
  startTaskMs: number;
  next: Timing[];
  container: ScrollFigures | null;
  window: ScrollFigures | null;
  nodesLeft: number;
  nodesLeftLater: number | null;
  heapIdle: number;
  heapShown: number;
  heapAfter: number;
}

interface Harness {
  now(): number;
  nodeCount(): number;
  watch(lib: Lib, step: number): Promise<{ at: number | null }>;
  tasksBetween(t0: number, t1: number): number[];
  startAndWatch(lib: Lib): Promise<Timing>;
  /** Other libraries: clicks 下一步 of `step` from the page and times the next card. */
  nextAndWatch(lib: Lib, step: number): Promise<Timing>;
  /** Zhiyin: arms and focuses 下一步 of `step` for a trusted Enter (false: no button). */
  armNext(lib: Lib, step: number): boolean;
  /** The next card's timing, from the armed click. */
  nextResult(): Promise<Timing>;
  exit(lib: Lib, step: number): Promise<void>;
  /** Zhiyin: focuses the close button of `step` for a trusted Enter (false: no button). */
  armExit(lib: Lib, step: number): boolean;
  /** Resolves two frames later. */
  settle(): Promise<void>;
  rectOf(selector: string): { x: number; y: number; width: number; height: number };
  probeStart(lib: Lib, step: number, scroller: string | null): boolean;
  probeMark(): void;
  probeStop(): {
    frames: number[];
    driftDuring: number;
    driftAfter: number;
    gap0: number;
    scrolled: number;
  } | null;
}
declare global {
  interface Window {
    __bench: Harness;
  }
}

class Session {
  constructor(
    readonly context: BrowserContext,
    readonly control: Page,
    public page: Page,
    public cdp: CDPSession,
  ) {}

  static async open(context: BrowserContext, control: Page): Promise<Session> {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    return new Session(context, control, page, cdp);
  }

  /** Replaces the measured page (tab) by a new one, after a crash or a failed load. */
  async freshPage(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
    await this.page.close().catch(() => undefined);
    this.page = await this.context.newPage();
    this.cdp = await this.context.newCDPSession(this.page);
    await this.cdp.send('Performance.enable');
  }

  /**
   * Runs one load, retrying on a fresh page when it fails (the page crashed, a step never showed,
   * a hung load): the run goes on, and the output says how often it happened.
   */
  async attempt<T>(what: string, retries: Retries, run: () => Promise<T>): Promise<T | null> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      let timer: NodeJS.Timeout | undefined;
      try {
        return await Promise.race([
          run(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`no result after ${LOAD_TIMEOUT_MS / 1000} s`)),
              LOAD_TIMEOUT_MS,
            );
          }),
        ]);
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        retries.failed.push(`${what}, attempt ${attempt}: ${message}`);
        console.error(
          `${what}: attempt ${attempt}/${ATTEMPTS} failed (${message}); ` +
            (attempt < ATTEMPTS ? 'retrying on a fresh page' : 'giving this load up'),
        );
        await this.freshPage();
      } finally {
        clearTimeout(timer);
      }
    }
    retries.givenUp.push(what);
    return null;
  }

  async heap(): Promise<number> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await this.cdp.send('Runtime.getHeapUsage');
    return usedSize;
  }

  async taskSeconds(): Promise<number> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  }

  async tabId(): Promise<number> {
    const worker = this.context.serviceWorkers()[0];
    if (!worker) throw new Error('extension service worker not running');
    const url = this.page.url();
    return worker.evaluate(async (target) => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      };
      return (await chrome.tabs.query({})).find((tab) => tab.url === target)?.id ?? -1;
    }, url);
  }

  /** What opening the toolbar popup on the tab sends first: page:listTours for the tab. */
  async openPopup(tabId: number): Promise<void> {
    await this.control.evaluate(async (tabId) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      };
      await chrome.runtime.sendMessage({
        id: Date.now(),
        type: 'page:listTours',
        data: { tabId },
        timestamp: Date.now(),
      });
    }, tabId);
  }

  /** page:startTour from an extension page, exactly what the popup's start button sends. */
  async startZhiyin(tabId: number): Promise<number> {
    const { t0, reply } = await this.control.evaluate(async (tabId) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      };
      console.timeStamp('zhiyin-bench-start');
      const t0 = performance.timeOrigin + performance.now();
      const reply = await chrome.runtime.sendMessage({
        id: Date.now(),
        type: 'page:startTour',
        data: { tabId, tourId: 'bench-admin' },
        timestamp: Date.now(),
      });
      return { t0, reply };
    }, tabId);
    const res = (reply as { res?: { started?: boolean; reason?: string } }).res;
    if (!res?.started) throw new Error(`Zhiyin did not start: ${JSON.stringify(reply)}`);
    return t0;
  }

  async scroll(
    lib: Lib,
    step: number,
    scroller: string | null,
    at: { x: number; y: number },
    delta: number,
    ticks: number,
  ): Promise<ScrollFigures | null> {
    const { page } = this;
    await page.mouse.move(at.x, at.y);
    const started = await page.evaluate(
      ({ lib, step, scroller }) => window.__bench.probeStart(lib, step, scroller),
      { lib, step, scroller },
    );
    if (!started) {
      return null;
    }
    const before = await this.taskSeconds();
    for (const sign of [1, -1]) {
      for (let i = 0; i < ticks; i += 1) {
        await page.mouse.wheel(0, sign * delta);
        await page.waitForTimeout(40);
      }
    }
    await page.waitForTimeout(200);
    await page.evaluate(() => window.__bench.probeMark());
    const after = await this.taskSeconds();
    await page.waitForTimeout(400);
    const probe = await page.evaluate(() => window.__bench.probeStop());
    if (!probe) return null;
    const framesDuring = Math.max(1, probe.frames.length);
    return {
      frames: probe.frames,
      driftDuring: probe.driftDuring,
      driftAfter: probe.driftAfter,
      taskMsPerFrame: ((after - before) * 1000) / framesDuring,
      scrolled: probe.scrolled,
    };
  }

  async measure(kind: PageKind, lib: Lib, laterNodes: boolean): Promise<LoadFigures> {
    const { page } = this;
    await page.goto(pageUrl(kind, lib), { waitUntil: 'load' });
    // Let the page (and Zhiyin's content script, and its rules bundle at idle) settle.
    await page.waitForTimeout(SETTLE_MS);
    const heapIdle = await this.heap();
    const nodesBefore = await page.evaluate(() => window.__bench.nodeCount());
    const tabId = isZhiyin(lib) ? await this.tabId() : -1;
    let first: Timing;
    // `--trace-next FILE`: the first counted Zhiyin load's start and three next steps (page and
    // service worker, with CPU samples), one trace each (FILE-start.json, FILE-0.json …). Not the
    // warm-up load (the small page, with the service worker's first work in it).
    // The floor's first counted load is traced too (FILE-floor-start.json …), to set against it.
    // The popup start's trace begins before the popup opens, so the profiler's own start-up (a
    // long first task in each thread) lands there and not in the start; the start itself is
    // marked in the trace (console.timeStamp 'zhiyin-bench-start', attribute.ts begins there).
    const already = lib === 'zhiyin' ? nextTraced : lib === 'floor' ? floorTraced : true;
    const traceFile = laterNodes && !already ? option('trace-next') : undefined;
    const traceNext =
      traceFile && lib === 'floor' ? traceFile.replace(/(\.json)?$/, '-floor') : traceFile;
    if (traceNext && lib === 'zhiyin') nextTraced = true;
    if (traceNext && lib === 'floor') floorTraced = true;
    const traced = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      if (!traceNext) return run();
      let value: T | undefined;
      const events = await trace(
        this.cdp,
        async () => {
          value = await run();
        },
        ['disabled-by-default-v8.cpu_profiler'],
      );
      writeFileSync(traceNext.replace(/(\.json)?$/, `-${name}.json`), JSON.stringify(events));
      return value as T;
    };
    const opened = async () => {
      if (lib !== 'zhiyin') return;
      // The learner opens the popup, finds the tour and clicks its start button.
      await this.openPopup(tabId);
      await page.waitForTimeout(POPUP_READ_MS);
    };
    if (!traceNext) await opened();
    let tasksBefore = await this.taskSeconds();
    if (isZhiyin(lib)) {
      const { t0, at } = await traced('start', async () => {
        if (traceNext) {
          await opened();
          tasksBefore = await this.taskSeconds(); // the start's main thread, as untraced
        }
        const seen = page.evaluate(() => window.__bench.watch('zhiyin', 0));
        seen.catch(() => undefined); // a failed start is reported below, not as this rejection
        const t0 = await this.startZhiyin(tabId);
        return { t0, at: (await seen).at };
      });
      first =
        at === null
          ? { ms: null, longTasks: [] }
          : {
              ms: at - t0,
              longTasks: await page.evaluate(({ t0, at }) => window.__bench.tasksBetween(t0, at), {
                t0,
                at,
              }),
            };
    } else {
      first = await traced('start', () =>
        page.evaluate((lib) => window.__bench.startAndWatch(lib), lib),
      );
    }
    const startTaskMs = ((await this.taskSeconds()) - tasksBefore) * 1000;
    if (first.ms === null) throw new Error(`${lib} on ${kind}: first step never shown`);

    const next: Timing[] = [];
    let container: ScrollFigures | null = null;
    let windowScroll: ScrollFigures | null = null;
    for (let step = 0; step < 3; step += 1) {
      await page.waitForTimeout(150);
      next.push(
        await traced(String(step), async () => {
          if (!lib.startsWith('zhiyin'))
            return page.evaluate(({ lib, step }) => window.__bench.nextAndWatch(lib, step), {
              lib,
              step,
            });
          // Real input: Zhiyin ignores clicks a page script makes (issue 10).
          const armed = await page.evaluate(({ lib, step }) => window.__bench.armNext(lib, step), {
            lib,
            step,
          });
          if (armed) await page.keyboard.press('Enter');
          return page.evaluate(() => window.__bench.nextResult());
        }),
      );
      if (step === 0) {
        // Step 1 is the log entry: scroll the log panel under the mouse.
        await page.waitForTimeout(300);
        const panel = await page.evaluate(() => window.__bench.rectOf('#log-panel'));
        container = await this.scroll(
          lib,
          1,
          '#log-panel',
          // Above the target (centred in the panel), so no library's card is under the mouse.
          { x: panel.x + panel.width / 2, y: panel.y + 30 },
          20,
          3,
        );
      }
    }
    // Step 3 is the table row: scroll the page.
    await page.waitForTimeout(300);
    windowScroll = await this.scroll(lib, 3, null, { x: 900, y: 700 }, 60, 3);
    const heapShown = await this.heap();

    if (isZhiyin(lib)) {
      // Real input, as for 下一步: a scripted click is ignored and would leave the tour running
      // (the next load of the tab would continue it, overlay and card already on the page).
      const armed = await page.evaluate((lib) => window.__bench.armExit(lib, 3), lib);
      if (!armed) throw new Error(`${lib} on ${kind}: no close button on the last card`);
      await page.keyboard.press('Enter');
      await page.evaluate(() => window.__bench.settle());
    } else {
      await page.evaluate(({ lib }) => window.__bench.exit(lib, 3), { lib });
    }
    const nodesLeft = (await page.evaluate(() => window.__bench.nodeCount())) - nodesBefore;
    let nodesLeftLater: number | null = null;
    if (laterNodes) {
      await page.waitForTimeout(5000);
      nodesLeftLater = (await page.evaluate(() => window.__bench.nodeCount())) - nodesBefore;
    }
    const heapAfter = await this.heap();
    return {
      first,
      startTaskMs,
      next,
      container,
      window: windowScroll,
      nodesLeft,
      nodesLeftLater,
      heapIdle,
      heapShown,
      heapAfter,
    };
  }
}

let nextTraced = false;
let floorTraced = false;

// ---- per-page cost: what runs on every page, traced ---------------------------------------------

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { data?: { url?: string; fileName?: string }; fileName?: string; url?: string };
}

async function trace(
  cdp: CDPSession,
  run: () => Promise<void>,
  extraCategories: string[] = [],
): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => {
    events.push(...(data.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'v8',
        'v8.execute',
        'disabled-by-default-devtools.timeline',
        ...extraCategories,
      ],
    },
    transferMode: 'ReportEvents',
  });
  await run();
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}

const EVAL_EVENTS = new Set(['EvaluateScript', 'v8.evaluateModule', 'v8.compileModule']);

/** Milliseconds of script evaluation (compile + run) per script URL ending, summed. */
function evaluationMs(events: TraceEvent[], endings: string[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(endings.map((e) => [e, 0]));
  for (const event of events) {
    if (!EVAL_EVENTS.has(event.name) || event.ph !== 'X' || !event.dur) continue;
    const url = event.args?.data?.url ?? event.args?.fileName ?? event.args?.data?.fileName ?? '';
    const ending = endings.find((e) => url.endsWith(e));
    if (ending) out[ending] = (out[ending] ?? 0) + event.dur / 1000;
  }
  return out;
}

/** Failed attempts (retried on a fresh page) and loads given up after {@link ATTEMPTS} tries. */
interface Retries {
  failed: string[];
  givenUp: string[];
}

interface CostFigures {
  zhiyinContent: number[];
  zhiyinRules: number[];
  zhiyinOverlay: number[];
  driver: number[];
  shepherd: number[];
}

async function measureCost(session: Session, retries: Retries): Promise<CostFigures> {
  const out: CostFigures = {
    zhiyinContent: [],
    zhiyinRules: [],
    zhiyinOverlay: [],
    driver: [],
    shepherd: [],
  };
  for (let i = 0; i < COST_LOADS; i += 1) {
    await session.attempt(`cost load ${i + 1}`, retries, () => costLoad(session, i, out));
  }
  return out;
}

async function costLoad(session: Session, i: number, out: CostFigures): Promise<void> {
  const { page } = session;
  {
    // Zhiyin: a fresh load (content.js, rules.js at idle), then a start (overlay.js injected).
    const zhiyin = await trace(session.cdp, async () => {
      await page.goto(pageUrl('admin', 'zhiyin'), { waitUntil: 'load' });
      await page.waitForTimeout(SETTLE_MS);
      const tabId = await session.tabId();
      const profileFile = i === 0 ? option('profile') : undefined;
      if (profileFile) {
        await session.cdp.send('Profiler.enable');
        await session.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await session.cdp.send('Profiler.start');
      }
      const seen = page.evaluate(() => window.__bench.watch('zhiyin', 0));
      seen.catch(() => undefined);
      // Cold start: the overlay bundle is injected by the start itself.
      await session.startZhiyin(tabId);
      await seen;
      if (profileFile) {
        const { profile } = await session.cdp.send('Profiler.stop');
        writeFileSync(profileFile, JSON.stringify(profile));
      }
    });
    const traceFile = option('trace');
    if (traceFile && i === 0) writeFileSync(traceFile, JSON.stringify(zhiyin));
    const z = evaluationMs(zhiyin, ['/content-scripts/content.js', '/rules.js', '/overlay.js']);
    await page.evaluate(() => window.__bench.exit('zhiyin', 0));
    const others: Partial<Record<'driver' | 'shepherd', number>> = {};
    for (const lib of ['driver', 'shepherd'] as const) {
      const events = await trace(session.cdp, async () => {
        await page.goto(pageUrl('admin', lib), { waitUntil: 'load' });
        await page.waitForTimeout(300);
      });
      const ending = lib === 'driver' ? '/lib/driver.js' : '/lib/shepherd.mjs';
      others[lib] = evaluationMs(events, [ending])[ending] ?? 0;
    }
    // Only a load that went through counts (a retried one is measured again from the start).
    out.zhiyinContent.push(z['/content-scripts/content.js'] ?? 0);
    out.zhiyinRules.push(z['/rules.js'] ?? 0);
    out.zhiyinOverlay.push(z['/overlay.js'] ?? 0);
    out.driver.push(others.driver ?? 0);
    out.shepherd.push(others.shepherd ?? 0);
  }
}

// ---- statistics and output --------------------------------------------------------------------

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
function median(values: number[]): number {
  const s = sorted(values);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
function percentile(values: number[], p: number): number {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
/** A difference with its sign: +3, −17. */
const signed = (n: number) =>
  Number.isFinite(n) ? `${n < 0 ? '−' : '+'}${fmt(Math.abs(n))}` : '–';
function spread(values: number[], digits = 0): string {
  if (values.length === 0) return '–';
  const s = sorted(values);
  return `${fmt(median(s), digits)} (${fmt(s[0] ?? NaN, digits)}–${fmt(s[s.length - 1] ?? NaN, digits)})`;
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

function fileSize(path: string): { raw: number; gzip: number } {
  try {
    const data = readFileSync(path);
    return { raw: statSync(path).size, gzip: gzipSync(data).length };
  } catch {
    return { raw: NaN, gzip: NaN };
  }
}

function report(
  results: Map<string, LoadFigures[]>,
  cost: CostFigures | null,
  retries: Retries,
): string {
  const lines: string[] = [];
  const cpus = os.cpus();
  lines.push(
    `Tour benchmark — ${LOADS} fresh loads per page and library, viewport ${VIEWPORT.width}×${VIEWPORT.height}, headless Chromium`,
  );
  lines.push(
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ` +
      `${execFileSync(findChromium(), ['--version']).toString().trim()}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}, ${new Date().toISOString().slice(0, 16)}Z`,
  );
  lines.push(
    `Failed attempts retried on a fresh page: ${retries.failed.length}` +
      (retries.failed.length ? ` (${retries.failed.join('; ')})` : '') +
      `; loads given up after ${ATTEMPTS} attempts: ${retries.givenUp.length}` +
      (retries.givenUp.length ? ` (${retries.givenUp.join('; ')})` : ''),
  );
  lines.push('');
  lines.push('Median (min–max) in ms unless noted.');
  lines.push('');
  lines.push(
    '| page | library | first step | next → log panel | next → header | next → table row | long tasks in start (n, max ms) | main thread in start |',
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const kind of PAGES) {
    for (const lib of LIBS) {
      const runs = results.get(`${kind}:${lib}`) ?? [];
      const ok = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
      const tasks = runs.map((r) => r.first.longTasks);
      const maxTask = Math.max(0, ...tasks.flat());
      lines.push(
        `| ${kind} | ${LIB_NAMES[lib]} | ${spread(ok(runs.map((r) => r.first.ms)))} | ` +
          [0, 1, 2].map((i) => spread(ok(runs.map((r) => r.next[i]?.ms ?? null)))).join(' | ') +
          ` | ${fmt(median(tasks.map((t) => t.length)))}, ${fmt(maxTask)} | ${spread(runs.map((r) => r.startTaskMs))} |`,
      );
    }
  }
  lines.push('');
  lines.push(
    '| page | library | frame ms (median / p95) | main thread ms per frame | max drift during / after, page scroll (px scrolled) | max drift during / after, log panel scroll (px scrolled) | nodes left after exit (5 s later) | JS heap idle / shown / after exit (MB) |',
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const kind of PAGES) {
    for (const lib of LIBS) {
      const runs = results.get(`${kind}:${lib}`) ?? [];
      const frames = runs.flatMap((r) => r.window?.frames ?? []);
      const later = runs.map((r) => r.nodesLeftLater).filter((v): v is number => v !== null);
      const drift = (pick: (r: LoadFigures) => ScrollFigures | null) =>
        `${fmt(Math.max(0, ...runs.map((r) => pick(r)?.driftDuring ?? 0)))} / ${fmt(Math.max(0, ...runs.map((r) => pick(r)?.driftAfter ?? 0)))}` +
        ` (${fmt(median(runs.map((r) => pick(r)?.scrolled ?? NaN)))})`;
      lines.push(
        `| ${kind} | ${LIB_NAMES[lib]} | ${fmt(median(frames), 1)} / ${fmt(percentile(frames, 95), 1)} | ` +
          `${fmt(median(runs.map((r) => r.window?.taskMsPerFrame ?? NaN)), 1)} | ${drift((r) => r.window)} | ${drift((r) => r.container)} | ` +
          `${fmt(median(runs.map((r) => r.nodesLeft)))} (${later.length ? fmt(median(later)) : '–'}) | ` +
          `${mb(median(runs.map((r) => r.heapIdle)))} / ${mb(median(runs.map((r) => r.heapShown)))} / ${mb(median(runs.map((r) => r.heapAfter)))} |`,
      );
    }
  }
  lines.push('');
  const content = fileSize(join(EXTENSION_DIR, 'content-scripts/content.js'));
  const rules = fileSize(join(EXTENSION_DIR, 'rules.js'));
  const overlay = fileSize(join(EXTENSION_DIR, 'overlay.js'));
  const driverJs = fileSize(LIB_FILES.driverJs);
  const driverCss = fileSize(LIB_FILES.driverCss);
  const shepherdJs = fileSize(LIB_FILES.shepherdJs);
  const shepherdCss = fileSize(LIB_FILES.shepherdCss);
  lines.push('| what loads | when | size (gzip) | evaluation ms, median (min–max) |');
  lines.push('| --- | --- | ---: | ---: |');
  const c = cost;
  lines.push(
    `| Zhiyin content.js | every page | ${kb(content.raw)} (${kb(content.gzip)}) | ${c ? spread(c.zhiyinContent, 1) : '–'} |`,
  );
  lines.push(
    `| Zhiyin rules.js | every page, at idle (top frame) | ${kb(rules.raw)} (${kb(rules.gzip)}) | ${c ? spread(c.zhiyinRules, 1) : '–'} |`,
  );
  lines.push(
    `| Zhiyin overlay.js | first card on a page | ${kb(overlay.raw)} (${kb(overlay.gzip)}) | ${c ? spread(c.zhiyinOverlay, 1) : '–'} |`,
  );
  lines.push(
    `| driver.js ${DRIVER_VERSION} (IIFE + CSS; both driver.js rows) | every page that can show a tour | ${kb(driverJs.raw + driverCss.raw)} (${kb(driverJs.gzip + driverCss.gzip)}) | ${c ? spread(c.driver, 1) : '–'} |`,
  );
  lines.push(
    `| Shepherd ${SHEPHERD_VERSION} (ESM + CSS; both Shepherd rows) | every page that can show a tour | ${kb(shepherdJs.raw + shepherdCss.raw)} (${kb(shepherdJs.gzip + shepherdCss.gzip)}) | ${c ? spread(c.shepherd, 1) : '–'} |`,
  );
  lines.push('');
  lines.push(...goalCheck(results, cost));
  return lines.join('\n');
}

/** The performance goal for Zhiyin (issue 12), checked against this run's medians. */
const GOAL = {
  firstOverFloorMs: 17,
  nextOverFloorMs: 10,
  overlayEvalMs: 15,
  heapShownMb: 1.5,
};

function goalCheck(results: Map<string, LoadFigures[]>, cost: CostFigures | null): string[] {
  const zhiyinRows = LIBS.filter(isZhiyin);
  if (zhiyinRows.length === 0) return [];
  const lines = [
    `Goal check (issue 12), from this run's medians: first step ≤ floor + ${GOAL.firstOverFloorMs} ms, ` +
      `each next step ≤ floor + ${GOAL.nextOverFloorMs} ms, overlay.js evaluated ≤ ${GOAL.overlayEvalMs} ms, ` +
      `JS heap with a card shown ≤ ${GOAL.heapShownMb} MB, no long task in the start of any load, ` +
      '0 px drift (largest over loads, both scrolls), faster than every anchor row (first step and each next step).',
    '',
    '| page | Zhiyin row | goal | measured | met? |',
    '| --- | --- | --- | --- | --- |',
  ];
  const ok = (values: (number | null | undefined)[]) =>
    values.filter((v): v is number => typeof v === 'number');
  const firstOf = (runs: LoadFigures[]) => median(ok(runs.map((r) => r.first.ms)));
  const nextOf = (runs: LoadFigures[], i: number) =>
    median(ok(runs.map((r) => r.next[i]?.ms ?? null)));
  const verdict = (value: boolean | null) =>
    value === null ? 'not measured' : value ? 'met' : '**not met**';
  const overlay = cost ? median(cost.zhiyinOverlay) : NaN;
  for (const kind of PAGES) {
    const floor = results.get(`${kind}:floor`) ?? [];
    const anchors = ANCHORS.filter((lib) => LIBS.includes(lib)).map((lib) => ({
      lib,
      runs: results.get(`${kind}:${lib}`) ?? [],
    }));
    for (const lib of zhiyinRows) {
      const runs = results.get(`${kind}:${lib}`) ?? [];
      const row = (goal: string, measured: string, met: boolean | null) =>
        lines.push(`| ${kind} | ${LIB_NAMES[lib]} | ${goal} | ${measured} | ${verdict(met)} |`);
      if (runs.length === 0) {
        row('all', 'no load measured', null);
        continue;
      }
      const first = firstOf(runs);
      const floorFirst = floor.length ? firstOf(floor) : NaN;
      row(
        `first step ≤ floor + ${GOAL.firstOverFloorMs} ms`,
        `${fmt(first)} ms (floor ${fmt(floorFirst)}, ${signed(first - floorFirst)})`,
        Number.isFinite(floorFirst) ? first <= floorFirst + GOAL.firstOverFloorMs : null,
      );
      const nexts = [0, 1, 2].map((i) => nextOf(runs, i));
      const floorNexts = [0, 1, 2].map((i) => (floor.length ? nextOf(floor, i) : NaN));
      row(
        `next step ≤ floor + ${GOAL.nextOverFloorMs} ms (log panel / header / table row)`,
        `${nexts.map((n) => fmt(n)).join(' / ')} ms (floor ${floorNexts.map((n) => fmt(n)).join(' / ')}; ` +
          `${nexts.map((n, i) => signed(n - (floorNexts[i] ?? NaN))).join(' / ')})`,
        floorNexts.every(Number.isFinite)
          ? nexts.every((n, i) => n <= (floorNexts[i] ?? NaN) + GOAL.nextOverFloorMs)
          : null,
      );
      row(
        `overlay.js evaluated on the first card ≤ ${GOAL.overlayEvalMs} ms`,
        Number.isFinite(overlay) ? `${fmt(overlay, 1)} ms (admin page, cold start)` : '–',
        Number.isFinite(overlay) ? overlay <= GOAL.overlayEvalMs : null,
      );
      const heapShown = median(runs.map((r) => r.heapShown)) / 1024 / 1024;
      const heapIdle = median(runs.map((r) => r.heapIdle)) / 1024 / 1024;
      row(
        `JS heap with a card shown ≤ ${GOAL.heapShownMb} MB`,
        `${heapShown.toFixed(2)} MB (idle ${heapIdle.toFixed(2)})`,
        heapShown <= GOAL.heapShownMb,
      );
      const withTasks = runs.filter((r) => r.first.longTasks.length > 0).length;
      row(
        '0 long tasks in the start',
        `${withTasks} of ${runs.length} loads had one (longest ${fmt(Math.max(0, ...runs.flatMap((r) => r.first.longTasks)))} ms)`,
        withTasks === 0,
      );
      const drift = Math.max(
        0,
        ...runs.flatMap((r) =>
          [r.window, r.container].flatMap((f) => (f ? [f.driftDuring, f.driftAfter] : [])),
        ),
      );
      row('0 px drift', `${fmt(drift)} px`, drift === 0);
      if (anchors.length === 0) {
        row('faster than every anchor row', 'no anchor row in this run', null);
      } else {
        const slower: string[] = [];
        for (const anchor of anchors) {
          if (anchor.runs.length === 0) continue;
          if (!(first < firstOf(anchor.runs))) slower.push(`${anchor.lib} first step`);
          nexts.forEach((n, i) => {
            if (!(n < nextOf(anchor.runs, i))) slower.push(`${anchor.lib} next ${i + 1}`);
          });
        }
        const best = Math.min(...anchors.map((a) => firstOf(a.runs)).filter(Number.isFinite));
        row(
          'faster than every anchor row',
          slower.length
            ? `not faster than: ${slower.join(', ')}`
            : `first step ${fmt(first)} ms vs fastest anchor ${fmt(best)} ms; every next step faster too`,
          slower.length === 0,
        );
      }
    }
  }
  return lines;
}

// ---- main -----------------------------------------------------------------------------------

async function main() {
  if (!flag('no-build')) build();
  else if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No bench build in ${EXTENSION_DIR}: run without --no-build first.`);
  }
  const server = await serve();
  const profile = mkdtempSync(join(os.tmpdir(), 'zhiyin-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: VIEWPORT,
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
    // A learner who chose a role: no first-run welcome card on the bench pages.
    await control.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      };
      await chrome.runtime.sendMessage({
        id: Date.now(),
        type: 'page:setRole',
        data: { role: '业务操作人员' },
        timestamp: Date.now(),
      });
    });
    const session = await Session.open(context, control);
    const retries: Retries = { failed: [], givenUp: [] };

    // Warm-up (not counted): one load of each library, so disk caches and the extension's
    // service worker are in the same state for every measured load.
    for (const lib of LIBS) {
      await session.attempt(`warm-up ${lib}`, retries, () => session.measure('small', lib, false));
    }

    const results = new Map<string, LoadFigures[]>();
    for (let load = 0; load < LOADS; load += 1) {
      for (const kind of PAGES) {
        // Rotate the library order so no library always follows the same one.
        const order = LIBS.map((_, i) => LIBS[(i + load) % LIBS.length] as Lib);
        for (const lib of order) {
          const figures = await session.attempt(
            `load ${load + 1} ${kind} ${lib}`,
            retries,
            async () => {
              if (crashLoad === String(load + 1)) {
                crashLoad = undefined;
                await session.page.goto('chrome://crash').catch(() => undefined);
              }
              return session.measure(kind, lib, load === 0);
            },
          );
          if (!figures) continue;
          const key = `${kind}:${lib}`;
          results.set(key, [...(results.get(key) ?? []), figures]);
        }
      }
      console.error(`load ${load + 1}/${LOADS} done`);
    }
    const cost = COST_LOADS > 0 && LIBS.some(isZhiyin) ? await measureCost(session, retries) : null;
    const json = option('json');
    if (json) {
      writeFileSync(
        json,
        JSON.stringify({ results: Object.fromEntries(results), cost, retries }, null, 1),
      );
    }
    console.log(report(results, cost, retries));
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
