/**
 * Where anything leaves the machine (problem reports, xAPI statements) the transport must be
 * encrypted: `https:`, or plain `http:` only to a loopback address (localhost, 127.0.0.0/8,
 * [::1]) — what tests and a local forwarder use. Plain HTTP across a network would carry bearer
 * tokens, Basic-auth credentials and learning records in clear text.
 */
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Whether data may be sent to `url` (see the module comment). */
export function isSecureTransport(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname);
}
