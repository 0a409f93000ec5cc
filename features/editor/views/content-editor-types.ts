import type { HelpArticle } from '../../help/schema';
import type { RuleSet } from '../../rules/schema';
import type { Tour } from '../../tour/schema';

/** The content in force (./use-in-force.ts), as the editor's views receive it. */
export interface InForce {
  tours: readonly Tour[];
  articles: readonly HelpArticle[];
  rules: RuleSet;
}
