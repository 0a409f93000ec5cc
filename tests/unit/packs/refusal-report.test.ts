/**
 * A refused pack is reported to the administrator through the problem-report outbox
 * (features/packs/refusal-report.ts, features/packs/background/sync.ts): scrubbed, without
 * personal data, once per distinct refusal rather than at every schedule tick.
 */
import { describe, expect, it } from 'vitest';
import { PackSync, type FetchedResponse } from '../../../features/packs/background/sync';
import type { PackRefusal } from '../../../features/packs/open';
import type { PackPolicy } from '../../../features/packs/policy';
import type { PackSourceRecord } from '../../../features/packs/records';
import { createPackRefusalReport } from '../../../features/packs/refusal-report';
import { signPack } from '../../../features/packs/sign';
import { ProblemReportSchema, type ProblemReport } from '../../../features/report/schema';
import { payload, testKeys, TEST_PUBLIC_SPKI } from './fixtures';

const URL_A = 'https://xxzx.example.gov.cn/zhiyin/pack.json?token=s3cr3t-abcdef123456';
const HOUR = 3_600_000;
const ENV = { userAgent: 'Mozilla/5.0 Chrome/126.0.0.0', extensionVersion: '0.3.0' };

function harness() {
  let clock = 1_000_000;
  let body = '';
  let status = 200;
  let reportFails = false;
  const records = new Map<string, PackSourceRecord>();
  const reports: ProblemReport[] = [];
  const policy: PackPolicy = { urls: [URL_A], publicKeys: [TEST_PUBLIC_SPKI], refreshMinutes: 60 };
  const sync = new PackSync({
    fetch: async () => {
      const bytes = new TextEncoder().encode(body);
      return {
        status,
        ok: status >= 200 && status < 300,
        headers: { get: () => null },
        arrayBuffer: async () => bytes.buffer,
      } satisfies FetchedResponse;
    },
    store: {
      get: async (source) => records.get(source),
      put: async (record) => void records.set(record.source, structuredClone(record)),
      all: async () => [...records.values()],
    },
    now: () => clock,
    policy: async () => ({ value: policy, problem: null }),
    bundledTours: [],
    validatorIds: [],
    applied: () => undefined,
    refused: async (source, refusal) => {
      if (reportFails) throw new Error('IndexedDB stalled');
      reports.push(createPackRefusalReport(source, refusal, ENV, { now: clock }));
    },
  });
  return {
    records,
    reports,
    serve: (text: string, code = 200) => {
      body = text;
      status = code;
    },
    failReports: (value: boolean) => (reportFails = value),
    /** The next scheduled check (after the backoff or the interval). */
    tick: async () => {
      clock += 2 * HOUR;
      await sync.syncAll();
    },
  };
}

async function signedPack(version: number) {
  const { privateKey, publicKey } = await testKeys();
  return signPack(payload(version), privateKey, publicKey);
}

describe('refused packs are reported to the administrator', () => {
  it('one report per distinct refusal, none for the same refusal at later ticks; a good pack resets it', async () => {
    const h = harness();
    const good = await signedPack(2);
    const tampered = structuredClone(good);
    (tampered.payload as { version: number }).version = 3;
    h.serve(JSON.stringify(tampered));
    await h.tick();
    await h.tick();
    await h.tick();
    expect(h.reports).toHaveLength(1);
    const [first] = h.reports;
    expect(ProblemReportSchema.safeParse(first).success).toBe(true);
    expect(first?.packRefusal).toMatchObject({
      reason: 'signature',
      packId: 'test-pack',
      version: null,
      keyId: good.signature.keyId,
    });
    // The address is redacted like a page address: the token in the query is gone.
    expect(first?.packRefusal?.packUrl).toContain('xxzx.example.gov.cn/zhiyin/pack.json');
    expect(JSON.stringify(first)).not.toContain('s3cr3t');
    // Nothing about the learner.
    expect(first?.context).toMatchObject({
      page: { url: null, title: null },
      role: null,
      tour: null,
    });
    expect(first?.category).toBe('other');
    expect(h.records.get(URL_A)?.reportedAt).toBeDefined();

    // The good pack applies; an older one is then refused: a new refusal, a new report.
    h.serve(JSON.stringify(good));
    await h.tick();
    expect(h.records.get(URL_A)?.lastResult).toBe('applied');
    h.serve(JSON.stringify(await signedPack(1)));
    await h.tick();
    await h.tick();
    expect(h.reports.map((r) => r.packRefusal?.reason)).toEqual(['signature', 'rollback']);
    expect(h.reports[1]?.packRefusal?.version).toBe(1);

    // Good again, then the same tampered file: reported again (news after a good answer).
    h.serve(JSON.stringify(good));
    await h.tick();
    h.serve(JSON.stringify(tampered));
    await h.tick();
    expect(h.reports.map((r) => r.packRefusal?.reason)).toEqual([
      'signature',
      'rollback',
      'signature',
    ]);
  });

  it('a network failure or an HTTP error is not a refusal and is not reported', async () => {
    const h = harness();
    h.serve('', 503);
    await h.tick();
    expect(h.records.get(URL_A)?.lastResult).toBe('failed');
    expect(h.reports).toHaveLength(0);
  });

  it('a report that could not be stored is tried again at the next refusal', async () => {
    const h = harness();
    h.serve('{ not json');
    h.failReports(true);
    await h.tick();
    expect(h.reports).toHaveLength(0);
    expect(h.records.get(URL_A)?.reportedRefusal).toBeUndefined();
    h.failReports(false);
    await h.tick();
    expect(h.reports.map((r) => r.packRefusal?.reason)).toEqual(['json']);
  });

  it('content errors go with their paths, scrubbed of personal data', () => {
    const refusal: PackRefusal = {
      kind: 'content',
      version: 4,
      packId: 'xinxi',
      keyId: '0123456789abcdef',
      message: '内容校验失败（1 处错误） / content invalid (1 error)',
      errors: [
        {
          path: 'help[0].body',
          message: '示例身份证号 110101199003074514 与手机号 13812345678 不应写在正文中',
        },
      ],
    };
    const report = createPackRefusalReport(URL_A, refusal, ENV, {
      now: 0,
      newId: () => crypto.randomUUID(),
    });
    expect(report.packRefusal?.errors).toHaveLength(1);
    expect(report.packRefusal?.errors[0]?.path).toBe('help[0].body');
    const text = JSON.stringify(report);
    expect(text).not.toContain('110101199003074514');
    expect(text).not.toContain('13812345678');
    expect(report.description).toContain('内容包被拒绝');
  });
});
