import type { Token, Tokens } from 'marked';
import { decode, isWebLink, lexed } from './lex';
import type { RichNode, RichTag } from './rich';

/**
 * Markdown → rich nodes (rich.ts), from marked's tokens with the rules Markdown.tsx applies: raw
 * HTML and anything unknown as its text, links only for http(s), headings as bold lines. Runs at
 * build time (tours) and in tests; the page renders the result with rich-dom.ts.
 */
export function compileMarkdown(source: string): RichNode[] {
  return blocks(lexed(source));
}

const element = (tag: RichTag, children: RichNode[]): RichNode => [tag, ...children];

function blocks(tokens: Token[]): RichNode[] {
  const out: RichNode[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        break;
      case 'paragraph':
        out.push(element('p', inline((token as Tokens.Paragraph).tokens)));
        break;
      case 'heading':
        out.push(element('p', [element('strong', inline((token as Tokens.Heading).tokens))]));
        break;
      case 'list': {
        const list = token as Tokens.List;
        out.push(
          element(
            list.ordered ? 'ol' : 'ul',
            list.items.map((item) => element('li', blocks(item.tokens))),
          ),
        );
        break;
      }
      case 'blockquote':
        out.push(element('blockquote', blocks((token as Tokens.Blockquote).tokens)));
        break;
      case 'text':
        out.push(...text(token as Tokens.Text));
        break;
      case 'code':
        out.push(element('pre', [element('code', [(token as Tokens.Code).text])]));
        break;
      default:
        out.push(element('p', ['raw' in token ? String(token.raw) : '']));
    }
  }
  return out;
}

/** A text token: its inline tokens when marked split it further, else its (decoded) text. */
function text(token: Tokens.Text): RichNode[] {
  return token.tokens ? inline(token.tokens) : [decode(token.text)];
}

function inline(tokens: Token[] | undefined): RichNode[] {
  const out: RichNode[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        out.push(element('strong', inline((token as Tokens.Strong).tokens)));
        break;
      case 'em':
        out.push(element('em', inline((token as Tokens.Em).tokens)));
        break;
      case 'codespan':
        out.push(element('code', [decode((token as Tokens.Codespan).text)]));
        break;
      case 'br':
        out.push(['br']);
        break;
      case 'del':
        out.push(element('del', inline((token as Tokens.Del).tokens)));
        break;
      case 'link': {
        const link = token as Tokens.Link;
        if (isWebLink(link.href)) out.push(['a', link.href, ...inline(link.tokens)]);
        else out.push(...inline(link.tokens));
        break;
      }
      case 'text':
        out.push(...text(token as Tokens.Text));
        break;
      default:
        // html, image and anything unknown: show what the author typed, as text.
        out.push('raw' in token ? String(token.raw) : '');
    }
  }
  return out;
}
