import { sendMessage } from '../protocol';
import type { PolicyView } from './policy';

/** How often, and how long, a page asks again while the browser has not answered for the policy. */
export const PENDING_RETRY_MS = 1_000;
export const PENDING_GIVE_UP_MS = 30_000;

/**
 * Reads the policy for a page (options, popup, 培训管理). Right after a browser starts, the
 * managed (enterprise) policy can take seconds to answer and the first view comes with the
 * built-in defaults and `managedPending`; this asks again every second (for up to 30 s) and
 * hands over each new view, so a setting the organisation locks shows as locked as soon as the
 * browser knows it, not only after the page is reopened. Returns a stop function (unmount).
 */
export function watchPolicyView(
  onView: (view: PolicyView) => void,
  onError: (cause: unknown) => void,
  options: { retryMs?: number; giveUpMs?: number; read?: () => Promise<PolicyView> } = {},
): () => void {
  const read = options.read ?? (() => sendMessage('page:getPolicy'));
  const retryMs = options.retryMs ?? PENDING_RETRY_MS;
  const giveUpAt = Date.now() + (options.giveUpMs ?? PENDING_GIVE_UP_MS);
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ask = () => {
    read().then(
      (view) => {
        if (stopped) return;
        onView(view);
        if (view.managedPending && Date.now() < giveUpAt) timer = setTimeout(ask, retryMs);
      },
      (cause: unknown) => {
        if (!stopped) onError(cause);
      },
    );
  };
  ask();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
