/** The parts of `runtime.MessageSender` the router looks at. */
export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
  frameId?: number | undefined;
}

export type SenderKind = 'content' | 'extension-page';

export type SenderCheck =
  | { ok: true; kind: 'content'; tabId: number; frameId: number; url: string }
  | { ok: true; kind: 'extension-page'; url: string }
  | { ok: false; reason: string };

/**
 * Classifies who sent a message, so each handler only runs for the senders it is meant for.
 * - Messages from other extensions are refused (runtime.onMessage only delivers our own, but a
 *   misconfigured `externally_connectable` must not open the router to the web).
 * - `extension-page`: popup, options, dashboard — a URL inside our own origin, no tab frame of a
 *   web page.
 * - `content`: a content script in a tab on a host the manifest matches.
 */
export function checkSender(
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
  isAllowedHost: (url: string) => boolean,
): SenderCheck {
  if (sender.id !== extensionId) return { ok: false, reason: 'message from another extension' };
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return { ok: true, kind: 'extension-page', url };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { ok: false, reason: 'no tab for a page message' };
  if (!isAllowedHost(url)) return { ok: false, reason: `host not configured: ${safeOrigin(url)}` };
  return { ok: true, kind: 'content', tabId, frameId: sender.frameId ?? 0, url };
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid url)';
  }
}
