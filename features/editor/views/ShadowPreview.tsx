/**
 * A preview drawn with the styles of where the learner sees it (the popup's, or the overlay's on
 * a page), isolated in an open shadow root so neither those styles nor the editor's leak across.
 * It stays in the accessibility tree (a screen reader reads the preview like the rest of the
 * page); its buttons do nothing here.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export function ShadowPreview({
  css,
  rootClassName,
  label,
  children,
}: {
  /** Style sheets (text) of the place the content is drawn in. */
  css: readonly string[];
  /** Class of the element the content is drawn into (e.g. the overlay's `zy-root`). */
  rootClassName: string;
  /** What the preview shows, for screen readers. */
  label: string;
  children: ReactNode;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [mount, setMount] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    shadow.replaceChildren();
    const style = document.createElement('style');
    style.textContent = css.join('\n');
    const root = document.createElement('div');
    root.className = rootClassName;
    shadow.append(style, root);
    setMount(root);
    return () => setMount(null);
  }, [css, rootClassName]);
  return (
    <div
      ref={host}
      className="zy-editor-shadow"
      role="group"
      aria-label={label}
      data-testid="editor-preview"
    >
      {mount ? createPortal(children, mount) : null}
    </div>
  );
}
