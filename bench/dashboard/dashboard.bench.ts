/**
 * Dashboard benchmark (issue 6, Speed): record 10,000 step events into a fresh Chromium profile
 * with the built extension, then open the dashboard (学习档案) over them and measure the time to
 * interactive (navigation start → figures rendered and charts drawn, the page's
 * `zhiyin:dashboard-ready` mark) and the page's JS heap. The same is measured on the empty profile
 * first, as the floor. Goal: interactive < 300 ms with 10,000 events.
 *
 * Run: `npm run build:test` (or set ZHIYIN_OUT_DIR to a folder holding chrome-mv3-test), then
 * `npm run bench:dashboard`. Options: `--events N` (default 10000), `--loads N` dashboard opens per
 * data set (default 9).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CLOSED_NETWORK_FLAGS, findChromium } from '../../scripts/lib/find-chromium';
import { loadTours } from '../../features/tour/load';

const ROOT = resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
};
const EVENTS = Number(option('events') ?? 10_000);
const LOADS = Number(option('loads') ?? 9);
const EXTENSION_DIR = resolve(ROOT, process.env.ZHIYIN_OUT_DIR ?? '.output', 'chrome-mv3-test');
const GOAL_MS = 300;

interface Measure {
  interactiveMs: number;
  /** Records read from IndexedDB (before rendering). */
  dataMs: number;
  /** All charts drawn. */
  chartsMs: number;
  domContentLoadedMs: number;
  heapMb: number;
}

