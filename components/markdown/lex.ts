import { Lexer, type Token } from 'marked';

/**
 * Shared by the React renderer (Markdown.tsx) and the build-time compiler (compile.ts): the
 * lexed sources, most recent last (a card re-renders with the same text), and the rules both
 * apply to what trainers wrote.
 */
const LEXED = new Map<string, Token[]>();
const LEXED_MAX = 64;

export function lexed(source: string): Token[] {
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

/**
 * marked escapes some characters in codespan/text tokens; the renderers escape again on output
 * (React, or textContent), so undo marked's escaping to show what the author wrote.
 */
export function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}
