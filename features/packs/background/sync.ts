/**
 * Fetching packs from the policy's URLs, on a schedule, and applying what passes (../open.ts).
 * Framework-free: the network, the store, the clock and the policy are given (tests use fakes;
 * ./setup.ts gives the browser's).
 *
 * Schedule, per URL: after a good answer (a new pack applied, or 304 / the same pack again) the
 * next request is `refreshMinutes` later; after a failure (network, deadline, HTTP error, a
 * refused pack) it is sooner and backs off: 1, 2, 4 … minutes, never later than the normal
 * interval. Requests carry `If-None-Match` with the ETag of the last good answer, have a deadline
 * (headers and body each), omit credentials and refuse redirects to other schemes by checking
 * the final URL. A refused or failed pack never replaces the last good content.
 */
import { DeadlineExceeded, withDeadline } from '../../../lib/platform/deadline';
import { isSecureTransport } from '../../../lib/url/transport';
import type { Tour } from '../../tour/schema';
import { importPublicKey, type PublicPackKey } from '../crypto';
import { PACK_LIMITS } from '../format';
import { openPack, packText, type OpenResult, type PackRefusal } from '../open';
import { refusalKey } from '../refusal-report';
import type { PackPolicy } from '../policy';
import type { PackSourceRecord } from '../records';
import type { ValidateOptions } from '../validate';

/** What the sync needs of a fetch response. */
export interface FetchedResponse {
  status: number;
  ok: boolean;
  url?: string;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface PackStore {
  get(source: string): Promise<PackSourceRecord | undefined>;
  put(record: PackSourceRecord): Promise<void>;
  all(): Promise<PackSourceRecord[]>;
}

export interface PackSyncDeps {
  fetch(
    url: string,
    init: { headers: Record<string, string>; signal: AbortSignal },
  ): Promise<FetchedResponse>;
  store: PackStore;
  now(): number;
  policy(): Promise<{ value: PackPolicy | null; problem: string | null }>;
  bundledTours: readonly Tour[];
  validatorIds: readonly string[];
  /**
   * The markers and field guards in force (bundled and other packs': the editor offers those)
   * that a pack's tips and steps may name; read when a pack is opened.
   */
  rulesInForce?: () => ValidateOptions['rulesInForce'];
  /** Called after a new pack was applied: rebuild the tours in force. */
  applied(): Promise<void> | void;
  /**
   * A policy URL's pack was refused, and not the same refusal as the last one reported for it
   * (../refusal-report.ts): report it to the administrator. A throw leaves it unreported, so the
   * next refusal tries again.
   */
  refused?(source: string, refusal: PackRefusal): Promise<void>;
  /** Deadline of each request's headers, and of its body (ms). Default 30 s. */
  timeoutMs?: number;
}

export const FIRST_RETRY_MS = 60_000;

/** When a source that failed `failures` times in a row is asked again. */
export function retryDelay(failures: number, refreshMs: number): number {
  return Math.min(refreshMs, FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(failures - 1, 20)));
}

export type SyncResult = 'applied' | 'unchanged' | 'refused' | 'failed' | 'skipped';

export class PackSync {
  /** One run at a time: an alarm during a slow fetch does not start a second. */
  private running: Promise<void> | null = null;
  /** The run asked for while one was running (see {@link PackSync.syncAll}). */
  private queued: { force: boolean; done: Promise<void> } | null = null;

  constructor(private readonly deps: PackSyncDeps) {}

