import { safeDecode } from '../url/decode';

/**
 * Page addresses are stored and reported without anything personal or secret in them: query and
 * fragment *values* are dropped (names are kept, they say which screen it was), except in the
 * fragment's path part, which SPA routers use as the page address (`#/docs/new`).
 * Values that look like ids in the path (long digit runs, ID-card or phone numbers) are masked.
 */
export function redactUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return '';
  }
  const keys = [...new Set([...url.searchParams.keys()])];
  const query = keys.length ? `?${keys.map((key) => `${encodeURIComponent(key)}=`).join('&')}` : '';
  const hash = redactHash(url.hash);
  return `${url.origin}${maskPath(url.pathname)}${query}${hash}`;
}

function redactHash(hash: string): string {
  if (!hash) return '';
  const body = hash.slice(1);
  if (!body.startsWith('/')) return '#';
  const [path = '', search] = body.split('?', 2);
  if (search === undefined) return `#${maskPath(path)}`;
  const keys = [...new Set([...new URLSearchParams(search).keys()])];
  return `#${maskPath(path)}?${keys.map((key) => `${encodeURIComponent(key)}=`).join('&')}`;
}

// 18-digit ID card numbers (last may be X), 11-digit mobiles and other long digit runs.
const PERSONAL_SEGMENT = /^(\d{17}[\dXx]|1[3-9]\d{9}|\d{6,})$/;

// Segments are judged decoded; `safeDecode` because old systems' GBK escapes (`%D5%C5`) are not
// UTF-8 and made `decodeURIComponent` throw, which lost the whole page visit (issue 10).
function maskPath(path: string): string {
  return path
    .split('/')
    .map((segment) => (PERSONAL_SEGMENT.test(safeDecode(segment)) ? '*' : segment))
    .join('/');
}
