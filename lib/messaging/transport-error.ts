/**
 * Failures of the browser's message transport itself, as opposed to a route's answer: nothing
 * listening yet (the service worker is starting, or the extension was just reloaded or updated),
 * a port closed before the answer, or this page outliving its extension. They pass on their own
 * within moments, so a page asks again before it says anything, and then says it in words, never
 * with the browser's English text ("Could not establish connection. Receiving end does not exist.").
 */
const TRANSPORT = [
  /could not establish connection/i,
  /receiving end does not exist/i,
  /message port closed/i,
  /extension context invalidated/i,
  /no sw|service worker.*(stopped|unavailable)/i,
];

export function isTransportError(cause: unknown): boolean {
  const text = cause instanceof Error ? cause.message : String(cause);
  return TRANSPORT.some((pattern) => pattern.test(text));
}

/**
 * Runs `call`, asking again (after `delayMs`, up to `attempts` times in all) while it fails with a
 * transport error; any other failure, or the last transport one, is thrown.
 */
export async function retryTransport<T>(
  call: () => Promise<T>,
  options: { attempts?: number; delayMs?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? 3;
  const delayMs = options.delayMs ?? 400;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (cause) {
      if (attempt >= attempts || !isTransportError(cause)) throw cause;
      await new Promise((resolve) => setTimeout(resolve, delayMs * attempt));
    }
  }
}
