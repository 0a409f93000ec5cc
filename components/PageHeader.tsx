import type { ReactNode } from 'react';

/**
 * The top of an extension page (popup, options, dashboard, editor, quiz, org report): the 指 mark,
 * which screen readers skip, then the children (the page's `<h1>`, a print button). Styled by
 * components/pages/pages.css (`.zy-header`, `.zy-mark`).
 */
export function PageHeader({ children }: { children: ReactNode }) {
  return (
    <header className="zy-header">
      <span className="zy-mark" aria-hidden="true">
        指
      </span>
      {children}
    </header>
  );
}
