/**
 * A target inside a dialog (a confirm box, a form in a modal): the card placed beside the target
 * lies over the dialog's own content — the summary the step asks the learner to check, the fields
 * above the button (issue 13). When the viewport has room, the card goes beside the dialog
 * instead, level with the target, and its arrow still points at the target.
 */
import type { Placement, VirtualElement } from '@floating-ui/dom';

/** Dialog boxes: ARIA and native dialogs, and the component libraries' dialog panels. */
const DIALOG_SELECTOR = [
  'dialog[open]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  // Element Plus / Element UI
  '.el-dialog',
  '.el-message-box',
  // Ant Design
  '.ant-modal-content',
  // layui
  '.layui-layer',
].join(', ');

/** Space kept between the card and the viewport's edge (as floating-ui's shift padding). */
const EDGE = 8;

/**
 * The dialog box holding `target` in its own document, or null. (A dialog as large as the page,
 * an app shell marked role=dialog, leaves no room beside it: {@link besideDialog} says so.)
 */
export function holdingDialog(target: Element): Element | null {
  return target.parentElement?.closest(DIALOG_SELECTOR) ?? null;
}

export interface BesideDialog {
  reference: VirtualElement;
  placements: Placement[];
}

/**
 * A reference that stretches the target across the dialog on one axis, with the sides where the
 * card (of the given size) fits outside the dialog — left or right first, so the card stays level
 * with the target —; null when it fits on no side (a dialog that fills the screen: the card then
 * goes beside the target as usual).
 */
export function besideDialog(
  target: Element,
  dialog: Element,
  card: { width: number; height: number },
  gap: number,
): BesideDialog | null {
  const view = target.ownerDocument.defaultView;
  const d = dialog.getBoundingClientRect();
  const t = target.getBoundingClientRect();
  if (!view || !d.width || !d.height || !t.width || !t.height) return null;
  const fits = (space: number, size: number) => space >= size + gap + EDGE;
  const across: Placement[] = [];
  if (fits(view.innerWidth - d.right, card.width)) across.push('right');
  if (fits(d.left, card.width)) across.push('left');
  const down: Placement[] = [];
  if (fits(view.innerHeight - d.bottom, card.height)) down.push('bottom');
  if (fits(d.top, card.height)) down.push('top');
  const sideways = across.length > 0;
  const placements = sideways ? across : down;
  if (placements.length === 0) return null;
  return {
    placements,
    reference: {
      contextElement: target,
      getBoundingClientRect: () => {
        const box = dialog.getBoundingClientRect();
        const own = target.getBoundingClientRect();
        return sideways
          ? DOMRectReadOnly.fromRect({ x: box.x, y: own.y, width: box.width, height: own.height })
          : DOMRectReadOnly.fromRect({ x: own.x, y: box.y, width: own.width, height: box.height });
      },
    },
  };
}
