/**
 * The background's feature registry: every feature's routes, composed into the one route table
 * for the whole protocol (app/protocol.ts). The object spread is type-checked against
 * `RouteTable<ProtocolMap>`, so a message without a route does not compile;
 * tests/unit/codebase/layout.test.ts also checks it at run time and that every feature folder with
 * messages is listed here.
 */
import { browser } from 'wxt/browser';
import { createDashboardRoutes } from '../../features/dashboard/background/routes';
import { createHelpRoutes } from '../../features/help/background/routes';
import { createAssessmentRoutes } from '../../features/exam/background/routes';
import { createFrameRoutes } from '../../features/frames/background/routes';
import { createProfileRoutes } from '../../features/profile/background/routes';
import { createProgressRoutes } from '../../features/progress/background/routes';
import { createQuizRoutes } from '../../features/quiz/background/routes';
import { createReportRoutes } from '../../features/report/background/routes';
import { createRulesRoutes } from '../../features/rules/background/routes';
import { createSettingsRoutes } from '../../features/settings/background/routes';
import { createSurveyRoutes } from '../../features/survey/background/routes';
import { createTourRoutes } from '../../features/tour/background/routes';
import { createPackRoutes } from '../../features/packs/background/routes';
import { afterRestored } from '../../features/packs/background/gate';
import { createXapiRoutes } from '../../features/xapi/background/service';
import type { RouteTable } from '../../lib/messaging/router';
import { injectOverlay, injectRules } from '../../lib/platform/inject';
import { readPolicy, saveLocalPolicy } from '../policy/store';
import { sendMessage, type ProtocolMap } from '../protocol';
import { createCoreRoutes } from './core-routes';
import { createAuthorRoutes } from '../../features/author/background/routes';
import { createEditorRoutes } from '../../features/editor/background/routes';
import { withCompiledMarkdown } from '../../features/tour/compiled';
import type { BackgroundServices } from './services';

/** Each feature's routes, by feature folder name (features/<name>). */
export function featureRoutes(s: BackgroundServices) {
  const { platform } = s;
  return {
    core: createCoreRoutes({
      activity: s.activity,
      profile: s.profile,
      sessions: s.sessions,
      rules: s.rules,
      pingTab: platform.pingTab,
      injectOverlay,
    }),
    tour: createTourRoutes({
      tours: s.sessions,
      tourList: s.tours,
      progressOf: async (tourId) => (await platform.db.tourProgress.get(tourId))?.status ?? null,
      role: s.role,
      language: s.language,
      tabUrl: platform.tabUrl,
      pingTab: platform.pingTab,
      sendTourInstruction: platform.sendTourInstruction,
      // Tour speed (bench/tour): the popup opened on a page where a tour applies.
      warmOverlay: (tabId) =>
        void sendMessage('bg:warmOverlay', undefined, { tabId, frameId: 0 }).catch(() => undefined),
    }),
    exam: createAssessmentRoutes({
      tours: s.sessions,
      surveys: s.surveys,
      assessment: (id) => platform.db.assessments.get(id),
      tabUrl: platform.tabUrl,
      pingTab: platform.pingTab,
      sendTourInstruction: platform.sendTourInstruction,
      findTabFor: s.findTabFor,
      focusTab: async (tabId) => void (await browser.tabs.update(tabId, { active: true })),
    }),
    survey: createSurveyRoutes(s.surveys),
    profile: createProfileRoutes({
      profile: s.profile,
      activity: s.activity,
      showWelcomeInTab: (tabId) =>
        sendMessage('bg:showWelcome', undefined, { tabId, frameId: 0 })
          .then((reply) => reply.shown)
          .catch(() => false),
    }),
    progress: createProgressRoutes({
      activity: s.activity,
      db: platform.db,
      tourTitle: (id) => s.tours.find((tour) => tour.id === id)?.title,
      extensionVersion: () => browser.runtime.getManifest().version,
    }),
    rules: createRulesRoutes({
      service: s.rules,
      inject: injectRules,
      // Who acknowledged: the staff id (工号) from the profile when set; records always carry the role.
      account: async () => (await platform.db.profile.get('me'))?.staffId?.trim() || null,
    }),
    report: createReportRoutes(s.reports),
    settings: createSettingsRoutes({
      readPolicy,
      savePolicy: saveLocalPolicy,
      // Reports kept locally or waiting may be deliverable now.
      saved: s.reports.deliver,
    }),
    xapi: createXapiRoutes(s.xapi),
    quiz: createQuizRoutes({
      quizzes: s.quizzes,
      results: {
        add: (record) => platform.db.quizResults.add(record),
        newestFirst: () => platform.db.quizResults.orderBy('at').reverse().toArray(),
      },
      events: { quizScored: async (input) => platform.records.emit('quiz-scored', input) },
    }),
    frames: createFrameRoutes(s.frames),
    dashboard: createDashboardRoutes(platform.db),
    help: createHelpRoutes(platform.db.searchMisses),
    author: createAuthorRoutes({
      db: platform.db,
      now: Date.now,
      startPreview: (tabId, tour, url, fromStep) =>
        s.sessions.startPreview(tabId, tour, url, fromStep),
      compile: withCompiledMarkdown,
      tabUrl: platform.tabUrl,
      pingTab: platform.pingTab,
      sendTourInstruction: platform.sendTourInstruction,
      openEditor: async (id) =>
        void (await browser.tabs.create({
          url: browser.runtime.getURL(`/editor.html#draft=${encodeURIComponent(id)}`),
        })),
    }),
    packs: createPackRoutes(s.packs),
    editor: createEditorRoutes({ db: platform.db, now: Date.now }),
  };
}

/** The one route table: every feature's routes. */
export function createRoutes(s: BackgroundServices): RouteTable<ProtocolMap> {
  const f = featureRoutes(s);
  const routes: RouteTable<ProtocolMap> = {
    ...f.core,
    ...f.tour,
    ...f.exam,
    ...f.survey,
    ...f.profile,
    ...f.progress,
    ...f.rules,
    ...f.report,
    ...f.settings,
    ...f.xapi,
    ...f.quiz,
    ...f.frames,
    ...f.dashboard,
    ...f.help,
    ...f.author,
    ...f.packs,
    ...f.editor,
  };
  // After a worker restart, messages wait until the stored content packs' tours are listed.
  return afterRestored(routes, s.packs.restored);
}
