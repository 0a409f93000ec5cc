import { Lexer, type Token, type Tokens } from 'marked';
import { Fragment, type ReactNode } from 'react';

/**
 * Tour and help text is Markdown written by trainers: rendered to React elements from marked's
 * token stream, never through innerHTML, so nothing in it can become markup or script. Raw HTML
 * in the source shows as text; links are kept only for http(s) and open in a new tab.
 * Supported: paragraphs, line breaks, **bold**, *italic*, `code`, links, lists, headings (as bold
 * lines), block quotes. Anything else is shown as its text.
 */
export function Markdown({ source }: { source: string }) {
  return <>{renderBlocks(lexed(source))}</>;
}

/** Lexed sources, most recent last: a card re-renders (confirmed, repositioned) with the same text. */
const LEXED = new Map<string, Token[]>();
const LEXED_MAX = 64;

function lexed(source: string): Token[] {
  const known = LEXED.get(source);
  if (known) {
    LEXED.delete(source);
    LEXED.set(source, known);
    return known;
  }
  const tokens = new Lexer({ gfm: true, breaks: true }).lex(source);
  LEXED.set(source, tokens);
  if (LEXED.size > LEXED_MAX) LEXED.delete(LEXED.keys().next().value as string);
  return tokens;
}

function renderBlocks(tokens: Token[]): ReactNode[] {
  return tokens.map((token, index) => {
    switch (token.type) {
      case 'space':
        return null;
      case 'paragraph':
        return <p key={index}>{renderInline((token as Tokens.Paragraph).tokens)}</p>;
      case 'heading':
        return (
          <p key={index}>
            <strong>{renderInline((token as Tokens.Heading).tokens)}</strong>
          </p>
        );
      case 'list': {
        const list = token as Tokens.List;
        const items = list.items.map((item, itemIndex) => (
          <li key={itemIndex}>{renderBlocks(item.tokens)}</li>
        ));
        return list.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
      }
      case 'blockquote':
        return (
          <blockquote key={index}>{renderBlocks((token as Tokens.Blockquote).tokens)}</blockquote>
        );
      case 'text': {
        const text = token as Tokens.Text;
        return (
          <Fragment key={index}>
            {text.tokens ? renderInline(text.tokens) : decode(text.text)}
          </Fragment>
        );
      }
      case 'code':
        return (
          <pre key={index}>
            <code>{(token as Tokens.Code).text}</code>
          </pre>
        );
      default:
        return <p key={index}>{'raw' in token ? String(token.raw) : ''}</p>;
    }
  });
}

function renderInline(tokens: Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((token, index) => {
    switch (token.type) {
      case 'strong':
        return <strong key={index}>{renderInline((token as Tokens.Strong).tokens)}</strong>;
      case 'em':
        return <em key={index}>{renderInline((token as Tokens.Em).tokens)}</em>;
      case 'codespan':
        return <code key={index}>{decode((token as Tokens.Codespan).text)}</code>;
      case 'br':
        return <br key={index} />;
      case 'del':
        return <del key={index}>{renderInline((token as Tokens.Del).tokens)}</del>;
      case 'link': {
        const link = token as Tokens.Link;
        const content = renderInline(link.tokens);
        return isWebLink(link.href) ? (
          <a key={index} href={link.href} target="_blank" rel="noopener noreferrer">
            {content}
          </a>
        ) : (
          <Fragment key={index}>{content}</Fragment>
        );
      }
      case 'text': {
        const text = token as Tokens.Text;
        return (
          <Fragment key={index}>
            {text.tokens ? renderInline(text.tokens) : decode(text.text)}
          </Fragment>
        );
      }
      default:
        // html, image and anything unknown: show what the author typed, as text.
        return <Fragment key={index}>{'raw' in token ? String(token.raw) : ''}</Fragment>;
    }
  });
}

export function isWebLink(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

// marked escapes some characters in codespan/text tokens; React escapes again on output, so undo
// marked's escaping to show what the author wrote.
function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}
