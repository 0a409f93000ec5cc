/**
 * "The latest call wins": when calls start slow work (loading the overlay, then drawing) and a
 * later call may finish first, only the most recent call's result is applied. An older call whose
 * work finishes last must not overwrite the newer state (e.g. tips: loading the overlay for a
 * non-empty list takes longer than handing an empty list to the loaded overlay).
 */
export interface Latest {
  /** Starts a new call and returns a check that stays true until a later call starts. */
  begin(): () => boolean;
  /**
   * Starts a new call: runs `work`, then `apply` with its result only if no later call began
   * meanwhile. A failed `work` goes to `onError` (whether or not it was still the latest); nothing
   * is thrown. Resolves with whether `apply` ran.
   */
  run<T>(
    work: () => Promise<T> | T,
    apply: (value: T) => void,
    onError?: (error: unknown) => void,
  ): Promise<boolean>;
}

export function latest(): Latest {
  let calls = 0;
  const begin = (): (() => boolean) => {
    const call = ++calls;
    return () => call === calls;
  };
  async function run<T>(
    work: () => Promise<T> | T,
    apply: (value: T) => void,
    onError: (error: unknown) => void = () => undefined,
  ): Promise<boolean> {
    const current = begin();
    let value: T;
    try {
      value = await work();
    } catch (error) {
      onError(error);
      return false;
    }
    if (!current()) return false;
    apply(value);
    return true;
  }
  return { begin, run };
}
