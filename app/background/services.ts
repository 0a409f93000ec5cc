/**
 * The background's services, made once per worker in dependency order. Each feature builds its
 * own (features/<feature>/background); this file only hands them what they need from each other.
 */
import { browser } from 'wxt/browser';
import bundledChecklists from 'virtual:zhiyin-checklists';
import bundledHelp from 'virtual:zhiyin-help';
import bundledQuizzes from 'virtual:zhiyin-quizzes';
import bundledRules from 'virtual:zhiyin-rules';
import bundledTours from 'virtual:zhiyin-tours';
import { AssessmentService } from '../../features/exam/background/service';
import { setupFrames } from '../../features/frames/background/setup';
import { setupPacks } from '../../features/packs/background/setup';
import { createPackRefusalReport } from '../../features/packs/refusal-report';
import { ActivityLog } from '../../features/progress/background/activity-log';
import { ProfileStore } from '../../features/profile/background/store';
import { setupReports } from '../../features/report/background/setup';
import { setupRules } from '../../features/rules/background/setup';
import { SurveyService } from '../../features/survey/background/service';
import { TourRecorder } from '../../features/tour/background/recorder';
import { createSessionStore, TourSessions } from '../../features/tour/background/sessions';
import { matchAnyUrlGlob } from '../../features/tour/match';
import { setupXapi } from '../../features/xapi/background/setup';
import { readPreferences } from '../../lib/settings/preferences';
import { VALIDATORS } from '../../lib/validators';
import { readPolicy } from '../policy/store';
import type { BackgroundPlatform } from './platform';
import { scheduleRetention } from './retention';
import { sessionArea } from '../../lib/platform/session-area';

export type BackgroundServices = ReturnType<typeof createServices>;

export function createServices(platform: BackgroundPlatform) {
  const { db, records } = platform;
  // The content in force: bundled plus signed content packs, lists updated in place when a pack
  // is applied (features/packs), so every service below sees new tours, tips and quizzes without
  // a reload.
  const packs = setupPacks(platform, {
    bundled: {
      tours: bundledTours,
      help: bundledHelp,
      rules: bundledRules,
      quizzes: bundledQuizzes,
      checklists: bundledChecklists,
    },
  });
  const tours = packs.tours;
  const quizzes = packs.content.quizzes;
  // The organisation's policy may set the learner's group (identity.role): then it is the role.
  const profile = new ProfileStore(
    db,
    Date.now,
    undefined,
    async () => (await readPolicy()).policy.identity?.role ?? null,
  );
  const role = () => profile.role();
  const language = async () => (await readPreferences()).language;
  const xapi = setupXapi(platform, tours);

  // Exams are scored and stored, surveys offered within the frequency policy.
  const surveys = new SurveyService({
    db,
    now: Date.now,
    store: platform.local,
    knownSubject: (_kind, id) => tours.some((tour) => tour.id === id),
    policy: async () => (await readPolicy()).policy.survey,
    answered: async (answer) => records.emit('survey-answered', answer),
  });
  // A pack's renames move the survey offers counted under the old tour ids too.
  packs.onRenames((renames) => surveys.moveOffers(renames));
  const assessments = new AssessmentService({
    db,
    surveys,
    assessed: async (input) => records.emit('assessed', input),
    examRecords: async (input) => records.emit('exam-records', input),
    remedialCompleted: async (input) => records.emit('remedial-completed', input),
  });
  const sessions = new TourSessions({
    tours,
    db,
    store: createSessionStore(sessionArea()),
    recorder: new TourRecorder(db, async (tourRecords, { tabId }) =>
      records.emit('tour-records', { records: tourRecords, tabId }),
    ),
    now: Date.now,
    validators: VALIDATORS,
    language,
    role,
    hooks: assessments,
  });
  // A tab closed mid-tour: keep where the learner was, to offer resuming it later.
  browser.tabs.onRemoved.addListener((tabId) => void sessions.tabClosed(tabId));
  // Delivered reports, the activity log, refused statements and search misses expire.
  scheduleRetention({
    db,
    retention: async () => {
      const view = await readPolicy();
      // Until the browser answers for the managed policy the defaults could be shorter than what
      // the administrator set: prune nothing rather than too much.
      return view.managedPending ? null : view.policy.retention;
    },
    alarms: browser.alarms,
  });

  const reports = setupReports(platform, { role, session: (tabId) => sessions.session(tabId) });
  // A refused pack (signature, format, rollback, size…) is reported to the administrator's
  // endpoint through the same outbox, once per distinct refusal (features/packs/refusal-report.ts).
  packs.reportRefusalsWith(async (source, refusal) => {
    await reports.outbox.add(
      createPackRefusalReport(source, refusal, {
        userAgent: navigator.userAgent,
        extensionVersion: platform.manifest.version,
      }),
    );
    reports.deliver();
  });

  return {
    platform,
    tours,
    quizzes,
    profile,
    role,
    language,
    activity: new ActivityLog(db),
    xapi,
    surveys,
    assessments,
    sessions,
    reports,
    rules: setupRules(platform, {
      rules: packs.content.rules,
      role,
      language,
      contentChanged: packs.onContentChanged,
    }),
    frames: setupFrames(platform),
    packs,
    /** An open tab of a configured host where the tour applies and Zhiyin answers, or null. */
    async findTabFor(tour: (typeof tours)[number]) {
      for (const tab of await browser.tabs.query({})) {
        if (tab.id === undefined || !tab.url || !platform.isAllowedHost(tab.url)) continue;
        if (!matchAnyUrlGlob(tour.applies.url, tab.url)) continue;
        if (await platform.pingTab(tab.id)) return tab.id;
      }
      return null;
    },
  };
}
