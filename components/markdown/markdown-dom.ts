import { compileMarkdown } from './compile';
import { renderRich } from './rich-dom';

/**
 * Markdown → DOM nodes in one go (compile, then render): the framework-free twin of Markdown.tsx.
 * The tour card does not use it (it draws tours compiled at build time with rich-dom.ts and ships
 * no Markdown parser); tests/dom/overlay/markdown.test.tsx holds both renderers, through this
 * path, to the same output.
 */
export function renderMarkdown(source: string, doc: Document = document): DocumentFragment {
  return renderRich(compileMarkdown(source), doc);
}
