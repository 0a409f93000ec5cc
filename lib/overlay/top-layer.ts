/**
 * Keeps Zhiyin's overlay host above the page's top layer.
 *
 * z-index cannot beat the top layer: a `<dialog>` opened with showModal(), an open popover or a
 * fullscreen element is drawn above every z-index, and a modal dialog also makes everything outside
 * it inert (not clickable, not focusable). While the page has such an element open:
 * - the host becomes a manual popover and is (re)shown after the page's element, so it is the last
 *   entry of the top layer, drawn on top;
 * - while a modal dialog is open, the host is moved inside that dialog (as its last child), because
 *   per the HTML standard a top-layer element outside the topmost modal dialog stays inert even
 *   when drawn above it (whatwg/html#9936, #10811). It goes back to `<body>` when the dialog closes.
 * When nothing of the page is in the top layer, the host is an ordinary element at the end of
 * `<body>` again (no popover): nothing changes on pages that never use the top layer.
 *
 * Watching costs one MutationObserver on the `open` attribute (dialogs, `<details>` are filtered
 * out) and a capturing `toggle` listener, both only while the overlay is mounted.
 */

/** Inline styles of the host as a popover: no box of its own, children positioned as before. */
const POPOVER_HOST_STYLE: Partial<CSSStyleDeclaration> = {
  position: 'fixed',
  inset: '0px',
  width: '0px',
  height: '0px',
  margin: '0px',
  padding: '0px',
  border: '0px',
  overflow: 'visible',
  background: 'transparent',
  // UA popover styles would otherwise give the host a colour scheme box and an outline.
  color: 'inherit',
};

/**
 * Where the overlay host lives when nothing is in the top layer: `<body>`, or the root element on a
 * frameset page, whose `document.body` is the `<frameset>` (it renders only its frames: a host
 * inside it would never be drawn; one after it, in `<html>`, is drawn over the frames).
 */
export function overlayHome(doc: Document): HTMLElement | null {
  return doc.body?.localName === 'frameset' ? doc.documentElement : doc.body;
}

function supportsPopover(element: HTMLElement): boolean {
  return typeof element.showPopover === 'function';
}

function isPopoverOpen(element: Element): boolean {
  try {
    return element.matches(':popover-open');
  } catch {
    return false; // engines without the pseudo-class have no popovers either
  }
}

/** The page's open modal dialog that is drawn last (the one that blocks the rest). */
function topmostModal(doc: Document, host: Element): HTMLDialogElement | null {
  let modal: HTMLDialogElement | null = null;
  let dialogs: HTMLDialogElement[];
  try {
    dialogs = [...doc.querySelectorAll<HTMLDialogElement>('dialog:modal')];
  } catch {
    return null; // no :modal support: no modal dialogs to escape from
  }
  // Document order is only a fallback: the caller prefers the dialog it saw open last.
  for (const dialog of dialogs) if (!host.contains(dialog)) modal = dialog;
  return modal;
}

/** Something of the page is in the top layer (other than our host). */
function pageUsesTopLayer(doc: Document, host: Element): boolean {
  if (doc.fullscreenElement && !host.contains(doc.fullscreenElement)) return true;
  try {
    for (const element of doc.querySelectorAll(':popover-open, dialog:modal')) {
      if (element !== host && !host.contains(element)) return true;
    }
  } catch {
    return false;
  }
  return false;
}

/**
 * Start keeping `host` on top; returns the function that stops it (and puts the host back into
 * `<body>` as an ordinary element).
 */
export function keepOnTop(host: HTMLElement): () => void {
  const doc = host.ownerDocument;
  const view = doc.defaultView;
  if (!view || !supportsPopover(host)) return () => {};
  let lastOpened: HTMLDialogElement | null = null;
  let raising = false;
  let scheduled = false;
  let stopped = false;

  const home = (): HTMLElement | null => overlayHome(doc);
  // Our host moved into a dialog that the page then removes: notice and come back to <body>.
  let parentObserved: Node | null = null;
  function watchParent(): void {
    const dialogParent = host.parentElement?.parentNode ?? null;
    if (!dialogParent || dialogParent === parentObserved || host.parentElement === home()) return;
    parentObserved = dialogParent;
    observer.observe(dialogParent, { childList: true });
  }

  const applyPopoverStyle = (on: boolean) => {
    for (const [key, value] of Object.entries(POPOVER_HOST_STYLE)) {
      const property = key.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`);
      if (on) host.style.setProperty(property, String(value));
      else host.style.removeProperty(property);
    }
  };

  const raise = () => {
    scheduled = false;
    if (stopped || raising) return;
    raising = true;
    try {
      const needed = pageUsesTopLayer(doc, host);
      const openModal =
        lastOpened?.isConnected && lastOpened.matches(':modal') && !host.contains(lastOpened)
          ? lastOpened
          : topmostModal(doc, host);
      const parent = needed && openModal ? openModal : home();
      if (parent && host.parentElement !== parent) parent.append(host);
      if (needed) {
        if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
        applyPopoverStyle(true);
        // Re-showing moves the host to the end of the top layer: above what just opened.
        if (isPopoverOpen(host)) host.hidePopover();
        host.showPopover();
      } else if (host.hasAttribute('popover')) {
        if (isPopoverOpen(host)) host.hidePopover();
        host.removeAttribute('popover');
        applyPopoverStyle(false);
      }
    } finally {
      raising = false;
    }
    watchParent();
  };

  // Batch: a page often opens a dialog and touches it several times in one task.
  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    view.queueMicrotask(raise);
  };

  const observer = new view.MutationObserver((records) => {
    for (const record of records) {
      const target = record.target as Element;
      if (host.contains(target)) continue;
      if (record.type === 'attributes' && target.localName === 'dialog') {
        if (target.hasAttribute('open')) lastOpened = target as HTMLDialogElement;
        schedule();
      }
      if (record.type === 'childList' && !host.isConnected) schedule();
    }
  });
  observer.observe(doc.documentElement, {
    subtree: true,
    attributes: true,
    attributeFilter: ['open'],
  });
  const onToggle = (event: Event) => {
    const target = event.target as Element | null;
    if (!target || target === host || host.contains(target)) return;
    if (target.localName === 'dialog' && (event as ToggleEvent).newState === 'open')
      lastOpened = target as HTMLDialogElement;
    schedule();
  };
  const onFullscreen = () => schedule();
  doc.addEventListener('toggle', onToggle, true);
  doc.addEventListener('fullscreenchange', onFullscreen, true);
  raise();

  return () => {
    stopped = true;
    observer.disconnect();
    doc.removeEventListener('toggle', onToggle, true);
    doc.removeEventListener('fullscreenchange', onFullscreen, true);
    if (host.hasAttribute('popover')) {
      if (isPopoverOpen(host)) host.hidePopover();
      host.removeAttribute('popover');
      applyPopoverStyle(false);
    }
  };
}
