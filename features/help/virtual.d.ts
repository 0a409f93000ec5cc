/** Validated help articles, produced at build time by features/help/build-plugin.ts. */
declare module 'virtual:zhiyin-help' {
  import type { HelpArticle } from './schema';

  const articles: HelpArticle[];
  export default articles;
}
