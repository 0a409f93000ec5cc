import { safeDecode } from '../url/decode';
import { scrubPersonalData } from './personal-data';

/**
 * Page addresses are stored and reported without anything personal or secret in them: query and
 * fragment *values* are dropped (names are kept, they say which screen it was), except in the
 * fragment's path part, which SPA routers use as the page address (`#/docs/new`).
 * Path segments (of the path and of the fragment's route) that look like ids (long digit runs) or
 * hold personal data or secrets by {@link scrubPersonalData} (ID-card and phone numbers, e-mail,
 * `;jsessionid=…`, JWTs, `/share/8fA3kLm9…`) are masked with `*`. This is the one URL redaction:
 * reports, activity, acknowledgements, help misses and xAPI all use it. `''` for an invalid URL.
 */
export function redactUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return '';
  }
  const query = queryNames(url.searchParams);
  const hash = redactHash(url.hash);
  return `${url.origin}${maskPath(url.pathname)}${query}${hash}`;
}

function redactHash(hash: string): string {
  if (!hash) return '';
  const body = hash.slice(1);
  if (!body.startsWith('/')) return '#';
  const [path = '', search] = body.split('?', 2);
  if (search === undefined) return `#${maskPath(path)}`;
  return `#${maskPath(path)}${queryNames(new URLSearchParams(search)) || '?'}`;
}

/** `?a=&b=`: the parameter names only; a name that is itself personal data becomes `*`. */
function queryNames(params: URLSearchParams): string {
  const keys = [...new Set([...params.keys()])].map((key) =>
    DIGIT_RUN.test(key) || scrubPersonalData(key).total > 0 ? '*' : encodeURIComponent(key),
  );
  return keys.length ? `?${keys.map((key) => `${key}=`).join('&')}` : '';
}

// Record ids and other long digit runs (ID-card and mobile numbers among them).
const DIGIT_RUN = /^\d{6,}$/;

// Segments are judged decoded; `safeDecode` because old systems' GBK escapes (`%D5%C5`) are not
// UTF-8 and made `decodeURIComponent` throw, which lost the whole page visit (issue 10).
function maskPath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      const decoded = safeDecode(segment);
      return DIGIT_RUN.test(decoded) || scrubPersonalData(decoded).total > 0 ? '*' : segment;
    })
    .join('/');
}