async function openDashboard(context: BrowserContext, url: string): Promise<Measure> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.zy-chart svg').length ===
      document.querySelectorAll('.zy-chart').length,
  );
  const timing = await page.evaluate(() => {
    const charts = performance.getEntriesByName('zhiyin:chart-drawn');
    const mark = performance.getEntriesByName('zhiyin:dashboard-ready')[0];
    const dataMark = performance.getEntriesByName('zhiyin:dashboard-data')[0];
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      ready: mark?.startTime ?? NaN,
      data: dataMark?.startTime ?? NaN,
      charts: Math.max(mark?.startTime ?? NaN, ...charts.map((entry) => entry.startTime)),
      dcl: nav.domContentLoadedEventEnd,
    };
  });
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN;
  await page.close();
  return {
    interactiveMs: timing.ready,
    dataMs: timing.data,
    chartsMs: timing.charts,
    domContentLoadedMs: timing.dcl,
    heapMb: heap / 2 ** 20,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const fmt = (value: number, digits = 0) => value.toFixed(digits);

async function measure(context: BrowserContext, url: string): Promise<Measure[]> {
  await openDashboard(context, url); // warm-up: first open of the page in this profile
  const runs: Measure[] = [];
  for (let i = 0; i < LOADS; i += 1) runs.push(await openDashboard(context, url));
  return runs;
}

/** Writes the learner's records straight into the extension's IndexedDB (Dexie schema v2). */
async function record(page: Page, tours: { id: string; steps: string[] }[], events: number) {
  // tsx (esbuild keepNames) wraps named functions in __name(), which the page does not have.
  await page.evaluate('globalThis.__name = (fn) => fn');
  return page.evaluate(
    async ({ tours, events }) => {
      const started = performance.now();
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('zhiyin');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      const stores = ['tourEvents', 'tourProgress', 'assessments', 'surveyAnswers', 'activity'];
      const tx = db.transaction(stores, 'readwrite');
      const put = (store: string, value: unknown) => tx.objectStore(store).put(value);
      const day = 86_400_000;
      let at = Date.now() - 60 * day;
      let written = 0;
      let run = 0;
      const progress = new Map<string, { attempts: number; completions: number; last: number }>();
      while (written < events) {
        const tour = tours[run % tours.length]!;
        run += 1;
        const finish = run % 5 !== 0;
        put('tourEvents', {
          tourId: tour.id,
          kind: 'started',
          at,
          tabId: 1,
          stepId: null,
          stepIndex: null,
          ms: null,
          reason: null,
        });
        written += 1;
        let total = 0;
        const steps = finish ? tour.steps : tour.steps.slice(0, Math.ceil(tour.steps.length / 2));
        for (const [index, stepId] of steps.entries()) {
          if (written >= events) break;
          const ms = 2000 + ((run * 7919 + index * 104729) % 18000);
          put('tourEvents', {
            tourId: tour.id,
            kind: 'step-shown',
            at: at + total,
            tabId: 1,
            stepId,
            stepIndex: index,
            ms: null,
            reason: null,
          });
          total += ms;
          put('tourEvents', {
            tourId: tour.id,
            kind: 'step-completed',
            at: at + total,
            tabId: 1,
            stepId,
            stepIndex: index,
            ms,
            reason: null,
          });
          written += 2;
        }
        put('tourEvents', {
          tourId: tour.id,
          kind: finish ? 'finished' : 'abandoned',
          at: at + total,
          tabId: 1,
          stepId: null,
          stepIndex: finish ? null : steps.length - 1,
          ms: total,
          reason: null,
        });
        written += 1;
        const row = progress.get(tour.id) ?? { attempts: 0, completions: 0, last: at };
        row.attempts += 1;
        if (finish) row.completions += 1;
        row.last = at + total;
        progress.set(tour.id, row);
        at += Math.floor((60 * day) / (events / 20));
      }
      for (const [tourId, row] of progress) {
        const tour = tours.find((candidate) => candidate.id === tourId)!;
        put('tourProgress', {
          tourId,
          status: row.completions > 0 ? 'completed' : 'abandoned',
          stepCount: tour.steps.length,
          lastStepIndex: tour.steps.length - 1,
          attempts: row.attempts,
          completions: row.completions,
          firstStartedAt: Date.now() - 60 * day,
          updatedAt: row.last,
          completedAt: row.completions > 0 ? row.last : null,
          snapshot: null,
        });
      }
      for (let i = 0; i < 40; i += 1) {
        const total = 50 + ((i * 37) % 51);
        put('assessments', {
          tourId: tours[i % tours.length]!.id,
          attemptId: `bench-${i}`,
          startedAt: Date.now() - (40 - i) * day,
          endedAt: Date.now() - (40 - i) * day + 180_000,
          status: total >= 80 ? 'passed' : 'failed',
          score: {
            stepScore: 40,
            timeScore: total >= 80 ? 30 : 20,
            accuracyScore: total - 70 > 0 ? total - 70 : 0,
            total,
            passed: total >= 80,
            finished: true,
            timedOut: false,
            accuracyApplicable: true,
            elapsedMs: 180_000,
            perStep: [],
            remedialStepIds: total >= 80 ? [] : ['x'],
          },
          remedialStepIds: total >= 80 ? [] : ['x'],
          remedialCompletedAt: null,
        });
      }
      const levels = ['非常满意', '满意', '满意', '一般', '不满意'];
      for (let i = 0; i < 60; i += 1)
        put('surveyAnswers', {
          at: Date.now() - i * day,
          subjectKind: 'tour',
          subjectId: tours[i % tours.length]!.id,
          rating: levels[i % levels.length],
          comment: '',
        });
      for (let i = 0; i < 1000; i += 1)
        put('activity', {
          type: 'page-visited',
          at: Date.now() - i * 60_000,
          tabId: 1,
          url: `http://127.0.0.1/service.html#/p${i % 25}`,
          title: `页面 ${i % 25}`,
          detail: {},
        });
      await new Promise<void>((done, fail) => {
        tx.oncomplete = () => done();
        tx.onerror = () => fail(tx.error);
      });
      const count = await new Promise<number>((done) => {
        const request = db.transaction('tourEvents').objectStore('tourEvents').count();
        request.onsuccess = () => done(request.result);
      });
      db.close();
      return { ms: performance.now() - started, count };
    },
    { tours, events },
  );
}

async function main() {
  const { tours } = loadTours([join(ROOT, 'tours')], { cwd: ROOT });
  const tourSteps = tours.map((tour) => ({
    id: tour.id,
    steps: tour.steps.map((step) => step.id),
  }));
  const profile = mkdtempSync(join(os.tmpdir(), 'zhiyin-bench-dashboard-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    args: [
      ...CLOSED_NETWORK_FLAGS,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const url = `chrome-extension://${new URL(worker.url()).host}/dashboard.html`;

    const empty = await measure(context, url);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    const written = await record(page, tourSteps, EVENTS);
    await page.close();
    const full = await measure(context, url);

    const [load1, load5, load15] = os.loadavg();
    console.log(
      `Dashboard benchmark — ${written.count} step events recorded (${tours.length} tours, 40 assessments, 60 survey answers, 1000 page visits), ${LOADS} opens per data set after one warm-up`,
    );
    console.log(
      `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, load average ${fmt(load1!, 1)} / ${fmt(load5!, 1)} / ${fmt(load15!, 1)}`,
    );
    console.log(
      `Recording: ${written.count} events in one IndexedDB transaction, ${fmt(written.ms)} ms\n`,
    );
    console.log(
      '| profile | records read median ms | interactive median ms | interactive max ms | charts drawn median ms | DOMContentLoaded median ms | JS heap median MB |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, runs] of [
      ['empty', empty],
      [`${written.count} step events`, full],
    ] as const) {
      console.log(
        `| ${name} | ${fmt(median(runs.map((r) => r.dataMs)))} | ${fmt(median(runs.map((r) => r.interactiveMs)))} | ${fmt(Math.max(...runs.map((r) => r.interactiveMs)))} | ${fmt(median(runs.map((r) => r.chartsMs)))} | ${fmt(median(runs.map((r) => r.domContentLoadedMs)))} | ${fmt(median(runs.map((r) => r.heapMb)), 1)} |`,
      );
    }
    const verdict = median(full.map((r) => r.interactiveMs)) < GOAL_MS ? 'met' : 'NOT met';
    console.log(`\nGoal: interactive < ${GOAL_MS} ms with ${EVENTS} events — ${verdict} (median).`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
