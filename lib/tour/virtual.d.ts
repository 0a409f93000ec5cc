/** Validated tours, produced at build time by scripts/lib/tours-plugin.ts. */
declare module 'virtual:zhiyin-tours' {
  import type { Tour } from './schema';

  const tours: Tour[];
  export default tours;
}
