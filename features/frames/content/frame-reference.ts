/**
 * The card for a target inside a cross-origin frame: the owner frame cannot measure the target,
 * so it anchors the card to a virtual reference = the iframe element's box (plus border and
 * padding) in the top viewport + the rect the frame's agent reported in its own viewport. It
 * updates on scrolls and resizes of the top page (floating-ui `autoUpdate` on the iframe element
 * and any same-origin frames around it) and on every rect the frame reports (scrolls inside the
 * frame). Everything is removed by the returned cleanup.
 */
import { autoUpdate, type VirtualElement } from '@floating-ui/dom';
import type { FrameTarget } from './delegate';
import {
  frameAwareReference,
  frameChain,
  position,
  type AnchorOptions,
} from '../../../lib/overlay/position';

/** The target's box in the top viewport, from the iframe's box and the frame-reported rect. */
export function frameTargetReference(target: FrameTarget): VirtualElement {
  const frame = target.frameElement;
  const frameBox = frameAwareReference(frame);
  return {
    contextElement: frame,
    getBoundingClientRect() {
      const box = frameBox.getBoundingClientRect();
      const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
      const { rect } = target.current();
      const x = box.x + frame.clientLeft + parseFloat(style?.paddingLeft ?? '0') + rect.x;
      const y = box.y + frame.clientTop + parseFloat(style?.paddingTop ?? '0') + rect.y;
      return DOMRectReadOnly.fromRect({ x, y, width: rect.width, height: rect.height });
    },
  };
}

/** Keeps `card` next to a target inside a cross-origin frame; returns the cleanup. */
export function anchorFrameCard(
  target: FrameTarget,
  card: HTMLElement,
  options: AnchorOptions,
): () => void {
  const reference = frameTargetReference(target);
  const onUpdate = options.onUpdate;
  const placed: AnchorOptions = {
    ...options,
    // Scrolled out of the frame's own viewport counts as hidden too (the frame says so).
    onUpdate: (state) =>
      onUpdate?.({ ...state, targetHidden: state.targetHidden || target.current().hidden }),
  };
  const update = () => void position(reference, reference, card, placed);
  const cleanups = [autoUpdate(target.frameElement, card, update), target.subscribe(update)];
  for (const frame of frameChain(target.frameElement))
    cleanups.push(autoUpdate(frame, card, update));
  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}

/**
 * The frame already scrolled the target into its own view; this brings that spot of the iframe
 * into the top page's view when it is outside it.
 */
export function revealFrameTarget(target: FrameTarget): void {
  const view = target.frameElement.ownerDocument.defaultView;
  if (!view) return;
  const reference = frameTargetReference(target);
  const inView = () => {
    const rect = reference.getBoundingClientRect();
    return (
      rect.top >= 0 &&
      rect.bottom <= view.innerHeight &&
      rect.left >= 0 &&
      rect.right <= view.innerWidth
    );
  };
  if (inView()) return;
  target.frameElement.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  if (inView()) return;
  const rect = reference.getBoundingClientRect();
  view.scrollBy({ top: rect.top + rect.height / 2 - view.innerHeight / 2, behavior: 'instant' });
}
