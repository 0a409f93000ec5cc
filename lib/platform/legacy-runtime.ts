/**
 * Built-ins the code uses that Chromium kernels below 98 lack (360安全浏览器 13 is kernel 86, the
 * Chrome MV2 build's floor). Imported first by every entrypoint of the Chrome MV2 build only
 * (wxt.config.ts `legacyRuntimePlugin`); the MV3 and Firefox builds have them natively.
 *
 * Every fill is installed only where the built-in is missing, in the extension's own globals: a
 * content script runs in an isolated world with its own built-ins, so the host page never sees it.
 *
 * | built-in                | native from | used by                                      |
 * | ----------------------- | ----------- | -------------------------------------------- |
 * | `structuredClone`       | Chrome 98   | xAPI statements and queue, tour sessions     |
 * | `Array.prototype.at`    | Chrome 92   | libraries                                    |
 * | `Object.hasOwn`         | Chrome 93   | code and libraries                           |
 * | `crypto.randomUUID`     | Chrome 92   | report, statement, attempt and lease ids     |
 * | `AbortSignal.timeout`   | Chrome 103  | report outbox, xAPI client                   |
 * | `AbortSignal.any`       | Chrome 116  | compliance rules, frame agent                |
 *
 * core-js provides the first three (well kept, spec-exact); it has no fill for the last three,
 * which are small and written here.
 */
import 'core-js/actual/structured-clone';
import 'core-js/actual/array/at';
import 'core-js/actual/object/has-own';

/** RFC 4122 version 4 from `crypto.getRandomValues` (Chrome 11+). */
export function randomUuid(source: Pick<Crypto, 'getRandomValues'> = crypto): string {
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `AbortSignal.timeout`: aborts with a `TimeoutError` DOMException after `ms`. */
export function abortSignalTimeout(ms: number): AbortSignal {
  const controller = new AbortController();
  setTimeout(
    () => controller.abort(new DOMException('signal timed out', 'TimeoutError')),
    Math.max(0, ms),
  );
  return controller.signal;
}

/** `AbortSignal.any`: aborts as soon as one of `signals` does, with its reason. */
export function abortSignalAny(signals: Iterable<AbortSignal>): AbortSignal {
  const controller = new AbortController();
  const list = [...signals];
  const done = list.find((signal) => signal.aborted);
  if (done) {
    controller.abort(done.reason);
    return controller.signal;
  }
  const onAbort = (event: Event) => {
    const source = event.target as AbortSignal;
    for (const signal of list) signal.removeEventListener('abort', onAbort);
    controller.abort(source.reason);
  };
  for (const signal of list) signal.addEventListener('abort', onAbort);
  return controller.signal;
}

/** Installs the fills this module writes itself (core-js installs its own on import). */
export function installLegacyRuntime(scope: typeof globalThis = globalThis): string[] {
  const installed: string[] = [];
  const define = (target: object, name: string, value: unknown) => {
    Object.defineProperty(target, name, { value, configurable: true, writable: true });
  };
  const cryptoObject = scope.crypto as Crypto | undefined;
  if (cryptoObject && typeof cryptoObject.randomUUID !== 'function') {
    define(cryptoObject, 'randomUUID', () => randomUuid(cryptoObject));
    installed.push('crypto.randomUUID');
  }
  const Signal = scope.AbortSignal as typeof AbortSignal | undefined;
  if (Signal && typeof Signal.timeout !== 'function') {
    define(Signal, 'timeout', abortSignalTimeout);
    installed.push('AbortSignal.timeout');
  }
  if (Signal && typeof Signal.any !== 'function') {
    define(Signal, 'any', abortSignalAny);
    installed.push('AbortSignal.any');
  }
  return installed;
}

installLegacyRuntime();
