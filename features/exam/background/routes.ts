import type { ExamMessages } from '../protocol';
import type { Tour } from '../../tour/schema';
import { MessageRefused, requireService, type RouteTable } from '../../../lib/messaging/router';
import type { SurveyService } from '../../survey/background/service';
import { NotExamable, UnknownTour, type TourSessions } from '../../tour/background/sessions';
import type { AssessmentRecord } from '../records';
import type { TourInstruction } from '../../tour/protocol';

/** What the assessment and remedial routes need from the background. */
export interface AssessmentRouteServices {
  tours: TourSessions;
  surveys: SurveyService;
  /** An assessment attempt by id. */
  assessment(id: number): Promise<AssessmentRecord | undefined>;
  /** The page address of a tab, or null. */
  tabUrl(tabId: number): Promise<string | null>;
  /** Whether Zhiyin's content script answers in the tab's top frame. */
  pingTab(tabId: number): Promise<unknown>;
  sendTourInstruction(tabId: number, instruction: TourInstruction): Promise<boolean>;
  /** An open tab of a configured host where the tour applies (Zhiyin running there), or null. */
  findTabFor(tour: Tour): Promise<number | null>;
  /** Brings a tab to the front. */
  focusTab(tabId: number): Promise<void>;
}

const NOT_RUNNING = '指引未在该页面运行，请在政务系统页面中打开。';
const NO_ANSWER = '页面没有响应，请刷新页面后重试。';
const openPageFirst = (title: string) =>
  `请先在浏览器中打开「${title}」所在的业务页面，再从这里开始。`;

async function remedialOf(services: AssessmentRouteServices, assessmentId: number) {
  const record = Number.isInteger(assessmentId)
    ? await services.assessment(assessmentId)
    : undefined;
  if (!record) throw new MessageRefused('未找到该考核记录');
  if (record.remedialStepIds.length === 0) throw new MessageRefused('该次考核没有需要补训的步骤');
  return record;
}

export function createAssessmentRoutes(
  services: AssessmentRouteServices | undefined,
): RouteTable<ExamMessages> {
  const need = requireService(services, 'assessments are not available');
  const deliver = async (
    tabId: number,
    start: (url: string) => Promise<TourInstruction>,
  ): Promise<{ started: boolean; reason?: string }> => {
    const s = need();
    const url = await s.tabUrl(tabId);
    if (url === null || !(await s.pingTab(tabId))) return { started: false, reason: NOT_RUNNING };
    try {
      const instruction = await start(url);
      return (await s.sendTourInstruction(tabId, instruction))
        ? { started: true }
        : { started: false, reason: NO_ANSWER };
    } catch (error) {
      if (error instanceof UnknownTour || error instanceof NotExamable)
        return { started: false, reason: error.message };
      throw error;
    }
  };

  return {
    'page:startExam': {
      from: ['extension-page'],
      async handle({ tabId, tourId }) {
        const s = need();
        const tour = s.tours.tour(tourId);
        if (!tour) return { started: false, reason: new UnknownTour(tourId).message };
        const target = tabId ?? (await s.findTabFor(tour));
        if (target === null) return { started: false, reason: openPageFirst(tour.title) };
        const reply = await deliver(target, (url) => s.tours.startExam(target, tourId, url));
        if (reply.started && tabId === null) await s.focusTab(target);
        return reply;
      },
    },
    'page:startRemedial': {
      from: ['extension-page'],
      async handle({ assessmentId, tabId }) {
        const s = need();
        const record = await remedialOf(s, assessmentId);
        const tour = s.tours.tour(record.tourId);
        if (!tour) return { started: false, reason: new UnknownTour(record.tourId).message };
        const target = tabId ?? (await s.findTabFor(tour));
        if (target === null) return { started: false, reason: openPageFirst(tour.title) };
        const reply = await deliver(target, (url) =>
          s.tours.startRemedial(target, record.tourId, url, assessmentId, record.remedialStepIds),
        );
        if (reply.started) await s.focusTab(target);
        return reply;
      },
    },
    'content:startRemedial': {
      from: ['content'],
      async handle({ assessmentId, url }, sender) {
        if (sender.kind !== 'content' || sender.frameId !== 0)
          throw new MessageRefused('top frame only');
        const s = need();
        const record = await remedialOf(s, assessmentId);
        return s.tours.startRemedial(
          sender.tabId,
          record.tourId,
          typeof url === 'string' ? url : sender.url,
          assessmentId,
          record.remedialStepIds,
        );
      },
    },
  };
}
