/**
 * The background's content packs: the content in force (bundled + applied packs: tours, help
 * articles, compliance rules, quizzes, checklists) as live lists the services read, the schedule
 * (on start, on `chrome.alarms`, when the policy changes), and the store (Dexie `packSources`). A
 * new pack's content is served from the next message on: no reload, no extension update. Renames
 * move the learner's progress to the new ids (../migrate.ts) before the new lists are in force;
 * a refused pack is reported to the administrator through the report outbox, once per refusal.
 */
import { browser } from 'wxt/browser';
import type { BackgroundPlatform } from '../../../app/background/platform';
import { readPolicy, watchPolicy } from '../../../app/policy/store';
import { DEADLINES, withDeadline } from '../../../lib/platform/deadline';
import { VALIDATOR_IDS } from '../../../lib/validators';
import { withCompiledMarkdown } from '../../tour/compiled';
import type { Tour } from '../../tour/schema';
import {
  copyContent,
  mergeContent,
  newestPacks,
  packRenames,
  replaceContentInPlace,
  type ContentSet,
} from '../catalog';
import { migrateRenamedProgress } from '../migrate';
import type { PackRefusal } from '../open';
import type { PackContent } from '../validate';
import { parsePackPolicy } from '../policy';
import type { PacksStatus, PackSourceView } from '../protocol';
import type { PackSourceRecord } from '../records';
import { PackSync, type PackStore } from './sync';

export const PACKS_ALARM = 'zhiyin-packs';
/** How often, and how many times, the managed policy is asked again while it has not answered. */
const MANAGED_RETRY_MS = 2_000;
const MANAGED_RETRIES = 30;

export interface SetupPacksOptions {
  /** What the build bundles (virtual:zhiyin-tours, -help, -rules, -quizzes, -checklists). */
  bundled: Readonly<ContentSet>;
}

export function setupPacks(platform: BackgroundPlatform, options: SetupPacksOptions) {
  const { db } = platform;
  /**
   * The content in force. The same arrays and objects are kept and updated in place
   * (../catalog.ts replaceContentInPlace): everyone holding them sees a new pack.
   */
  const content: ContentSet = copyContent(options.bundled);
  const tours: Tour[] = content.tours;
  /** The newest applied pack of each id, for extension pages (`page:packContents`). */
  let applied: PackContent[] = [];
  /** Where refusals are reported (the report outbox, wired by app/background/services.ts). */
  let reportRefusal: ((source: string, refusal: PackRefusal) => Promise<void>) | null = null;
  /** What else follows renamed tours, besides the records moved here (wired by the app). */
  const renameListeners: ((renames: Readonly<Record<string, string>>) => Promise<void>)[] = [];
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
  /** Told after each rebuild of the content in force (the rules watcher's pages follow it). */
  const changeListeners: ((cause: 'restored' | 'applied') => void)[] = [];
  const rebuild = async (cause: 'restored' | 'applied' = 'applied') => {
    const records = await store.all();
    const contents = newestPacks(
      records.flatMap((record) => (record.content ? [record.content] : [])),
    );
    // Progress first: a tour listed under its new id must already show the learner's progress.
    const renames = packRenames(contents);
    if (Object.keys(renames).length > 0) {
      await withDeadline(
        migrateRenamedProgress(db, renames),
        DEADLINES.write,
        'moving renamed tours’ progress',
      ).catch((error: unknown) =>
        // The next rebuild tries again (the migration is idempotent); the content still applies.
        console.warn('[zhiyin] moving progress of renamed tours failed', error),
      );
      for (const listener of renameListeners) {
        await withDeadline(listener(renames), DEADLINES.write, 'following renamed tours').catch(
          (error: unknown) => console.warn('[zhiyin] following renamed tours failed', error),
        );
      }
    }
    replaceContentInPlace(content, mergeContent(options.bundled, contents, withCompiledMarkdown));
    applied = contents;
    for (const listener of changeListeners) {
      try {
        listener(cause);
      } catch (error) {
        console.warn('[zhiyin] a content-pack listener failed', error);
      }
    }
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
    bundledTours: options.bundled.tours,
    validatorIds: VALIDATOR_IDS,
    rulesInForce: () => content.rules,
    applied: () => rebuild('applied'),
    refused: async (source, refusal) => {
      if (!reportRefusal) throw new Error('no report outbox wired');
      await reportRefusal(source, refusal);
    },
  });

  // The last good packs first (a worker restart: messages wait for this, ./gate.ts), then
  // whatever is due.
  const restored = withDeadline(rebuild('restored'), DEADLINES.write, 'restoring packs').catch(
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
    /** Every kind in force, live (tours is `content.tours`). */
    content,
    /** The newest applied packs (extension pages merge them with their bundled copies). */
    packContents: () => applied,
    /**
     * `listener` hears every rebuild of the content in force: `restored` (stored packs read back
     * at the worker's start), `applied` (a pack applied since). The lists are already updated.
     */
    onContentChanged: (listener: (cause: 'restored' | 'applied') => void) => {
      changeListeners.push(listener);
    },
    /**
     * `listener` is given every pack's renames (old id → new id) on each rebuild that has any,
     * after the learner's records were moved; it must be idempotent (the rebuild repeats them).
     */
    onRenames: (listener: (renames: Readonly<Record<string, string>>) => Promise<void>) => {
      renameListeners.push(listener);
    },
    /** Refused packs are reported with this (the report outbox). */
    reportRefusalsWith(report: (source: string, refusal: PackRefusal) => Promise<void>) {
      reportRefusal = report;
    },
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
    counts: record.content
      ? {
          help: record.content.help.length,
          tips: record.content.rules.reduce((sum, file) => sum + (file.tips?.length ?? 0), 0),
          quizzes: record.content.quizzes.length,
          checklists: record.content.checklists !== null,
        }
      : null,
    lastCheckedAt: record.lastCheckedAt ?? null,
    lastResult: record.lastResult ?? null,
    lastProblem: record.lastProblem ?? null,
    reportedAt:
      record.lastResult === 'refused' && record.reportedRefusal
        ? (record.reportedAt ?? null)
        : null,
    nextAttemptAt: record.nextAttemptAt ?? null,
  };
}
