/**
 * The pack schedule (features/packs/background/sync.ts) with a fake server, store and clock:
 * ETag and 304, backoff after failures, rollback refusal, the last good content kept.
 */
import { describe, expect, it } from 'vitest';
import {
  PackSync,
  retryDelay,
  type FetchedResponse,
} from '../../../features/packs/background/sync';
import type { PackPolicy } from '../../../features/packs/policy';
import type { PackSourceRecord } from '../../../features/packs/records';
import { signPack } from '../../../features/packs/sign';
import { TEST_PUBLIC_SPKI, packTour, payload, testKeys } from './fixtures';

const URL_A = 'https://xxzx.example.gov.cn/zhiyin/pack.json';
const MINUTE = 60_000;

interface Served {
  status?: number;
  body?: string;
  etag?: string;
  hang?: boolean;
  error?: string;
}

function harness() {
  let clock = 1_000_000;
  const records = new Map<string, PackSourceRecord>();
  const requests: { url: string; headers: Record<string, string> }[] = [];
  let served: Served = { status: 404 };
  let appliedCount = 0;
  const policy: PackPolicy = { urls: [URL_A], publicKeys: [TEST_PUBLIC_SPKI], refreshMinutes: 60 };
  const sync = new PackSync({
    fetch: async (url, init) => {
      requests.push({ url, headers: init.headers });
      if (served.error) throw new TypeError(served.error);
      if (served.hang) return new Promise<FetchedResponse>(() => undefined);
      const { status = 200, body = '', etag } = served;
      // A real server answers 304 when the ETag matches.
      if (etag && init.headers['if-none-match'] === etag) {
        return {
          status: 304,
          ok: false,
          headers: { get: () => null },
          arrayBuffer: async () => new ArrayBuffer(0),
        };
      }
      const bytes = new TextEncoder().encode(body);
      return {
        status,
        ok: status >= 200 && status < 300,
        headers: {
          get: (name: string) =>
            name === 'etag'
              ? (etag ?? null)
              : name === 'content-length'
                ? String(bytes.length)
                : null,
        },
        arrayBuffer: async () => bytes.buffer,
      };
    },
    store: {
      get: async (source) => records.get(source),
      put: async (record) => void records.set(record.source, structuredClone(record)),
      all: async () => [...records.values()],
    },
    now: () => clock,
    // The policy as it is when a run reads it.
    policy: async () => ({ value: { ...policy, urls: [...policy.urls] }, problem: null }),
    bundledTours: [],
    validatorIds: [],
    applied: () => void appliedCount++,
    timeoutMs: 50,
  });
  return {
    sync,
    policy,
    records,
    requests,
    serve: (next: Served) => (served = next),
    advance: (ms: number) => (clock += ms),
    applied: () => appliedCount,
  };
}

async function signed(version: number, tours?: unknown[]) {
  const { privateKey, publicKey } = await testKeys();
  return JSON.stringify(await signPack(payload(version, tours), privateKey, publicKey));
}

