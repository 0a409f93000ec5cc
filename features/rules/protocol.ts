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

/** Compliance-tip messages (routes: features/rules/background/routes.ts; content: features/rules/content). */
export interface RulesMessages {
  /** Injects the compliance-rules watcher (entrypoints/rules.ts) into the sender's frame. */
  'content:loadRules'(): { loaded: boolean };
  /** The rules watcher saw an action (page opened, export, copy, submit…): which tips to show. */
  'content:ruleAction'(data: RuleActionMessage): TipDecision[];
  'content:tipShown'(data: TipShownMessage): void;
  /** 我已知晓 / 稍后提醒 / 不再显示 — stored as the 操作记录 of 必须留存操作记录. */
  'content:tipResponse'(data: TipResponseMessage): void;
}
