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
import type { RuleSet } from './schema';

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
 * The rules in force (bundled + applied content packs, features/packs/catalog.ts `mergeRules`) as
 * the page-side watcher and field guards run them. `revision` names this content (a hash of it):
 * the same revision is the same rules.
 */
export interface RulesInForce {
  rules: RuleSet;
  revision: string;
}

/** Compliance-tip messages (routes: features/rules/background/routes.ts; content: features/rules/content). */
export interface RulesMessages {
  /** Injects the compliance-rules watcher (entrypoints/rules.ts) into the sender's frame. */
  'content:loadRules'(): { loaded: boolean };
  /** The rules watcher saw an action (page opened, export, copy, submit…): which tips to show. */
  'content:ruleAction'(data: RuleActionMessage): TipDecision[];
  'content:tipShown'(data: TipShownMessage): void;
  /** 我已知晓 / 稍后提醒 / 不再显示 — stored as the 操作记录 of 必须留存操作记录. */
  'content:tipResponse'(data: TipResponseMessage): void;
  /**
   * The rules watcher's markers and field guards: the rules in force, content packs included
   * (rules.js carries only the bundled set, its fallback when the background does not answer).
   */
  'content:rulesInForce'(): RulesInForce;
  /**
   * The rules in force changed (a content pack applied, replaced or dropped a rule): the page's
   * running watcher asks for them again (`content:rulesInForce`) and swaps them in, no reload.
   */
  'bg:rulesChanged'(data: { revision: string }): void;
}
