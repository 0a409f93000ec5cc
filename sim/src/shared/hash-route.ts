import { useSyncExternalStore } from 'react';

export interface HashRoute {
  /** Path part of the hash, always starting with `/`: `#/docs/new?x=1` → `/docs/new`. */
  path: string;
  query: URLSearchParams;
  /** Path split into segments: `/docs/abc` → ['docs', 'abc']. */
  segments: string[];
}

export function parseHash(hash: string): HashRoute {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart = '/', queryPart = ''] = raw.split('?', 2);
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  return {
    path,
    query: new URLSearchParams(queryPart),
    segments: path.split('/').filter(Boolean).map(decodeURIComponent),
  };
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current hash route; re-renders on `hashchange`. */
export function useHashRoute(): HashRoute {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

export function navigate(hashPath: string): void {
  window.location.hash = hashPath.startsWith('#') ? hashPath : `#${hashPath}`;
}
