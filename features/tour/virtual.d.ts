/** Validated tours, produced at build time by features/tour/build-plugin.ts. */
declare module 'virtual:zhiyin-tours' {
  import type { Tour } from './schema';

  const tours: Tour[];
  export default tours;
}
