import type { Token, Tokens } from 'marked';
import { decode, isWebLink, lexed } from './lex';

/**
 * The framework-free twin of Markdown.tsx (the tour step card draws without React): the same
 * token walk, to DOM nodes made with createElement and text nodes, never innerHTML, so nothing in
 * the source becomes markup or script. Raw HTML shows as text; links only for http(s), in a new
 * tab. tests/dom/overlay/markdown.test.tsx holds both renderers to the same output.
 */
export function renderMarkdown(source: string, doc: Document = document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  appendBlocks(fragment, lexed(source), doc);
  return fragment;
}

type Parent = DocumentFragment | Element;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  parent: Parent,
  tag: K,
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  parent.append(element);
  return element;
}

function appendBlocks(parent: Parent, tokens: Token[], doc: Document): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        break;
      case 'paragraph':
        appendInline(el(doc, parent, 'p'), (token as Tokens.Paragraph).tokens, doc);
        break;
      case 'heading':
        appendInline(
          el(doc, el(doc, parent, 'p'), 'strong'),
          (token as Tokens.Heading).tokens,
          doc,
        );
        break;
      case 'list': {
        const list = token as Tokens.List;
        const element = el(doc, parent, list.ordered ? 'ol' : 'ul');
        for (const item of list.items) appendBlocks(el(doc, element, 'li'), item.tokens, doc);
        break;
      }
      case 'blockquote':
        appendBlocks(el(doc, parent, 'blockquote'), (token as Tokens.Blockquote).tokens, doc);
        break;
      case 'text': {
        const text = token as Tokens.Text;
        if (text.tokens) appendInline(parent, text.tokens, doc);
        else parent.append(decode(text.text));
        break;
      }
      case 'code':
        el(doc, el(doc, parent, 'pre'), 'code').textContent = (token as Tokens.Code).text;
        break;
      default:
        el(doc, parent, 'p').textContent = 'raw' in token ? String(token.raw) : '';
    }
  }
}

function appendInline(parent: Parent, tokens: Token[] | undefined, doc: Document): void {
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        appendInline(el(doc, parent, 'strong'), (token as Tokens.Strong).tokens, doc);
        break;
      case 'em':
        appendInline(el(doc, parent, 'em'), (token as Tokens.Em).tokens, doc);
        break;
      case 'codespan':
        el(doc, parent, 'code').textContent = decode((token as Tokens.Codespan).text);
        break;
      case 'br':
        el(doc, parent, 'br');
        break;
      case 'del':
        appendInline(el(doc, parent, 'del'), (token as Tokens.Del).tokens, doc);
        break;
      case 'link': {
        const link = token as Tokens.Link;
        if (isWebLink(link.href)) {
          const anchor = el(doc, parent, 'a');
          anchor.href = link.href;
          anchor.target = '_blank';
          anchor.rel = 'noopener noreferrer';
          appendInline(anchor, link.tokens, doc);
        } else {
          appendInline(parent, link.tokens, doc);
        }
        break;
      }
      case 'text': {
        const text = token as Tokens.Text;
        if (text.tokens) appendInline(parent, text.tokens, doc);
        else parent.append(decode(text.text));
        break;
      }
      default:
        // html, image and anything unknown: show what the author typed, as text.
        parent.append('raw' in token ? String(token.raw) : '');
    }
  }
}
