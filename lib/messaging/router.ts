import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import type { ProtocolMap } from '../../app/protocol';
import { isRole } from '../../features/profile/roles';
import type { ActivityLog } from '../../features/progress/background/activity-log';
import type { ProfileStore } from '../../features/profile/background/store';
import {
  UnknownTour,
  type TourInstruction,
  type TourSessions,
} from '../../features/tour/background/sessions';
import type { Tour } from '../../features/tour/schema';
import type { TourProgressStatus } from '../db/database';
import type { TourListing } from '../../app/protocol';
import { matchAnyUrlGlob } from '../../features/tour/match';
import { createReportRoutes, type ReportServices } from '../../features/report/background/routes';
import { createRulesRoutes, type RulesServices } from '../../features/rules/background/routes';
import { createXapiRoutes, type XapiService } from '../../features/xapi/background/service';
import { createQuizRoutes, type QuizServices } from '../../features/quiz/background/routes';
import type { SenderCheck, SenderInfo, SenderKind } from './sender';
// Progress area (practical assessment, remedial training, survey).
import {
  createAssessmentRoutes,
  type AssessmentRouteServices,
} from '../../features/exam/background/routes';
import { isExamable } from '../../features/exam/exam';
// Cross-origin frames (tour targets inside iframes of another origin).
import { createFrameRoutes, type FrameDelegations } from '../../features/frames/background/routes';

type IncomingType = Exclude<keyof ProtocolMap, `bg:${string}`>;

/** Who sent a message, after `checkSender` accepted it. */
export type AcceptedSender = Extract<SenderCheck, { ok: true }>;

interface Route<K extends IncomingType> {
  /** Which senders may send this message; anything else is refused before the handler runs. */
  from: readonly SenderKind[];
  handle(
    data: GetDataType<ProtocolMap[K]>,
    sender: AcceptedSender,
  ): Promise<GetReturnType<ProtocolMap[K]>> | GetReturnType<ProtocolMap[K]>;
}

export type Routes = { [K in IncomingType]: Route<K> };

/** A subset of the routes, for the feature modules that contribute them (e.g. report-routes.ts). */
export type RouteTable<K extends IncomingType> = { [P in K]: Route<P> };

/** What the routes need from the rest of the background. */
export interface RouterServices {
  activity: ActivityLog;
  profile: ProfileStore;
  /** Asks a tab's top frame whether the content script is alive. */
  pingTab(tabId: number): Promise<{ url: string; title: string } | null>;
  /** Asks a tab's top frame to show the welcome card. */
  showWelcomeInTab(tabId: number): Promise<boolean>;
  /** Runs the overlay bundle (or, with `views`, its React views) in one frame of a tab. */
  injectOverlay(tabId: number, frameId: number, part?: 'views'): Promise<void>;
  /** Asks a tab's top frame to load the overlay bundle ahead of a likely start (bench/tour). */
  warmOverlay?(tabId: number): void;
  tours: TourSessions;
  /** A tour's progress status, or null when never started. */
  progressOf(tourId: string): Promise<TourProgressStatus | null>;
  /** All bundled tours (validated at build time). */
  tourList: readonly Tour[];
  /** The URL of a tab's page, or null when it cannot be read. */
  tabUrl(tabId: number): Promise<string | null>;
  /** Problem reporting (features/report/background/routes.ts). */
  reports: ReportServices;
  /** Compliance tips and field guards (features/rules/background/routes.ts). */
  rules: RulesServices;
  /** Hands a tour instruction to a tab's top frame; false when no content script answers. */
  sendTourInstruction(tabId: number, instruction: TourInstruction): Promise<boolean>;
  /** Practical assessment, remedial training and survey (features/exam/background/routes.ts). */
  assessments?: AssessmentRouteServices;
  /** xAPI statements for learning records (features/xapi/background/service.ts). */
  xapi?: XapiService;
  /** Knowledge quizzes (features/quiz/background/routes.ts). */
  quiz?: QuizServices;
  /** Cross-origin frame delegation (features/frames/background/routes.ts); absent: refused. */
  frames?: FrameDelegations;
}

export class MessageRefused extends Error {
  override name = 'MessageRefused';
}

function requireRole(value: unknown) {
  if (!isRole(value)) throw new MessageRefused(`unknown role: ${String(value)}`);
  return value;
}

