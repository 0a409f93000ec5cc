/**
 * The one message protocol: the union of every feature's messages (features/<feature>/protocol.ts)
 * plus the few that belong to no feature (a page saying hello, the overlay bundle, tab status).
 * Names say direction: `content:*` are sent by content scripts, `page:*` by extension pages
 * (popup, options, dashboard, quiz), `bg:*` by the background to tabs. Every incoming message has
 * exactly one route (app/background/registry.ts composes them; tests/unit/codebase proves it), and
 * the router checks the sender before a handler runs (lib/messaging/router.ts).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { DashboardMessages } from '../features/dashboard/protocol';
import type { HelpMessages } from '../features/help/protocol';
import type { ExamMessages } from '../features/exam/protocol';
import type { FramesMessages } from '../features/frames/protocol';
import type { ProfileMessages } from '../features/profile/protocol';
import type { ProgressMessages } from '../features/progress/protocol';
import type { QuizMessages } from '../features/quiz/protocol';
import type { ReportMessages } from '../features/report/protocol';
import type { RulesMessages } from '../features/rules/protocol';
import type { SettingsMessages } from '../features/settings/protocol';
import type { SurveyMessages } from '../features/survey/protocol';
import type { ResumeOffer, TourInstruction, TourMessages } from '../features/tour/protocol';
import type { XapiMessages } from '../features/xapi/protocol';
import type { RuleTriggers } from '../features/rules/helpers';
import type { AuthorMessages } from '../features/author/protocol';
import type { PacksMessages } from '../features/packs/protocol';
import type { EditorMessages } from '../features/editor/protocol';

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
  /**
   * First run of a learner whose group the policy sets: no welcome card, the first-run tips
   * straight away (top frame only, once).
   */
  firstRun?: boolean;
  /** The tab's tour, continued on this page (or a first-visit tour just started). */
  tour: TourInstruction | null;
  /** An interrupted tour that applies here: offer to continue it. */
  resume: ResumeOffer | null;
  /**
   * A tip, marker or guard applies to this URL, so the top frame loads the rules watcher
   * (rules.js). Absent or false: it is loaded only if a tour step's guard or the first run asks for
   * it. SPA route changes re-send hello, so a rule applying later still loads it.
   */
  rules?: boolean;
  /**
   * When `rules` is not set, what the top frame watches itself (copy, clicks on controls, marker
   * texts) before loading rules.js on the first such event (features/rules/protocol.ts).
   */
  ruleTriggers?: RuleTriggers;
}

export interface TabStatus {
  /** The content script reported in from this tab (the extension runs on this page). */
  active: boolean;
  url: string | null;
  title: string | null;
}

/** Messages that belong to no single feature (routes: app/background/core-routes.ts). */
export interface CoreMessages {
  'content:hello'(data: PageHello): PageInstructions;
  /**
   * Injects the overlay UI bundle into the sender's frame; resolves when it has run. With
   * `part: 'views'`, the overlay's React views (welcome, exam, survey, tips…) instead.
   */
  'content:loadOverlay'(data: { part?: 'views' } | undefined): { loaded: boolean };
  'page:getTabStatus'(data: { tabId: number }): TabStatus;
  /** Is the content script alive in this frame, and on which page? */
  'bg:ping'(): { url: string; title: string };
  /**
   * The popup opened on this tab and a tour applies here: load the overlay bundle now (no DOM,
   * nothing shown) so a start a moment later does not wait for it (bench/tour).
   */
  'bg:warmOverlay'(): void;
}

export interface ProtocolMap
  extends
    CoreMessages,
    TourMessages,
    ExamMessages,
    SurveyMessages,
    ProfileMessages,
    ProgressMessages,
    RulesMessages,
    ReportMessages,
    SettingsMessages,
    XapiMessages,
    QuizMessages,
    FramesMessages,
    DashboardMessages,
    HelpMessages,
    AuthorMessages,
    PacksMessages,
    EditorMessages {}

export const messenger = defineExtensionMessaging<ProtocolMap>({
  // Quiet in production; a page that is not ours may also be listening to the console.
  logger: undefined,
});
export const { sendMessage, onMessage } = messenger;