  private async keys(policy: PackPolicy): Promise<{ keys: PublicPackKey[]; problems: string[] }> {
    const keys: PublicPackKey[] = [];
    const problems: string[] = [];
    for (const [index, input] of policy.publicKeys.entries()) {
      try {
        keys.push(await importPublicKey(input));
      } catch (error) {
        problems.push(
          `publicKeys[${index}]: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    return { keys, problems };
  }

  /** The newest applied version of a pack id, across sources (rollback refusal). */
  private async lastOf(packId: string) {
    let last: { version: number; signature: string } | null = null;
    for (const record of await this.deps.store.all()) {
      if (record.packId !== packId || record.version === undefined || !record.signature) continue;
      if (!last || record.version > last.version)
        last = { version: record.version, signature: record.signature };
    }
    return last;
  }

  /** Checks every URL of the policy that is due (or all, with `force`). */
  syncAll(force = false): Promise<void> {
    if (!this.running) return this.start(force);
    // A check already runs, but it read the policy before this call: a policy change (a pack
    // URL set on the options page) must not wait for the next alarm. One more run follows it,
    // shared by every call made meanwhile.
    if (this.queued) {
      this.queued.force ||= force;
      return this.queued.done;
    }
    const queued = { force, done: Promise.resolve() };
    const next = () => {
      this.queued = null;
      return this.start(queued.force);
    };
    queued.done = this.running.then(next, next);
    this.queued = queued;
    return queued.done;
  }

  private start(force: boolean): Promise<void> {
    const running = this.run(force).finally(() => {
      if (this.running === running) this.running = null;
    });
    this.running = running;
    return running;
  }

  private async run(force: boolean): Promise<void> {
    const { value: policy } = await this.deps.policy();
    if (!policy) return;
    for (const url of policy.urls) {
      try {
        await this.syncOne(url, policy, force);
      } catch (error) {
        console.warn('[zhiyin] pack sync failed', error);
      }
    }
  }

  async syncOne(url: string, policy: PackPolicy, force = false): Promise<SyncResult> {
    const now = this.deps.now();
    const record: PackSourceRecord = (await this.deps.store.get(url)) ?? {
      source: url,
      kind: 'url',
      failures: 0,
    };
    if (!force && record.nextAttemptAt !== undefined && now < record.nextAttemptAt)
      return 'skipped';
    const refreshMs = policy.refreshMinutes * 60_000;
    const fail = async (
      problem: PackRefusal,
      result: 'refused' | 'failed',
    ): Promise<SyncResult> => {
      const failures = record.failures + 1;
      const failed: PackSourceRecord = {
        ...record,
        lastCheckedAt: now,
        lastResult: result,
        lastProblem: { ...problem, at: now },
        failures,
        nextAttemptAt: now + retryDelay(failures, refreshMs),
      };
      await this.deps.store.put(failed);
      const key = refusalKey(problem);
      if (result === 'refused' && this.deps.refused && record.reportedRefusal !== key) {
        try {
          await this.deps.refused(url, problem);
          await this.deps.store.put({ ...failed, reportedRefusal: key, reportedAt: now });
        } catch (error) {
          console.warn('[zhiyin] reporting a refused pack failed', error);
        }
      }
      return result;
    };
    const ok = async (
      result: 'applied' | 'unchanged',
      patch: Partial<PackSourceRecord>,
    ): Promise<SyncResult> => {
      // A good answer ends the refusal: the same refusal later is news again.
      const { reportedRefusal: _reported, ...kept } = record;
      await this.deps.store.put({
        ...kept,
        ...patch,
        lastCheckedAt: now,
        lastResult: result,
        failures: 0,
        nextAttemptAt: now + refreshMs,
      });
      return result;
    };

    if (!isSecureTransport(new URL(url))) {
      return fail(
        { kind: 'source', message: '内容包地址须为 https / the pack URL must be https' },
        'refused',
      );
    }
    const timeout = this.deps.timeoutMs ?? 30_000;
    const controller = new AbortController();
    let response: FetchedResponse;
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      // Only with content to fall back on: a 304 for a source with nothing stored helps nobody.
      if (record.etag && record.content) headers['if-none-match'] = record.etag;
      response = await withDeadline(
        this.deps.fetch(url, { headers, signal: controller.signal }),
        timeout,
        'pack fetch',
      );
    } catch (error) {
      controller.abort();
      const timedOut = error instanceof DeadlineExceeded;
      return fail(
        {
          kind: 'source',
          message: timedOut
            ? `内容包服务器 ${Math.round(timeout / 1000)} 秒内没有响应 / the pack server did not answer within ${Math.round(timeout / 1000)} s`
            : `无法连接内容包服务器 / cannot reach the pack server (${error instanceof Error ? error.message : String(error)})`,
        },
        'failed',
      );
    }
    if (response.url && response.url !== url && !isSecureTransport(new URL(response.url))) {
      return fail(
        {
          kind: 'source',
          message: `内容包被重定向到不安全的地址 / redirected to an insecure URL: ${response.url}`,
        },
        'refused',
      );
    }
    if (response.status === 304 && record.content) {
      return ok('unchanged', {});
    }
    if (!response.ok) {
      return fail(
        {
          kind: 'source',
          message: `内容包服务器返回 HTTP ${response.status} / the pack server answered HTTP ${response.status}`,
        },
        'failed',
      );
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > PACK_LIMITS.bytes) {
      controller.abort();
      return fail(
        {
          kind: 'size',
          message: `内容包过大：${declared} 字节，上限 ${PACK_LIMITS.bytes} 字节 / pack too large: ${declared} bytes, more than the ${PACK_LIMITS.bytes} allowed`,
        },
        'refused',
      );
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await withDeadline(response.arrayBuffer(), timeout, 'pack body'));
    } catch (error) {
      controller.abort();
      return fail(
        {
          kind: 'source',
          message: `下载内容包中断 / the download failed (${error instanceof Error ? error.message : String(error)})`,
        },
        'failed',
      );
    }
    const text = packText(bytes);
    if ('refusal' in text) return fail(text.refusal, 'refused');
    const opened = await this.open(text.text, policy);
    if ('problem' in opened) return fail(opened.problem, 'refused');
    const etag = response.headers.get('etag') ?? undefined;
    const result = opened.result;
    if (result.status === 'refused') return fail(result.refusal, 'refused');
    if (result.status === 'unchanged') return ok('unchanged', etag ? { etag } : {});
    const applied = await ok('applied', {
      packId: result.content.id,
      content: result.content,
      version: result.content.version,
      signature: result.signature,
      keyId: result.keyId,
      appliedAt: now,
      ...(etag ? { etag } : {}),
    });
    await this.deps.applied();
    return applied;
  }

  private async open(
    text: string,
    policy: PackPolicy,
  ): Promise<{ result: OpenResult } | { problem: PackRefusal }> {
    const { keys, problems } = await this.keys(policy);
    if (keys.length === 0) {
      return {
        problem: {
          kind: 'signature',
          message: `没有可用的公钥，无法校验内容包 / no usable public key to check the pack${problems.length ? `: ${problems.join('; ')}` : ''}`,
        },
      };
    }
    return {
      result: await openPack(text, {
        keys,
        bundledTours: this.deps.bundledTours,
        validatorIds: this.deps.validatorIds,
        ...(this.deps.rulesInForce ? { rulesInForce: this.deps.rulesInForce() } : {}),
        last: (packId) => this.lastOf(packId),
      }),
    };
  }

  /** A pack file imported by hand (offline sites): the same checks, stored as `import:<id>`. */
  async importText(
    text: string,
  ): Promise<{ result: 'applied' | 'unchanged' | 'refused'; refusal?: PackRefusal }> {
    const { value: policy, problem } = await this.deps.policy();
    const now = this.deps.now();
    const opened = policy
      ? await this.open(text, policy)
      : {
          problem: {
            kind: 'signature' as const,
            message: `管理员尚未配置内容包公钥，无法导入 / no pack public key is configured, so no pack can be imported${problem ? ` (${problem})` : ''}`,
          },
        };
    if ('problem' in opened) return { result: 'refused', refusal: opened.problem };
    const result = opened.result;
    if (result.status === 'refused') return { result: 'refused', refusal: result.refusal };
    if (result.status === 'unchanged') return { result: 'unchanged' };
    const source = `import:${result.content.id}`;
    await this.deps.store.put({
      source,
      kind: 'import',
      packId: result.content.id,
      content: result.content,
      version: result.content.version,
      signature: result.signature,
      keyId: result.keyId,
      appliedAt: now,
      lastCheckedAt: now,
      lastResult: 'applied',
      failures: 0,
    });
    await this.deps.applied();
    return { result: 'applied' };
  }
}
