/**
 * Markdown compiled to a small tree of safe nodes: what the tour step card draws (rich-dom.ts)
 * without shipping a Markdown parser to the page. Tours are compiled at build time
 * (features/tour/compiled.ts); the help views still parse at run time (Markdown.tsx). Plain data
 * (JSON), so it travels inside the tour from the background to the page.
 *
 * A node is a text (a string, shown as text: never markup), an element `[tag, ...children]`, or a
 * link `['a', href, ...children]` (http(s) only: other links are compiled to their text).
 */
export type RichTag =
  'p' | 'strong' | 'em' | 'code' | 'br' | 'del' | 'ul' | 'ol' | 'li' | 'blockquote' | 'pre';

export type RichNode = string | [RichTag, ...RichNode[]] | ['a', string, ...RichNode[]];