/** Every message the background answers, with who may send it. */
export function createRoutes(services: RouterServices): Routes {
  const { activity, profile } = services;
  return {
    ...createReportRoutes(services.reports),
    ...createRulesRoutes(services.rules),
    ...createAssessmentRoutes(services.assessments),
    ...createXapiRoutes(services.xapi),
    ...createQuizRoutes(services.quiz),
    ...createFrameRoutes(services.frames),
    'content:hello': {
      from: ['content'],
      async handle(data, sender) {
        if (sender.kind !== 'content') throw new MessageRefused('content only');
        if (data.topFrame) {
          await activity.record({
            type: 'page-visited',
            tabId: sender.tabId,
            url: data.url,
            title: data.title,
          });
        }
        if (!data.topFrame) return { welcome: false, tour: null, resume: null };
        const welcome = await profile.needsWelcome();
        // While the welcome card asks for a role, no tour starts by itself.
        const { tour, resume } = await services.tours.pageLoaded(sender.tabId, data.url, {
          autoStart: !welcome,
        });
        // Compliance area: load the rules watcher at idle only where a page rule applies; else
        // the content script watches the global triggers (copy, clicks, marker texts) itself.
        const rules = await services.rules.service.forPage(data.url);
        return {
          welcome,
          tour,
          resume,
          rules: rules.load,
          ...(rules.triggers ? { ruleTriggers: rules.triggers } : {}),
        };
      },
    },
    'content:tourEvent': {
      from: ['content'],
      async handle(data, sender) {
        if (sender.kind !== 'content') throw new MessageRefused('content only');
        return services.tours.event(sender.tabId, data);
      },
    },
    'content:resumeTour': {
      from: ['content'],
      async handle(data, sender) {
        if (sender.kind !== 'content') throw new MessageRefused('content only');
        return services.tours.resume(sender.tabId, data.tourId, data.mode, data.url);
      },
    },
    'content:chooseRole': {
      from: ['content'],
      async handle(data, sender) {
        const role = requireRole(data.role);
        const view = await profile.setRole(role);
        await activity.record({
          type: 'role-chosen',
          tabId: sender.kind === 'content' ? sender.tabId : null,
          url: data.url,
          title: null,
          detail: { role },
        });
        return view;
      },
    },
    'content:dismissWelcome': {
      from: ['content'],
      async handle(data, sender) {
        await profile.dismissWelcome();
        await activity.record({
          type: 'welcome-dismissed',
          tabId: sender.kind === 'content' ? sender.tabId : null,
          url: data.url,
          title: null,
        });
      },
    },
    'content:loadOverlay': {
      from: ['content'],
      async handle(data, sender) {
        if (sender.kind !== 'content') throw new MessageRefused('content only');
        if (data?.part === 'views')
          await services.injectOverlay(sender.tabId, sender.frameId, 'views');
        else await services.injectOverlay(sender.tabId, sender.frameId);
        return { loaded: true };
      },
    },
    'page:getProfile': { from: ['extension-page'], handle: () => profile.view() },
    'page:setRole': {
      from: ['extension-page'],
      async handle(data) {
        const role = requireRole(data.role);
        const view = await profile.setRole(role);
        await activity.record({
          type: 'role-chosen',
          tabId: null,
          url: null,
          title: null,
          detail: { role },
        });
        return view;
      },
    },
    'page:getTabStatus': {
      from: ['extension-page'],
      async handle({ tabId }) {
        const page = await services.pingTab(tabId);
        return page
          ? { active: true, url: page.url, title: page.title }
          : { active: false, url: null, title: null };
      },
    },
    'page:listActivity': {
      from: ['extension-page'],
      handle: ({ tabId, limit }) =>
        activity.recent(tabId === undefined ? { limit } : { tabId, limit }),
    },
    'page:listTours': {
      from: ['extension-page'],
      async handle({ tabId }) {
        const url = tabId === null ? null : await services.tabUrl(tabId);
        // Tour speed (bench/tour): the learner is about to pick a tour for this page.
        if (tabId !== null && url !== null) {
          if (services.tourList.some((tour) => matchAnyUrlGlob(tour.applies.url, url)))
            services.warmOverlay?.(tabId);
        }
        const { role } = await profile.view();
        const listings: TourListing[] = [];
        for (const tour of services.tourList) {
          const progress = await services.progressOf(tour.id);
          listings.push({
            id: tour.id,
            title: tour.title,
            summary: tour.summary,
            module: tour.module,
            audience: [...tour.audience],
            stepCount: tour.steps.length,
            appliesHere: url !== null && matchAnyUrlGlob(tour.applies.url, url),
            forMyRole: role === null || tour.audience.includes(role),
            status: progress ?? 'not-started',
            examable: isExamable(tour),
          });
        }
        return listings;
      },
    },
    'page:startTour': {
      from: ['extension-page'],
      async handle({ tabId, tourId }) {
        const url = await services.tabUrl(tabId);
        if (url === null || !(await services.pingTab(tabId))) {
          return { started: false, reason: '指引未在该页面运行，请在政务系统页面中打开。' };
        }
        try {
          const instruction = await services.tours.start(tabId, tourId, url);
          const delivered = await services.sendTourInstruction(tabId, instruction);
          return delivered
            ? { started: true }
            : { started: false, reason: '页面没有响应，请刷新页面后重试。' };
        } catch (error) {
          if (error instanceof UnknownTour) return { started: false, reason: error.message };
          throw error;
        }
      },
    },
    'page:showWelcome': {
      from: ['extension-page'],
      async handle({ tabId }) {
        return { shown: await services.showWelcomeInTab(tabId) };
      },
    },
  };
}

/**
 * Runs one incoming message through its route: checks the sender first, then the handler.
 * Throws `MessageRefused` (delivered to the sender as a rejected promise) when not allowed.
 */
export async function dispatch<K extends IncomingType>(
  routes: Routes,
  type: K,
  data: GetDataType<ProtocolMap[K]>,
  sender: SenderCheck,
): Promise<GetReturnType<ProtocolMap[K]>> {
  const route = routes[type] as Route<K> | undefined;
  if (!route) throw new MessageRefused(`unknown message: ${String(type)}`);
  if (!sender.ok) throw new MessageRefused(sender.reason);
  if (!route.from.includes(sender.kind)) {
    throw new MessageRefused(`${String(type)} may not be sent from ${sender.kind}`);
  }
  return route.handle(data, sender);
}

export type { SenderInfo };
