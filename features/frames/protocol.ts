/**
 * Messages of the cross-origin frame delegation (features/tour/README.md, "Cross-origin frames").
 *
 * The frame that looked the step up (the *owner*, usually the top frame, which draws the card)
 * cannot read a cross-origin iframe. It asks the background (`content:frameLocate`), which finds
 * the iframe's frame id, injects the small frame agent there (entrypoints/frame-agent.ts) and
 * forwards the lookup (`bg:frameLocate`). The agent answers found / missing, then reports the
 * target's rect and the learner's actions (`content:frameUpdate`), which the background forwards
 * to the owner only (`bg:frameUpdate`). Every message crosses the background, which checks that
 * it comes from the frame it delegated to; nothing goes through `window.postMessage`, which the
 * page could read and forge.
 */
import type { MissingReason } from '../tour/runner';
import type { Locator, Target } from '../../lib/locate/locator';

/** A box in the delegated frame's own viewport (CSS px). */
export interface FrameRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the step waits for the learner to do on the target (the agent watches it). */
export type FrameAdvance = 'click' | 'input' | 'change' | 'none';

export interface FrameLocateRequest {
  /** Chosen by the owner (random): names this delegation in every later message. */
  id: string;
  stepIndex: number;
  /** The iframe's URL as the owner sees it (its `src`, absolute). */
  frameUrl: string;
  /** The rest of the step's `frame:` path, walked inside the delegated frame. */
  remainingFrames: Locator[];
  target: Target;
  timeoutMs: number;
  advance: FrameAdvance;
}

export type FrameLocateReply =
  | {
      kind: 'found';
      rect: FrameRect;
      /** The target is scrolled out of (or clipped away in) the frame's viewport. */
      hidden: boolean;
    }
  | { kind: 'missing'; reason: MissingReason };

export type FrameUpdate =
  /** The target moved in the frame's viewport (scroll, resize, layout shift). */
  | { id: string; kind: 'rect'; rect: FrameRect; hidden: boolean }
  /** The learner acted on the target inside the frame. */
  | {
      id: string;
      kind: 'action';
      action: 'click' | 'input' | 'change';
      value?: string;
      /** The value read after a pause in typing, not committed (features/tour/advance.ts). */
      typing?: boolean;
    }
  /** The frame navigated away or its document was unloaded. */
  | { id: string; kind: 'gone' };

/** Delegation ids are random UUIDs; anything else is refused by the background. */
export const DELEGATION_ID = /^[0-9a-f-]{36}$/;

/** Same frame URL, ignoring the fragment (a tab shell often adds one). */
export function sameFrameUrl(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

/** Cross-origin frame messages (routes: features/frames/background/routes.ts). */
export interface FramesMessages {
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
