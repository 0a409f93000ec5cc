/**
 * Messages wait for the stored packs to be read back after a worker (re)start. An MV3 worker
 * stops when idle and the message that wakes it is handled at once: without this, a tab in the
 * middle of a pack tour would ask for its session before the pack's tours are in the list, and
 * the session of a tour "that no longer exists" would be dropped. `restored` settles within its
 * own deadline (./setup.ts), so a stalled IndexedDB delays messages by at most that, once.
 */
import type { RouteTable } from '../../../lib/messaging/router';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the router's own constraint
export function afterRestored<M extends Record<string, any>>(
  routes: RouteTable<M>,
  restored: Promise<unknown>,
): RouteTable<M> {
  let done = false;
  const mark = () => {
    done = true;
  };
  void restored.then(mark, mark);
  const gated: Record<string, unknown> = {};
  for (const [type, route] of Object.entries(routes) as [
    string,
    RouteTable<M>[keyof RouteTable<M>],
  ][]) {
    const { handle } = route as { handle: (data: unknown, sender: unknown) => unknown };
    gated[type] = {
      ...route,
      handle: async (data: unknown, sender: unknown) => {
        if (!done) await restored.catch(() => undefined);
        return handle(data, sender);
      },
    };
  }
  return gated as RouteTable<M>;
}
