import { defineExtensionMessaging } from '@webext-core/messaging';
import type {
  ContentTourEvent,
  ResumeOffer,
  TourInstruction,
} from '../features/tour/background/sessions';
import type { ActivityRecord, TourProgressStatus } from '../lib/db/database';
import type { PolicyInput, PolicyView } from '../lib/policy/policy';
import type {
  RuleActionMessage,
  RuleTriggers,
  TipDecision,
  TipResponseMessage,
  TipShownMessage,
} from '../features/rules/protocol';
import type {
  ReportCategory,
  ReportExportFile,
  ReportListItem,
  SubmitReportReply,
} from '../features/report';
import type { AudienceRole, TourModule } from '../features/tour/schema';
import type { Role } from '../features/profile/roles';
// Progress area (assessment, survey).
import type { SurveyAnswerInput } from '../features/survey/background/service';
import type { ConnectionTest, XapiStatusView } from '../features/xapi/background/service';
import type { LrsAuth } from '../features/xapi/config';
// Quizzes area (知识测验).
import type { QuizResultRecord } from '../lib/db/database';
import type { SubmitQuizRequest } from '../features/quiz/background/routes';
// Cross-origin frames.
import type {
  FrameLocateReply,
  FrameLocateRequest,
  FrameUpdate,
} from '../features/frames/protocol';

/** What a content script tells the background when it starts in a frame. */
export interface PageHello {
  /** Page URL; the background strips query and fragment values before storing anything. */
  url: string;
  title: string;
  /** True in the top-level frame, false inside iframes. */
  topFrame: boolean;
}

/** What the content script must show on this page, decided by the background. */
export interface PageInstructions {
  /** First run: no role chosen yet, show the welcome card (top frame only). */
  welcome: boolean;
  /** The tab's tour, continued on this page (or a first-visit tour just started). */
  tour: TourInstruction | null;
  /** An interrupted tour that applies here: offer to continue it. */
  resume: ResumeOffer | null;
  /**
   * Compliance area: a tip, marker or guard applies to this URL, so the top frame loads the rules
   * watcher (rules.js). Absent or false: it is loaded only if a tour step's guard or the first run
   * asks for it. SPA route changes re-send hello, so a rule applying later still loads it.
   */
  rules?: boolean;
  /**
   * Compliance area: when `rules` is not set, what the top frame watches itself (copy, clicks on
   * controls, marker texts) before loading rules.js on the first such event (features/rules/protocol.ts).
   */
  ruleTriggers?: RuleTriggers;
}

/** A tour as the popup lists it. */
export interface TourListing {
  id: string;
  title: string;
  summary: string;
  module: TourModule;
  audience: AudienceRole[];
  stepCount: number;
  /** The tour's `applies.url` matches the tab's page. */
  appliesHere: boolean;
  /** Meant for the learner's role (or no role chosen yet). */
  forMyRole: boolean;
  status: TourProgressStatus | 'not-started';
  /** Progress area: a task tour that can be taken as a practical assessment (实操考核). */
  examable?: boolean;
}

export interface ProfileView {
  role: Role | null;
  roleChosenAt: number | null;
}

export interface TabStatus {
  /** The content script reported in from this tab (the extension runs on this page). */
  active: boolean;
  url: string | null;
  title: string | null;
}

/**
 * The one message protocol. Names say direction: `content:*` are sent by content scripts,
 * `page:*` by extension pages (popup, options, dashboard), `bg:*` by the background to tabs.
 * Every message is handled by the single router in lib/messaging/router.ts, which checks the
 * sender before it runs a handler.
 */
export interface ProtocolMap {
  'content:hello'(data: PageHello): PageInstructions;
  'content:chooseRole'(data: { role: Role; url: string }): ProfileView;
  'content:dismissWelcome'(data: { url: string }): void;
  /**
   * Injects the overlay UI bundle into the sender's frame; resolves when it has run. With
   * `part: 'views'`, the overlay's React views (welcome, exam, survey, tips…) instead.
   */
  'content:loadOverlay'(data: { part?: 'views' } | undefined): { loaded: boolean };
  /** Injects the compliance-rules watcher (entrypoints/rules.ts) into the sender's frame. */
  'content:loadRules'(): { loaded: boolean };
  /** The rules watcher saw an action (page opened, export, copy, submit…): which tips to show. */
  'content:ruleAction'(data: RuleActionMessage): TipDecision[];
  'content:tipShown'(data: TipShownMessage): void;
  /** 我已知晓 / 稍后提醒 / 不再显示 — stored as the 操作记录 of 必须留存操作记录. */
  'content:tipResponse'(data: TipResponseMessage): void;
  /** Something happened in the tab's tour (button, target found/missing, user action). */
  'content:tourEvent'(data: ContentTourEvent): TourInstruction | null;
  /** 报告问题 from the overlay (e.g. a step whose target is missing); context is added here. */
  'content:submitReport'(data: {
    category: ReportCategory;
    description: string;
    url: string;
    title: string;
    topFrame: boolean;
  }): SubmitReportReply;
  'content:resumeTour'(data: {
    tourId: string;
    mode: 'continue' | 'restart' | 'discard';
    url: string;
  }): TourInstruction | null;

