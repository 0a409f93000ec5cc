/**
 * The background's xAPI service (features/xapi/background/service.ts) with the extension database
 * (fake-indexeddb) against a real LRS (xapi-statements, started here): learning records made
 * before any LRS was configured wait, then arrive once the policy names the LRS — each once and
 * valid; the connection test tells a working LRS from a wrong address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scorePracticalAssessment } from '../../features/exam/scoring';
import { createXapiService, type XapiService } from '../../features/xapi/background/service';
import { ZhiyinDatabase } from '../../app/database';
import type { TourRecord } from '../../features/tour/runner';
import type { LrsConfig } from '../../features/xapi/config';
import type { LocalLrs } from '../support/lrs';
import { LOCAL_LRS_AUTH, freePort, startLocalLrs, xapiEndpoint } from '../support/lrs';
import { xapiProblems } from '../unit/xapi/validate';

const T0 = Date.UTC(2026, 2, 4, 2, 0, 0);
const TOUR = {
  id: 'shuju-monthly-report',
  title: '填报并上报月度数据',
  steps: [
    { id: 'open', title: '打开填报' },
    { id: 'submit', title: '提交' },
  ],
} as never;

let port: number;
let lrs: LocalLrs | null = null;
let policy: LrsConfig | null = null;
let xapi: XapiService;
const db = new ZhiyinDatabase('xapi-service-lrs');
const kv = new Map<string, unknown>();

beforeAll(async () => {
  port = await freePort();
  lrs = await startLocalLrs(port);
  xapi = createXapiService({
    db,
    lrs: async () => policy,
    tours: [TOUR],
    alarms: { create: () => undefined, clear: () => undefined },
    store: { get: async (key) => kv.get(key), set: async (key, value) => void kv.set(key, value) },
    defaultHomePage: 'http://127.0.0.1',
    now: () => T0,
  });
}, 60_000);

afterAll(async () => {
  await xapi?.flush();
  await lrs?.stop();
  await db.delete();
});

describe('xAPI service against a local LRS', () => {
  it(
    'records wait without an LRS and arrive once when one is configured',
    { timeout: 60_000 },
    async () => {
      const tourId = 'shuju-monthly-report';
      const records: TourRecord[] = [
        { tourId, at: T0, kind: 'started' },
        { tourId, at: T0 + 3000, kind: 'step-completed', stepId: 'open', stepIndex: 0, ms: 3000 },
        { tourId, at: T0 + 8000, kind: 'step-completed', stepId: 'submit', stepIndex: 1, ms: 5000 },
        { tourId, at: T0 + 8000, kind: 'finished', ms: 8000 },
      ];
      const queued = await xapi.tourRecords(records, {
        pageUrl: 'http://127.0.0.1:4173/report.html',
      });
      const score = scorePracticalAssessment({
        steps: [
          { id: 'open', required: true, checksData: false },
          { id: 'submit', required: true, checksData: true },
        ],
        attempts: [
          { stepId: 'open', outcome: 'completed', wrongActions: 0, rejectedValues: 0 },
          { stepId: 'submit', outcome: 'completed', wrongActions: 0, rejectedValues: 0 },
        ],
        timing: { timeLimitMs: 600_000 },
        elapsedMs: 90_000,
      });
      queued.push(
        await xapi.practicalAssessed({
          tourId,
          attemptId: 'c0a8012e-5d3b-4b7a-9c1d-2e3f4a5b6c7d',
          at: T0 + 100_000,
          score,
        }),
        await xapi.surveyAnswered({
          subjectKind: 'assessment',
          subjectId: tourId,
          rating: '非常满意',
          at: T0 + 120_000,
        }),
      );
      expect((await xapi.flush()).outcome).toBe('not-configured');
      expect(await lrs!.statements()).toEqual([]);

      policy = {
        endpoint: xapiEndpoint(port),
        auth: { ...LOCAL_LRS_AUTH },
        sendDisplayName: false,
      };
      expect((await xapi.flush({ force: true })).outcome).toBe('delivered');
      await xapi.flush();
      const stored = await lrs!.statements();
      expect(stored.map((s) => s.id).sort()).toEqual(queued.map((s) => s.id).sort());
      for (const statement of queued) {
        expect(xapiProblems(statement)).toEqual([]);
        expect(await lrs!.statement(statement.id)).toMatchObject(
          JSON.parse(JSON.stringify(statement)),
        );
      }
      expect(stored[0]).toMatchObject({
        actor: { account: { homePage: 'http://127.0.0.1:4173' } },
      });
    },
  );

  it('tests a connection: a working LRS, then a wrong address', async () => {
    expect(
      await xapi.testConnection({ endpoint: xapiEndpoint(port), auth: LOCAL_LRS_AUTH }),
    ).toMatchObject({
      ok: true,
      status: 200,
    });
    const wrong = await xapi.testConnection({
      endpoint: `http://127.0.0.1:${port}/not-xapi/`,
      auth: LOCAL_LRS_AUTH,
    });
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toMatch(/HTTP 404|地址不对/);
  });
});
