import type { RichNode } from './rich';

/**
 * Rich nodes (rich.ts, Markdown compiled at build time) → DOM, for the tour step card: elements
 * made with createElement and text nodes, never innerHTML, so no text becomes markup or script.
 * Links open in a new tab; compileMarkdown already kept only http(s) links.
 */
export function renderRich(nodes: readonly RichNode[], doc: Document = document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  append(fragment, nodes, doc);
  return fragment;
}

function append(parent: DocumentFragment | Element, nodes: readonly RichNode[], doc: Document) {
  for (const node of nodes) {
    if (typeof node === 'string') {
      parent.append(node);
    } else if (node[0] === 'a') {
      const [, href, ...children] = node;
      const anchor = doc.createElement('a');
      anchor.href = href;
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer';
      append(anchor, children, doc);
      parent.append(anchor);
    } else {
      const [tag, ...children] = node;
      const element = doc.createElement(tag);
      append(element, children, doc);
      parent.append(element);
    }
  }
}
