/**
 * Message shapes between the content script and the background for tips, to be added to
 * app/protocol.ts `ProtocolMap` (the lead owns that file):
 * ```ts
 * 'content:ruleAction'(data: RuleActionMessage): TipDecision[];
 * 'content:tipShown'(data: TipShownMessage): void;
 * 'content:tipResponse'(data: TipResponseMessage): void;
 * ```
 * The background handles them with features/rules/background/service.ts (`onAction`, `onShown`, `onResponse`),
 * after its router has checked the sender (tab id + frame; `url` must be the sender's URL).
 */
import type { RuleAction, TipDecision } from './engine';
import type { TipResponse } from './records';

export type { RuleAction, TipDecision, TipResponse };

/** An action the watcher saw in the top frame (or a same-origin child frame reported through it). */
export interface RuleActionMessage {
  url: string;
  action: RuleAction;
}

export interface TipShownMessage {
  tipId: string;
  contentVersion: number;
}

export interface TipResponseMessage {
  tipId: string;
  contentVersion: number;
  response: TipResponse;
  url: string;
  /** The action that brought the tip up; stored (without any copied content) in the record. */
  action?: RuleAction;
}

/**
 * Triggers the content script itself watches on a page where no page-specific rule applies, so the
 * rules bundle (rules.js) is loaded only when one fires (hello reply, `ruleTriggers`):
 * - `copy`: a copy tip applies here; the first `copy` loads rules.js and is handed to its watcher;
 * - `click`: an export/submit tip applies here; the first click on a control does the same;
 * - `markerTexts`: texts of the markers that apply on every page (`无权限访问`); when the page
 *   holds one (page open, route change, once at idle), rules.js is loaded to check it properly.
 */
export interface RuleTriggers {
  copy: boolean;
  click: boolean;
  markerTexts: string[];
}
