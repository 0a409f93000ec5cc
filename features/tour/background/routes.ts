import { MessageRefused, type RouteTable } from '../../../lib/messaging/router';
import { isExamable } from '../../exam/exam';
import type { Role } from '../../profile/roles';
import { matchAnyUrlGlob } from '../match';
import type { TourInstruction, TourListing, TourMessages } from '../protocol';
import type { TourProgressStatus } from '../records';
import type { Tour } from '../schema';
import { UnknownTour, type TourSessions } from './sessions';
import { localizeTour } from './localize';
import type { Language } from '../../../lib/settings/preferences';

/** Why the popup could not start a tour, in the learner's language. */
const START_REFUSED = {
  notHere: {
    zh_CN: '指引未在该页面运行，请在政务系统页面中打开。',
    en: 'Zhiyin does not run on this page: open it on a page of the e-government system.',
  },
  noAnswer: {
    zh_CN: '页面没有响应，请刷新页面后重试。',
    en: 'The page did not answer: reload it and try again.',
  },
  unknown: {
    zh_CN: (id: string) => `未找到引导「${id}」`,
    en: (id: string) => `No tour “${id}” was found.`,
  },
} as const;

/** What the tour routes need from the background. */
export interface TourRouteServices {
  tours: TourSessions;
  /** All bundled tours (validated at build time). */
  tourList: readonly Tour[];
  /** A tour's progress status, or null when never started. */
  progressOf(tourId: string): Promise<TourProgressStatus | null>;
  /** The learner's role (null: not chosen yet). */
  role(): Promise<Role | null>;
  /** The learner's 界面语言 (tour titles and refusals are given in it); Chinese when absent. */
  language?(): Promise<Language>;
  /** The URL of a tab's page, or null when it cannot be read. */
  tabUrl(tabId: number): Promise<string | null>;
  /** Asks a tab's top frame whether the content script is alive. */
  pingTab(tabId: number): Promise<unknown>;
  /** Hands a tour instruction to a tab's top frame; false when no content script answers. */
  sendTourInstruction(tabId: number, instruction: TourInstruction): Promise<boolean>;
  /** Asks a tab's top frame to load the overlay bundle ahead of a likely start (bench/tour). */
  warmOverlay?(tabId: number): void;
}

/** The tab's tour (events from the page, resume) and the popup's tour list and start. */
export function createTourRoutes(services: TourRouteServices): RouteTable<TourMessages> {
  return {
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
    'content:tourText': {
      from: ['content'],
      async handle({ run, language }, sender) {
        if (sender.kind !== 'content') throw new MessageRefused('content only');
        if (language !== 'en' && language !== 'zh_CN') throw new MessageRefused('unknown language');
        return services.tours.tourText(sender.tabId, run, language);
      },
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
        const role = await services.role();
        const language = (await services.language?.()) ?? 'zh_CN';
        const listings: TourListing[] = [];
        for (const tour of services.tourList) {
          const progress = await services.progressOf(tour.id);
          const { title, summary } = localizeTour(tour, language);
          listings.push({
            id: tour.id,
            title,
            summary,
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
        // Read together: each is a browser round trip, and the start waits for all three.
        const [language, url, reachable] = await Promise.all([
          services.language ? services.language() : Promise.resolve<Language>('zh_CN'),
          services.tabUrl(tabId),
          services.pingTab(tabId),
        ]);
        if (url === null || !reachable) {
          return { started: false, reason: START_REFUSED.notHere[language] };
        }
        try {
          const instruction = await services.tours.start(tabId, tourId, url);
          const delivered = await services.sendTourInstruction(tabId, instruction);
          return delivered
            ? { started: true }
            : { started: false, reason: START_REFUSED.noAnswer[language] };
        } catch (error) {
          if (error instanceof UnknownTour)
            return { started: false, reason: START_REFUSED.unknown[language](tourId) };
          throw error;
        }
      },
    },
  };
}
