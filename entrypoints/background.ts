import tours from 'virtual:zhiyin-tours';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ActivityLog } from '../features/progress/background/activity-log';
import { createHostPolicy } from '../lib/hosts/host-policy';
import { injectOverlay, injectRules } from '../lib/platform/inject';
import rules from 'virtual:zhiyin-rules';
import { createDexieRulesStore, createRulesService } from '../features/rules/background/service';
import { storage } from 'wxt/utils/storage';
import { ProfileStore } from '../features/profile/background/store';
import { createRoutes, dispatch, type Routes } from '../lib/messaging/router';
import { checkSender } from '../lib/messaging/sender';
import { TourRecorder } from '../features/tour/background/recorder';
import {
  XAPI_OUTBOX_ALARM,
  createXapiService,
  homePageFromMatches,
} from '../features/xapi/background/service';
import {
  createSessionStore,
  TourSessions,
  type TourInstruction,
} from '../features/tour/background/sessions';
import { database } from '../lib/db/database';
import { onMessage, sendMessage } from '../app/protocol';
import { reportEnvironment } from '../features/report/background/context';
import { captureMaskedScreenshot } from '../features/report/background/screenshot';
import { readPolicy, saveLocalPolicy, watchPolicy } from '../lib/policy/store';
import { DEADLINES, orDefault } from '../lib/platform/deadline';
import { FollowUpQueue } from '../lib/platform/follow-ups';
import { REPORT_OUTBOX_ALARM, ReportOutbox, runReportOutbox } from '../features/report';
import { readPreferences } from '../lib/settings/preferences';
import { VALIDATORS } from '../lib/validators';
// Progress area: practical assessment (实操考核), remedial training, satisfaction survey.
import { AssessmentService } from '../features/exam/background/service';
import { SurveyService } from '../features/survey/background/service';
import { matchAnyUrlGlob } from '../features/tour/match';
// Quizzes area (知识测验).
import quizzes from 'virtual:zhiyin-quizzes';
// Compliance area: movable clock for the rules service in test builds.
import { createTestClock } from '../features/rules/background/test-clock';
// Cross-origin frames: tour targets inside iframes of another origin.
import { FrameDelegations, frameDelegationStore } from '../features/frames/background/routes';
import { injectFrameAgent } from '../lib/platform/inject';
import { sameFrameUrl } from '../features/frames/protocol';

