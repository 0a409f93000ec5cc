import type { Token, Tokens } from 'marked';
import { Fragment, type ReactNode } from 'react';
import { decode, isWebLink, lexed } from './lex';

export { isWebLink };

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
