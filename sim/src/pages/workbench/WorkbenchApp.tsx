import type { Session } from '../../shared/session';
import { useHashRoute } from '../../shared/hash-route';
import { HomePage } from './HomePage';

/** index.html: the workbench SPA. Hash routes: see README in sim/src/shared. */
export function WorkbenchApp({ session }: { session: Session }) {
  const route = useHashRoute();
  switch (route.segments[0]) {
    default:
      return <HomePage session={session} />;
  }
}
