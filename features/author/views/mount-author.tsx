/**
 * Author mode in a page: mounts the element picker (AuthorPicker) in its own shadow root (closed in
 * production builds, lib/overlay/shadow-mode.ts),
 * `<zhiyin-author>`, appended to `<body>` only while a trainer has author mode on (learners never
 * get it). Esc or 退出 removes it again and every listener the picker put on the page.
 */
import { createRoot } from 'react-dom/client';
import { keepOnTop } from '../../../lib/overlay/top-layer';
import { OVERLAY_SHADOW_MODE } from '../../../lib/overlay/shadow-mode';
import { AuthorPicker } from './AuthorPicker';

export const AUTHOR_HOST_TAG = 'zhiyin-author';

const OWN_HOSTS = new Set([AUTHOR_HOST_TAG, 'zhiyin-overlay']);

/** Starts author mode in `doc` (once; a second call while it runs does nothing). */
export function startAuthorMode(doc: Document = document): { stop(): void } {
  const existing = doc.querySelector(AUTHOR_HOST_TAG);
  if (existing) return { stop: () => existing.remove() };
  const host = doc.createElement(AUTHOR_HOST_TAG);
  const shadow = host.attachShadow({ mode: OVERLAY_SHADOW_MODE });
  // The page's inherited styles stop at the host; the picker styles itself inline.
  const style = doc.createElement('style');
  style.textContent =
    ':host { all: initial; } pre, code, textarea { font-family: ui-monospace, Menlo, Consolas, monospace; }';
  const container = doc.createElement('div');
  shadow.append(style, container);
  doc.body.append(host);
  const root = createRoot(container);
  const stopOnTop = keepOnTop(host);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    stopOnTop();
    root.unmount();
    host.remove();
  };
  root.render(
    <AuthorPicker
      document={doc}
      onExit={stop}
      isOwnUi={(element) => OWN_HOSTS.has(element.localName)}
    />,
  );
  return { stop };
}