  'page:getProfile'(): ProfileView;
  'page:setRole'(data: { role: Role }): ProfileView;
  'page:getTabStatus'(data: { tabId: number }): TabStatus;
  'page:listActivity'(data: { tabId?: number; limit: number }): ActivityRecord[];
  /** Asks the tab's top frame to show the welcome card again (popup: 更换角色 / 重新开始引导). */
  'page:showWelcome'(data: { tabId: number }): { shown: boolean };
  /** Tours for the popup: every bundled tour, with whether it applies to the tab's page. */
  'page:listTours'(data: { tabId: number | null }): TourListing[];
  /** Starts a tour in a tab; fails with a readable reason when Zhiyin does not run there. */
  'page:startTour'(data: { tabId: number; tourId: string }): { started: boolean; reason?: string };
  /** 报告问题 from the popup, about the given tab (or none). */
  'page:submitReport'(data: {
    category: ReportCategory;
    description: string;
    tabId: number | null;
    /** From page:captureScreenshot, kept only if the learner did not drop it. */
    screenshot?: { dataUrl: string; masked: number } | null;
  }): SubmitReportReply;
  /**
   * A screenshot of the tab's visible area with passwords, sensitive fields and personal data
   * covered before capture. Refused where Zhiyin does not run (nothing could be covered there).
   */
  'page:captureScreenshot'(data: {
    tabId: number;
  }): { ok: true; dataUrl: string; masked: number } | { ok: false; reason: string };
  'page:listReports'(data: { limit: number }): ReportListItem[];
  /** Send again (failed) or send now (kept locally, once an endpoint exists). */
  'page:retryReports'(data: { ids: string[] }): ReportListItem[];
  'page:exportReports'(data: { ids?: string[] }): ReportExportFile;
  'page:deleteReports'(data: { ids: string[] }): void;
  'page:getPolicy'(): PolicyView;
  /** Options page 管理员设置; settings locked by the managed policy are left unchanged. */
  'page:savePolicy'(data: PolicyInput): PolicyView;

  // --- xAPI (options page 管理员设置 → 学习记录库; features/xapi/background/service.ts) ---
  /** Queue and delivery state of the xAPI outbox. */
  'page:xapiStatus'(): XapiStatusView;
  /** 立即发送: deliver queued statements now, also while backing off after a failure. */
  'page:xapiFlush'(): XapiStatusView;
  /** 重新发送被拒绝的记录: requeue the statements the LRS refused and try them again now. */
  'page:xapiRequeueRejected'(): { requeued: number; status: XapiStatusView };
  /** 测试连接: ask an LRS (the form's values, not necessarily saved) whether it accepts them. */
  'page:xapiTest'(data: { endpoint: string; auth: LrsAuth }): ConnectionTest;

  // --- Quizzes (知识测验, entrypoints/quiz; features/quiz/background/routes.ts) ---
  /** Grades the answers against the bundled quiz, stores and returns the result record. */
  'page:submitQuiz'(data: SubmitQuizRequest): QuizResultRecord;

  // --- Progress area: practical assessment, remedial training, survey (features/*/background/assessment-*) ---
  /**
   * Starts a task tour as a practical assessment (实操考核) in a tab, or (null: the dashboard) in
   * an open tab of the system where the tour applies.
   */
  'page:startExam'(data: { tabId: number | null; tourId: string }): {
    started: boolean;
    reason?: string;
  };
  /**
   * Starts the remedial training (补训) of an assessment attempt, in the given tab or (null) in an
   * open tab of the system where the tour applies.
   */
  'page:startRemedial'(data: { assessmentId: number; tabId: number | null }): {
    started: boolean;
    reason?: string;
  };
  /** 开始补训 on the exam result card in the page. */
  'content:startRemedial'(data: { assessmentId: number; url: string }): TourInstruction | null;
  /** A satisfaction survey answer (overlay, end of a tour or an assessment). */
  'content:surveyAnswer'(data: SurveyAnswerInput): { saved: true };

  'bg:showWelcome'(): { shown: boolean };
  /** A tour was started for this tab from outside the page (popup, help search). */
  'bg:tourInstruction'(data: TourInstruction): void;
  /** Cover personal data for a screenshot; replies once the covers are painted. */
  'bg:maskSensitive'(): { masked: number };
  'bg:unmaskSensitive'(): void;
  /** Is the content script alive in this frame, and on which page? */
  'bg:ping'(): { url: string; title: string };
  // -- Tour speed (bench/tour) --
  /**
   * The popup opened on this tab and a tour applies here: load the overlay bundle now (no DOM,
   * nothing shown) so a start a moment later does not wait for it.
   */
  'bg:warmOverlay'(): void;

  // --- Cross-origin frames (tour targets inside iframes of another origin; features/frames/background/routes.ts) ---
  /** Owner frame: look the step's target up inside a cross-origin iframe (found / missing). */
  'content:frameLocate'(data: FrameLocateRequest): FrameLocateReply;
  /** Delegated frame: the target's rect, the learner's action, or the frame going away. */
  'content:frameUpdate'(data: FrameUpdate): void;
  /** Owner frame: the step ended, stop watching in the delegated frame. */
  'content:frameRelease'(data: { id: string }): void;
  /** To the delegated frame's agent (entrypoints/frame-agent.ts). */
  'bg:frameLocate'(data: FrameLocateRequest): FrameLocateReply;
  'bg:frameRelease'(data: { id: string }): void;
  /** To the owner frame: a delegated frame's update, after the sender check. */
  'bg:frameUpdate'(data: FrameUpdate): void;
}

export const messenger = defineExtensionMessaging<ProtocolMap>({
  // Quiet in production; a page that is not ours may also be listening to the console.
  logger: undefined,
});
export const { sendMessage, onMessage } = messenger;
