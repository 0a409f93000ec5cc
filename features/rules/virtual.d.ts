/** Validated compliance rules, produced at build time by features/rules/build-plugin.ts. */
declare module 'virtual:zhiyin-rules' {
  import type { RuleSet } from './schema';

  const rules: RuleSet;
  export default rules;
}