export default defineBackground(() => {
  const db = database();
  const manifest = browser.runtime.getManifest();
  const isAllowedHost = createHostPolicy(
    (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
  );
  const extensionOrigin = browser.runtime.getURL('/');
  const profile = new ProfileStore(db);

  // xAPI: learning records → statements → outbox → LRS (features/xapi/background/service.ts).
  const contentMatches = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
  const xapi = createXapiService({
    db,
    // Where to send and the options page's status: the policy in force now (a slow browser
    // start: statements wait, and are sent when the managed policy answers, see watchPolicy).
    lrs: async () => (await readPolicy()).policy.lrs,
    // What statements say (home page, activity ids) is fixed in them: wait for the policy.
    lrsForStatements: async () => (await readPolicy(DEADLINES.policyForStatements)).policy.lrs,
    tours,
    alarms: browser.alarms,
    store: {
      get: async (key) => (await browser.storage.local.get(key))[key],
      set: async (key, value) => void (await browser.storage.local.set({ [key]: value })),
    },
    defaultHomePage: homePageFromMatches(contentMatches) ?? extensionOrigin.replace(/\/$/, ''),
    platform: `Zhiyin 指引 ${manifest.version}`,
  });
  const flushXapi = () => void xapi.flush().catch(() => undefined);
  flushXapi();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === XAPI_OUTBOX_ALARM) flushXapi();
  });
  // New or changed LRS settings: send what waited, without waiting out an old backoff.
  watchPolicy(() => void xapi.flush({ force: true }).catch(() => undefined));
  const tabUrlOf = async (tabId: number | null) =>
    tabId === null
      ? null
      : ((
          await orDefault(() => browser.tabs.get(tabId), DEADLINES.tab, null, 'tabs.get').catch(
            () => null,
          )
        )?.url ?? null);
  // xAPI statements follow saved records and never stand in front of them (lib/platform).
  const afterRecord = new FollowUpQueue();

  // Progress area: exams are scored and stored, surveys offered within the frequency policy.
  const surveys = new SurveyService({
    db,
    now: Date.now,
    store: {
      get: async (key) => (await browser.storage.local.get(key))[key],
      set: async (key, value) => void (await browser.storage.local.set({ [key]: value })),
    },
    knownSubject: (_kind, id) => tours.some((tour) => tour.id === id),
    policy: async () => (await readPolicy()).policy.survey,
    answered: async (answer) =>
      afterRecord.add('xAPI statement of a survey answer', () => xapi.surveyAnswered(answer)),
  });
  const assessments = new AssessmentService({
    db,
    surveys,
    assessed: async (input) =>
      afterRecord.add('xAPI statement of an assessment', async () =>
        xapi.practicalAssessed({ ...input, pageUrl: await tabUrlOf(input.tabId) }),
      ),
    // Exam area: the exam run's tour statements carry the attempt's registration.
    examRecords: async ({ tabId, attemptId, records }) =>
      afterRecord.add('xAPI statements of an exam run', async () =>
        xapi.tourRecords(records, { pageUrl: await tabUrlOf(tabId), registration: attemptId }),
      ),
  });

  const sessions = new TourSessions({
    tours,
    db,
    store: createSessionStore(browser.storage.session ?? null),
    recorder: new TourRecorder(db, async (records, { tabId }) =>
      afterRecord.add('xAPI statements of tour records', async () =>
        xapi.tourRecords(records, { pageUrl: await tabUrlOf(tabId) }),
      ),
    ),
    now: Date.now,
    validators: VALIDATORS,
    language: async () => (await readPreferences()).language,
    role: async () => (await profile.view()).role,
    hooks: assessments,
  });

  const outbox = new ReportOutbox({
    table: db.reportOutbox,
    // Unknown while the managed policy has not answered: reports wait, watchPolicy sends them.
    endpoint: async () => (await readPolicy()).policy.reportEndpoint,
    policyPending: async () => (await readPolicy()).managedPending === true,
  });
  const deliverReports = () => void runReportOutbox(outbox, browser.alarms);
  // Every worker start (and so every browser start) delivers what is due.
  deliverReports();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REPORT_OUTBOX_ALARM) deliverReports();
  });
  watchPolicy(deliverReports);

  // A browser session id for per-session tips: kept in storage.session (new after a restart).
  const sessionIdItem = storage.defineItem<string>('session:rulesSessionId', { fallback: '' });
  let memorySessionId: string | null = null;
  const rulesSession = () =>
    orDefault(
      async () => {
        const existing = await sessionIdItem.getValue();
        if (existing) return existing;
        const created = crypto.randomUUID();
        await sessionIdItem.setValue(created);
        return created;
      },
      DEADLINES.read,
      // storage.session stalled: this worker's own id keeps per-session tips working meanwhile.
      (memorySessionId ??= crypto.randomUUID()),
      'rules session id',
    );
  const rulesService = createRulesService({
    rules,
    store: createDexieRulesStore(db),
    session: rulesSession,
    // Test builds: a clock e2e tests can move (per-day frequency, snooze); features/rules/background/test-clock.ts.
    ...(import.meta.env.MODE === 'test'
      ? {
          now: createTestClock({
            get: (key) => browser.storage.local.get(key),
            onChanged: browser.storage.onChanged,
          }),
        }
      : {}),
    role: async () => (await profile.view()).role,
    language: async () => (await readPreferences()).language,
    onAcknowledged: async (record, tipTitle) =>
      afterRecord.add('xAPI statement of an acknowledgement', () =>
        xapi.ruleAcknowledged({
          ruleId: record.tipId,
          ruleTitle: tipTitle,
          at: record.at,
          pageUrl: record.url,
        }),
      ),
  });

  const pingTab = (tabId: number) =>
    sendMessage('bg:ping', undefined, { tabId, frameId: 0 }).catch(() => null);

  const sendTourInstruction = (tabId: number, instruction: TourInstruction) =>
    sendMessage('bg:tourInstruction', instruction, { tabId, frameId: 0 })
      .then(() => true)
      .catch(() => false);

  // Cross-origin frames: frame ids from webNavigation, the agent injected only where asked to
  // locate, updates forwarded to the frame that asked (features/frames/background/routes.ts).
  const webNavigation = browser.webNavigation;
  const frames = webNavigation
    ? new FrameDelegations({
        frames: async (tabId) => (await webNavigation.getAllFrames({ tabId })) ?? [],
        frameLoaded: (tabId, url, timeoutMs, signal) =>
          new Promise((resolve) => {
            const done = (frameId: number | null) => {
              clearTimeout(timer);
              webNavigation.onDOMContentLoaded.removeListener(loaded);
              signal.removeEventListener('abort', aborted);
              resolve(frameId);
            };
            const loaded = (details: { tabId: number; frameId: number; url: string }) => {
              if (
                details.tabId === tabId &&
                details.frameId !== 0 &&
                sameFrameUrl(details.url, url)
              )
                done(details.frameId);
            };
            const aborted = () => done(null);
            const timer = setTimeout(aborted, timeoutMs);
            webNavigation.onDOMContentLoaded.addListener(loaded);
            signal.addEventListener('abort', aborted, { once: true });
          }),
        isAllowedHost,
        injectAgent: injectFrameAgent,
        locate: (tabId, frameId, request) =>
          sendMessage('bg:frameLocate', request, { tabId, frameId }),
        release: (tabId, frameId, id) => sendMessage('bg:frameRelease', { id }, { tabId, frameId }),
        forward: (tabId, frameId, update) =>
          sendMessage('bg:frameUpdate', update, { tabId, frameId }),
        ...(browser.storage.session
          ? { store: frameDelegationStore(browser.storage.session) }
          : {}),
      })
    : undefined;
  webNavigation?.onCommitted.addListener(
    ({ tabId, frameId }) => void frames?.frameNavigated(tabId, frameId),
  );
  browser.tabs.onRemoved.addListener((tabId) => void frames?.tabClosed(tabId));

  const routes = createRoutes({
    activity: new ActivityLog(db),
    frames,
    profile,
    pingTab,
    showWelcomeInTab: (tabId) =>
      sendMessage('bg:showWelcome', undefined, { tabId, frameId: 0 })
        .then((reply) => reply.shown)
        .catch(() => false),
    injectOverlay,
    // Tour speed (bench/tour): the popup opened on a page where a tour applies.
    warmOverlay: (tabId) =>
      void sendMessage('bg:warmOverlay', undefined, { tabId, frameId: 0 }).catch(() => undefined),
    tours: sessions,
    tourList: tours,
    rules: {
      service: rulesService,
      inject: injectRules,
      // Who acknowledged: the staff id (工号) from the profile when set; records always carry the role.
      account: async () => (await db.profile.get('me'))?.staffId?.trim() || null,
    },
    progressOf: async (tourId) => (await db.tourProgress.get(tourId))?.status ?? null,
    tabUrl: tabUrlOf,
    reports: {
      outbox,
      deliver: deliverReports,
      now: Date.now,
      readPolicy,
      savePolicy: saveLocalPolicy,
      captureScreenshot: captureMaskedScreenshot,
      async environment(tabId, from) {
        const tab = tabId === null ? null : await browser.tabs.get(tabId).catch(() => null);
        const page = from.page ?? (tab ? { url: tab.url ?? null, title: tab.title ?? null } : null);
        return reportEnvironment({
          db,
          tabId,
          page,
          frame: from.frame,
          extensionVersion: manifest.version,
          userAgent: navigator.userAgent,
          brands: (
            navigator as Navigator & {
              userAgentData?: { brands: { brand: string; version: string }[] };
            }
          ).userAgentData?.brands,
          locale: (await readPreferences()).language,
          role: (await profile.view()).role,
          session: tabId === null ? null : await sessions.session(tabId),
        });
      },
    },
    xapi,
    quiz: {
      quizzes,
      results: db.quizResults,
      xapi: {
        quizScored: async (input) =>
          afterRecord.add('xAPI statement of a quiz result', () => xapi.quizScored(input)),
      },
    },
    sendTourInstruction: (tabId, instruction) =>
      sendMessage('bg:tourInstruction', instruction, { tabId, frameId: 0 })
        .then(() => true)
        .catch(() => false),
    assessments: {
      tours: sessions,
      surveys,
      assessment: (id) => db.assessments.get(id),
      tabUrl: tabUrlOf,
      pingTab,
      sendTourInstruction,
      async findTabFor(tour) {
        for (const tab of await browser.tabs.query({})) {
          if (tab.id === undefined || !tab.url || !isAllowedHost(tab.url)) continue;
          if (!matchAnyUrlGlob(tour.applies.url, tab.url)) continue;
          if (await pingTab(tab.id)) return tab.id;
        }
        return null;
      },
      focusTab: async (tabId) => void (await browser.tabs.update(tabId, { active: true })),
    },
  });

  for (const type of Object.keys(routes) as (keyof Routes)[]) {
    onMessage(type, (message) =>
      dispatch(
        routes,
        type,
        message.data as never,
        checkSender(message.sender, browser.runtime.id, extensionOrigin, isAllowedHost),
      ),
    );
  }

  // A tab closed mid-tour: keep where the learner was, to offer resuming it later.
  browser.tabs.onRemoved.addListener((tabId) => void sessions.tabClosed(tabId));
});
