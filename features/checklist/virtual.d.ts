/** Validated onboarding checklists, produced at build time by features/checklist/build-plugin.ts. */
declare module 'virtual:zhiyin-checklists' {
  import type { Checklists } from './schema';

  const checklists: Checklists;
  export default checklists;
}
