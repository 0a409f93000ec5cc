import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityLog } from '../../../features/progress/background/activity-log';
import { createHostPolicy } from '../../../lib/hosts/host-policy';
import { ProfileStore } from '../../../features/profile/background/store';
import { dispatch, MessageRefused, type RouteTable } from '../../../lib/messaging/router';
import type { ProtocolMap } from '../../../app/protocol';
import { createCoreRoutes } from '../../../app/background/core-routes';
import { createTourRoutes } from '../../../features/tour/background/routes';
import { createProfileRoutes } from '../../../features/profile/background/routes';
import { createProgressRoutes } from '../../../features/progress/background/routes';
import { createRulesRoutes } from '../../../features/rules/background/routes';
import { createReportRoutes } from '../../../features/report/background/routes';
import { createSettingsRoutes } from '../../../features/settings/background/routes';
import { checkSender, type SenderInfo } from '../../../lib/messaging/sender';
import { TourRecorder } from '../../../features/tour/background/recorder';
import { createSessionStore, TourSessions } from '../../../features/tour/background/sessions';
import { ZhiyinDatabase } from '../../../app/database';
import {
  createDexieRulesStore,
  createRulesService,
} from '../../../features/rules/background/service';
import type { RuleSet } from '../../../features/rules/schema';
import { resolvePolicy, type PolicyInput } from '../../../app/policy/policy';
import { ReportOutbox } from '../../../features/report/background/outbox';
import { reportEnvironment } from '../../../features/report/background/context';

const EXTENSION_ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const allowed = createHostPolicy(['http://localhost/*', 'http://127.0.0.1/*']);
const check = (sender: SenderInfo) => checkSender(sender, EXTENSION_ID, ORIGIN, allowed);

const simTab = (url = 'http://127.0.0.1:4173/index.html#/docs'): SenderInfo => ({
  id: EXTENSION_ID,
  url,
  tab: { id: 7, url },
  frameId: 0,
});
const popup: SenderInfo = { id: EXTENSION_ID, url: `${ORIGIN}popup.html` };

