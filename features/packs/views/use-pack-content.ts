/**
 * Extension pages (popup, quiz page, dashboard) ship the bundled content and ask the background
 * for the applied packs (`page:packContents`), then merge them with the same rules as the
 * background (../catalog.ts): a pack's article, tip, quiz or checklist shows the same everywhere.
 */
import { useEffect, useState } from 'react';
import { sendMessage } from '../../../app/protocol';
import type { PackContent } from '../validate';

/** How long a page waits for the background before showing the bundled content alone (ms). */
export const PACK_CONTENTS_WAIT_MS = 3000;

/** The applied packs, or `[]` when the background does not answer in time (bundled only). */
export async function fetchPackContents(
  ask: () => Promise<PackContent[]> = () => sendMessage('page:packContents'),
  waitMs = PACK_CONTENTS_WAIT_MS,
): Promise<PackContent[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<PackContent[]>((resolve) => {
    timer = setTimeout(() => resolve([]), waitMs);
  });
  try {
    const packs = await Promise.race([ask().catch(() => []), late]);
    return Array.isArray(packs) ? packs : [];
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The applied packs: null until the background answered (or did not in time), then the list.
 * Asked again when the page becomes visible (a pack may have applied while it was in the
 * background); `refreshKey` forces a new read.
 */
export function usePackContents(refreshKey: unknown = null): PackContent[] | null {
  const [packs, setPacks] = useState<PackContent[] | null>(null);
  const [visible, setVisible] = useState(0);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') setVisible((value) => value + 1);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
  useEffect(() => {
    let current = true;
    void fetchPackContents().then((next) => {
      // The same packs again keep the same array: nothing downstream (the help index) rebuilds.
      if (current)
        setPacks((previous) => (previous && samePacks(previous, next) ? previous : next));
    });
    return () => {
      current = false;
    };
  }, [refreshKey, visible]);
  return packs;
}

/** Same pack ids and versions (a pack's content never changes without a new version). */
export function samePacks(a: readonly PackContent[], b: readonly PackContent[]): boolean {
  const key = (packs: readonly PackContent[]) =>
    packs
      .map((pack) => `${pack.id}@${pack.version}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}
