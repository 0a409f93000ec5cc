/**
 * The background's content packs: the tours in force (bundled + applied packs) as one live array
 * the tour services read, the schedule (on start, on `chrome.alarms`, when the policy changes),
 * and the store (Dexie `packSources`). A new pack's tours are served from the next message on:
 * no reload, no extension update.
 */
import { browser } from 'wxt/browser';
import type { BackgroundPlatform } from '../../../app/background/platform';
import { readPolicy, watchPolicy } from '../../../app/policy/store';
import { DEADLINES, withDeadline } from '../../../lib/platform/deadline';
import { VALIDATOR_IDS } from '../../../lib/validators';
import { withCompiledMarkdown } from '../../tour/compiled';
import type { Tour } from '../../tour/schema';
import { mergeTours } from '../catalog';
import { parsePackPolicy } from '../policy';
import type { PacksStatus, PackSourceView } from '../protocol';
import type { PackSourceRecord } from '../records';
import { PackSync, type PackStore } from './sync';

export const PACKS_ALARM = 'zhiyin-packs';
/** How often, and how many times, the managed policy is asked again while it has not answered. */
const MANAGED_RETRY_MS = 2_000;
const MANAGED_RETRIES = 30;

export function setupPacks(platform: BackgroundPlatform, options: { bundled: readonly Tour[] }) {
  const { db } = platform;
  /** The tours in force. The same array is kept and updated in place: everyone holding it sees a new pack. */
  const tours: Tour[] = [...options.bundled];
  const store: PackStore = {
    get: (source) => withDeadline(db.packSources.get(source), DEADLINES.write, 'packSources.get'),
    put: async (record) =>
      void (await withDeadline(db.packSources.put(record), DEADLINES.write, 'packSources.put')),
    all: () => withDeadline(db.packSources.toArray(), DEADLINES.write, 'packSources.toArray'),
  };
  /**
   * While the browser has not answered for the managed policy (a fresh profile: seconds), the
   * pack URLs it may name are unknown: ask again every few seconds and sync once it answers.
   * watchPolicy alone missed it: it fires for an answer slower than a reader's wait, and the call
   * that finally answers is often a re-asked one that answered at once (seen: a fresh managed
   * profile fetched nothing until the next alarm, a minute later).
   */
  let awaitingManaged = false;
  const syncOnceManagedKnown = async () => {
    if (awaitingManaged) return;
    awaitingManaged = true;
    try {
      for (let attempt = 0; attempt < MANAGED_RETRIES; attempt++) {
        await new Promise((done) => setTimeout(done, MANAGED_RETRY_MS));
        if (!(await readPolicy()).managedPending) {
          await sync.syncAll(true);
          return;
        }
      }
    } finally {
      awaitingManaged = false;
    }
  };
  const policy = async () => {
    const view = await readPolicy();
    if (view.managedPending) void syncOnceManagedKnown();
    const parsed = parsePackPolicy(view.policy.packs ?? null);
    // resolvePolicy already reported the problem; keep the words for the options page.
    return { value: parsed.value, problem: parsed.problem ?? null };
  };
  const rebuild = async () => {
    const records = await store.all();
    const contents = records.flatMap((record) => (record.content ? [record.content] : []));
    const merged = mergeTours(options.bundled, contents, withCompiledMarkdown);
    tours.splice(0, tours.length, ...merged);
  };
  const sync = new PackSync({
    fetch: (url, init) =>
      fetch(url, {
        ...init,
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
      }),
    store,
    now: Date.now,
    policy,
    bundledTours: options.bundled,
    validatorIds: VALIDATOR_IDS,
    applied: rebuild,
  });

  // The last good packs first (a worker restart: messages wait for this, ./gate.ts), then
  // whatever is due.
  const restored = withDeadline(rebuild(), DEADLINES.write, 'restoring packs').catch(
    (error: unknown) => console.warn('[zhiyin] reading stored packs failed', error),
  );
  const ready = restored.then(() => sync.syncAll());
  void ready;
  // Every minute the due sources are checked (each has its own next time). Created only when
  // missing: re-creating it at every worker start would push it back each time.
  void browser.alarms
    ?.get(PACKS_ALARM)
    .then((existing) =>
      existing ? undefined : browser.alarms.create(PACKS_ALARM, { periodInMinutes: 1 }),
    )
    .catch(() => undefined);
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === PACKS_ALARM) void sync.syncAll();
  });
  browser.runtime.onStartup?.addListener(() => void sync.syncAll(true));
  watchPolicy(() => void sync.syncAll(true));

  const status = async (): Promise<PacksStatus> => {
    const { value, problem } = await policy();
    const records = await store.all();
    const urls = value?.urls ?? [];
    const views: PackSourceView[] = [];
    for (const url of urls) {
      const record = records.find((r) => r.source === url);
      views.push(viewOf(record ?? { source: url, kind: 'url', failures: 0 }));
    }
    for (const record of records) {
      // Stored packs of URLs no longer configured keep running only if imported by hand.
      if (record.kind === 'import') views.push(viewOf(record));
    }
    return { policyProblem: problem, configured: value !== null, sources: views };
  };

  return {
    tours,
    sync,
    /** Settles once the stored packs are in `tours` (or reading them failed or timed out). */
    restored,
    ready,
    status,
    /** Checks every URL now. */
    async refresh() {
      await sync.syncAll(true);
      return status();
    },
    async importText(text: string) {
      const outcome = await sync.importText(text);
      return { ...outcome, status: await status() };
    },
  };
}

export type PacksService = ReturnType<typeof setupPacks>;

function viewOf(record: PackSourceRecord): PackSourceView {
  return {
    source: record.source,
    kind: record.kind,
    packId: record.packId ?? null,
    version: record.version ?? null,
    appliedAt: record.appliedAt ?? null,
    tours: record.content?.tours.map((tour) => tour.id) ?? [],
    lastCheckedAt: record.lastCheckedAt ?? null,
    lastResult: record.lastResult ?? null,
    lastProblem: record.lastProblem ?? null,
    nextAttemptAt: record.nextAttemptAt ?? null,
  };
}