describe('pack schedule', () => {
  it('a pack URL set while a check runs is fetched right after it, not at the next alarm', async () => {
    const h = harness();
    h.serve({ body: await signed(1), etag: '"v1"' });
    const urls = h.policy.urls as string[];
    urls.length = 0;
    const first = h.sync.syncAll(); // reads the policy: no URL yet
    urls.push(URL_A); // the administrator saves the pack URL meanwhile
    const second = h.sync.syncAll(true);
    const third = h.sync.syncAll(true); // shares the queued run
    await Promise.all([first, second, third]);
    expect(h.requests.map((request) => request.url)).toEqual([URL_A]);
    expect(h.records.get(URL_A)).toMatchObject({ lastResult: 'applied', version: 1 });
  });

  it('applies a pack, then asks with If-None-Match and keeps it on 304', async () => {
    const h = harness();
    h.serve({ body: await signed(1), etag: '"v1"' });
    await h.sync.syncAll();
    const record = h.records.get(URL_A);
    expect(record).toMatchObject({ lastResult: 'applied', version: 1, etag: '"v1"', failures: 0 });
    expect(record?.content?.tours.map((tour) => tour.id)).toEqual(['pack-demo']);
    expect(h.applied()).toBe(1);
    expect(h.requests[0]?.headers['if-none-match']).toBeUndefined();

    // Not due yet: no request.
    h.advance(30 * MINUTE);
    await h.sync.syncAll();
    expect(h.requests).toHaveLength(1);

    h.advance(31 * MINUTE);
    await h.sync.syncAll();
    expect(h.requests).toHaveLength(2);
    expect(h.requests[1]?.headers['if-none-match']).toBe('"v1"');
    expect(h.records.get(URL_A)).toMatchObject({ lastResult: 'unchanged', version: 1 });
    expect(h.applied()).toBe(1);
  });

  it('backs off after failures (1, 2, 4 … minutes, at most the interval) and recovers', async () => {
    const h = harness();
    h.serve({ status: 503 });
    await h.sync.syncAll();
    expect(h.records.get(URL_A)).toMatchObject({ lastResult: 'failed', failures: 1 });
    expect(h.records.get(URL_A)?.lastProblem?.message).toMatch(/HTTP 503/);
    expect(h.records.get(URL_A)?.nextAttemptAt).toBe(1_000_000 + MINUTE);
    h.advance(MINUTE);
    h.serve({ error: 'Failed to fetch' });
    await h.sync.syncAll();
    expect(h.records.get(URL_A)).toMatchObject({ failures: 2 });
    expect(h.records.get(URL_A)?.lastProblem?.message).toMatch(/无法连接.*Failed to fetch/);
    // Within the backoff nothing is asked.
    h.advance(MINUTE);
    await h.sync.syncAll();
    expect(h.requests).toHaveLength(2);
    h.advance(MINUTE);
    h.serve({ hang: true });
    await h.sync.syncAll();
    expect(h.records.get(URL_A)).toMatchObject({ failures: 3 });
    expect(h.records.get(URL_A)?.lastProblem?.message).toMatch(/没有响应/);
    expect(retryDelay(3, 60 * MINUTE)).toBe(4 * MINUTE);
    expect(retryDelay(12, 60 * MINUTE)).toBe(60 * MINUTE);

    h.advance(4 * MINUTE);
    h.serve({ body: await signed(1) });
    await h.sync.syncAll();
    expect(h.records.get(URL_A)).toMatchObject({ lastResult: 'applied', failures: 0 });
  });

  it('refuses an older version and a tampered pack, keeping the last good content', async () => {
    const h = harness();
    h.serve({ body: await signed(2, [packTour('pack-demo', '第二版')]) });
    await h.sync.syncAll();
    expect(h.records.get(URL_A)?.version).toBe(2);

    h.serve({ body: await signed(1) });
    await h.sync.syncAll(true);
    let record = h.records.get(URL_A);
    expect(record).toMatchObject({ lastResult: 'refused', version: 2, failures: 1 });
    expect(record?.lastProblem).toMatchObject({ kind: 'rollback', version: 1 });
    expect(record?.content?.tours[0]?.title).toBe('第二版');

    const tampered = (await signed(3, [packTour('pack-demo', '第三版')])).replace(
      '第三版',
      '篡改版',
    );
    h.serve({ body: tampered });
    await h.sync.syncAll(true);
    record = h.records.get(URL_A);
    expect(record?.lastProblem?.kind).toBe('signature');
    expect(record?.content?.tours[0]?.title).toBe('第二版');
    expect(h.applied()).toBe(1);
  });

  it('refuses a hand-imported older version of a pack received by URL', async () => {
    const h = harness();
    h.serve({ body: await signed(5) });
    await h.sync.syncAll();
    const older = await h.sync.importText(await signed(4));
    expect(older).toMatchObject({ result: 'refused', refusal: { kind: 'rollback' } });
    const newer = await h.sync.importText(await signed(6));
    expect(newer.result).toBe('applied');
    expect(h.records.get('import:test-pack')?.version).toBe(6);
    // The URL still serving version 5 is now a rollback.
    await h.sync.syncAll(true);
    expect(h.records.get(URL_A)?.lastProblem?.kind).toBe('rollback');
  });

  it('refuses a pack larger than the limit by its declared length', async () => {
    const h = harness();
    h.serve({ body: 'x'.repeat(5_000_001) });
    await h.sync.syncAll();
    expect(h.records.get(URL_A)?.lastProblem?.kind).toBe('size');
  });
});