describe('background router', () => {
  let db: ZhiyinDatabase;
  let routes: RouteTable<ProtocolMap>;
  let clock = 1_700_000_000_000;
  const injectOverlay = vi.fn(async () => {});
  let managed: PolicyInput = {};
  let local: PolicyInput = {};
  const deliver = vi.fn();

  beforeEach(async () => {
    db = new ZhiyinDatabase(`router-test-${Math.random()}`);
    clock = 1_700_000_000_000;
    const now = () => clock++;
    const profile = new ProfileStore(db, now);
    const tours = new TourSessions({
      tours: [],
      db,
      store: createSessionStore(null),
      recorder: new TourRecorder(db),
      now,
      language: async () => 'zh_CN',
      role: async () => (await profile.view()).role,
    });
    managed = {};
    local = {};
    deliver.mockClear();
    const outbox = new ReportOutbox({
      table: db.reportOutbox,
      endpoint: () => resolvePolicy(managed, local).policy.reportEndpoint,
      clock: now,
    });
    const ruleSet: RuleSet = { markers: [], guards: [], tips: [] };
    const rulesService = createRulesService({
      rules: ruleSet,
      store: createDexieRulesStore(db),
      session: () => 'session-1',
      role: async () => (await profile.view()).role,
      now,
    });
    const activity = new ActivityLog(db, now);
    const pingTab = async (tabId: number) =>
      tabId === 7 ? { url: 'http://127.0.0.1/x', title: '首页' } : null;
    const readPolicy = async () => resolvePolicy(managed, local);
    // The background's routes for the features under test, composed as app/background/registry.ts does.
    routes = {
      ...createCoreRoutes({
        activity,
        profile,
        sessions: tours,
        rules: rulesService,
        pingTab,
        injectOverlay,
      }),
      ...createTourRoutes({
        tours,
        tourList: [],
        progressOf: async () => null,
        role: async () => (await profile.view()).role,
        tabUrl: async () => 'http://127.0.0.1:4173/index.html',
        pingTab,
        sendTourInstruction: async () => true,
      }),
      ...createProfileRoutes({ profile, activity, showWelcomeInTab: async () => true }),
      ...createProgressRoutes({
        activity,
        db,
        tourTitle: () => undefined,
        extensionVersion: () => '0.0.0',
      }),
      ...createRulesRoutes({
        service: rulesService,
        inject: injectOverlay,
        account: async () => null,
      }),
      ...createReportRoutes({
        outbox,
        deliver,
        now,
        captureScreenshot: async () => ({
          ok: false as const,
          reason: 'not in unit tests',
          code: 'failed' as const,
        }),
        readPolicy,
        environment: async (tabId, from) =>
          reportEnvironment({
            db,
            tabId,
            page: from.page,
            frame: from.frame,
            extensionVersion: '0.1.0',
            userAgent: 'Mozilla/5.0 Chrome/156.0.0.0',
            locale: 'zh_CN',
            role: (await profile.view()).role,
            session: null,
          }),
      }),
      ...createSettingsRoutes({
        readPolicy,
        savePolicy: async (patch: PolicyInput) => {
          for (const [key, value] of Object.entries(patch)) {
            if (managed[key as keyof PolicyInput] === undefined) local = { ...local, [key]: value };
          }
          return resolvePolicy(managed, local);
        },
        saved: deliver,
      }),
    } as RouteTable<ProtocolMap>;
  });

  it('records a page visit from the sim and asks for the welcome card on first run', async () => {
    const reply = await dispatch(
      routes,
      'content:hello',
      {
        url: 'http://127.0.0.1:4173/index.html?ticket=s3cr3t#/docs',
        title: '公文管理',
        topFrame: true,
      },
      check(simTab()),
    );
    // No compliance rule applies (the rule set is empty): the page does not load the rules watcher.
    expect(reply).toEqual({ welcome: true, tour: null, resume: null, rules: false });
    const [visit] = await db.activity.toArray();
    expect(visit).toMatchObject({ type: 'page-visited', tabId: 7, title: '公文管理' });
    // The ticket in the query never reaches the database.
    expect(visit?.url).toBe('http://127.0.0.1:4173/index.html?ticket=#/docs');
  });

  it('does not record iframe loads as page visits nor show the welcome card in them', async () => {
    const reply = await dispatch(
      routes,
      'content:hello',
      { url: 'http://127.0.0.1:4173/legacy/notice.html', title: '通知公告', topFrame: false },
      check({ ...simTab(), frameId: 3 }),
    );
    expect(reply).toEqual({ welcome: false, tour: null, resume: null });
    expect(await db.activity.count()).toBe(0);
  });

  it('stores the chosen role and stops showing the welcome card', async () => {
    await dispatch(
      routes,
      'content:chooseRole',
      { role: '业务操作人员', url: 'http://127.0.0.1/' },
      check(simTab()),
    );
    expect(await dispatch(routes, 'page:getProfile', undefined, check(popup))).toMatchObject({
      role: '业务操作人员',
    });
    const reply = await dispatch(
      routes,
      'content:hello',
      { url: 'http://127.0.0.1/', title: '首页', topFrame: true },
      check(simTab()),
    );
    expect(reply.welcome).toBe(false);
  });

  it('lets the popup see what the content script recorded for its tab', async () => {
    await dispatch(
      routes,
      'content:hello',
      { url: 'http://127.0.0.1/a', title: '甲', topFrame: true },
      check(simTab()),
    );
    await dispatch(
      routes,
      'content:chooseRole',
      { role: '基层用户', url: 'http://127.0.0.1/a' },
      check(simTab()),
    );
    const list = await dispatch(routes, 'page:listActivity', { tabId: 7, limit: 10 }, check(popup));
    expect(list.map((record) => record.type)).toEqual(['role-chosen', 'page-visited']);
    const other = await dispatch(
      routes,
      'page:listActivity',
      { tabId: 8, limit: 10 },
      check(popup),
    );
    expect(other).toEqual([]);
  });

  it('refuses a role that is not one of the four learner groups', async () => {
    await expect(
      dispatch(
        routes,
        'content:chooseRole',
        { role: '黑客' as never, url: 'http://127.0.0.1/' },
        check(simTab()),
      ),
    ).rejects.toThrow(MessageRefused);
    expect(await db.profile.count()).toBe(0);
  });

  it('refuses content messages from a host the administrator did not configure', async () => {
    await expect(
      dispatch(
        routes,
        'content:hello',
        { url: 'https://evil.example/', title: 'x', topFrame: true },
        check(simTab('https://evil.example/')),
      ),
    ).rejects.toThrow(/host not configured: https:\/\/evil.example/);
    expect(await db.activity.count()).toBe(0);
  });

  it('refuses page-only messages from a content script and content messages from pages', async () => {
    await expect(
      dispatch(routes, 'page:setRole', { role: '管理人员' }, check(simTab())),
    ).rejects.toThrow(/page:setRole may not be sent from content/);
    await expect(dispatch(routes, 'content:loadOverlay', undefined, check(popup))).rejects.toThrow(
      /may not be sent from extension-page/,
    );
    expect(injectOverlay).not.toHaveBeenCalled();
  });

  it('refuses messages from another extension', async () => {
    await expect(
      dispatch(routes, 'page:getProfile', undefined, check({ ...popup, id: 'someone-else' })),
    ).rejects.toThrow(/another extension/);
  });

  it('injects the overlay into the frame that asked for it', async () => {
    await dispatch(routes, 'content:loadOverlay', undefined, check({ ...simTab(), frameId: 5 }));
    expect(injectOverlay).toHaveBeenCalledWith(7, 5);
  });

  it('injects the overlay’s React views when the overlay asks for them', async () => {
    const sender = check({ ...simTab(), frameId: 5 });
    await dispatch(routes, 'content:loadOverlay', { part: 'views' }, sender);
    expect(injectOverlay).toHaveBeenCalledWith(7, 5, 'views');
  });

  it('reports whether the content script runs in a tab', async () => {
    expect(await dispatch(routes, 'page:getTabStatus', { tabId: 7 }, check(popup))).toEqual({
      active: true,
      url: 'http://127.0.0.1/x',
      title: '首页',
    });
    expect(await dispatch(routes, 'page:getTabStatus', { tabId: 99 }, check(popup))).toMatchObject({
      active: false,
    });
  });

  it('stores a problem report from the page, scrubbed, with its context, and tries to deliver it', async () => {
    await db.tourEvents.add({
      tourId: 'gongwen-new-document',
      kind: 'step-failed',
      at: clock,
      tabId: 7,
      stepId: 'submit',
      stepIndex: 5,
      ms: null,
      reason: 'not-found',
    });
    const reply = await dispatch(
      routes,
      'content:submitReport',
      {
        category: 'attachment-upload-failed',
        description: '上传失败，我的手机 13812345678',
        url: 'http://127.0.0.1:4173/index.html?ticket=abc#/docs/new',
        title: '新建公文',
        topFrame: true,
      },
      check(simTab()),
    );
    expect(reply.status).toBe('local');
    expect(reply.scrubSummary).toContain('手机号');
    expect(deliver).toHaveBeenCalled();
    const [item] = await dispatch(routes, 'page:listReports', { limit: 10 }, check(popup));
    expect(item?.preview).not.toContain('13812345678');
    expect(item?.categoryLabel).toBe('附件上传失败');
    const file = await dispatch(routes, 'page:exportReports', {}, check(popup));
    const exported = JSON.parse(file.text) as { reports: { context: Record<string, unknown> }[] };
    const context = JSON.stringify(exported.reports[0]?.context);
    expect(context).toContain('"stepId":"submit"');
    expect(context).not.toContain('ticket=abc');
  });

  it('lets the options page set a report endpoint unless the managed policy locks it', async () => {
    const saved = await dispatch(
      routes,
      'page:savePolicy',
      { reportEndpoint: { url: 'https://report.gov.example/api', token: 't0ken' } },
      check(popup),
    );
    expect(saved.policy.reportEndpoint?.url).toBe('https://report.gov.example/api');
    managed = { reportEndpoint: { url: 'https://managed.gov.example/r', token: 'm' } };
    const locked = await dispatch(
      routes,
      'page:savePolicy',
      { reportEndpoint: { url: 'https://other.example/r', token: 'x' } },
      check(popup),
    );
    expect(locked.locked).toContain('reportEndpoint');
    expect(locked.policy.reportEndpoint?.url).toBe('https://managed.gov.example/r');
  });

  it('refuses a plain-http report endpoint that is not on this machine', async () => {
    const view = await dispatch(
      routes,
      'page:savePolicy',
      { reportEndpoint: { url: 'http://report.gov.example/api', token: 't' } },
      check(popup),
    );
    expect(view.policy.reportEndpoint).toBeNull();
    expect(view.problems.join()).toMatch(/reportEndpoint/);
  });

  it('takes rule messages only from the top frame, about its own page', async () => {
    await expect(
      dispatch(
        routes,
        'content:tipResponse',
        {
          tipId: 'x',
          contentVersion: 1,
          response: 'acknowledge',
          url: 'http://127.0.0.1:4173/index.html',
        },
        check({ ...simTab(), frameId: 2 }),
      ),
    ).rejects.toThrow(/top frame only/);
    await expect(
      dispatch(
        routes,
        'content:ruleAction',
        { url: 'http://evil.example/admin.html', action: { kind: 'page-open', markers: [] } },
        check(simTab()),
      ),
    ).rejects.toThrow(/not on the sender’s site/);
    await expect(
      dispatch(
        routes,
        'content:ruleAction',
        { url: 'not a url', action: { kind: 'page-open', markers: [] } },
        check(simTab()),
      ),
    ).rejects.toThrow(/not on the sender’s site/);
    expect(await db.tipAcknowledgements.count()).toBe(0);
    // Right after an SPA route change the browser still reports the previous route as the
    // sender's URL: a message about the new route of the same site is the page's own.
    await expect(
      dispatch(
        routes,
        'content:ruleAction',
        {
          url: 'http://127.0.0.1:4173/index.html#/todo',
          action: { kind: 'page-open', markers: [] },
        },
        check(simTab('http://127.0.0.1:4173/index.html#/docs')),
      ),
    ).resolves.toBeDefined();
  });
});
