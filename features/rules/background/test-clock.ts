/**
 * A movable clock for the background's rules service in TEST builds only (`wxt build --mode
 * test`, used by the end-to-end tests and `npm start`): the browser clock plus an offset in
 * milliseconds that a test writes to `browser.storage.local` under {@link TEST_CLOCK_KEY}. It lets
 * an end-to-end test check per-day frequency and snooze lengths without waiting a day. Production
 * builds never create it (entrypoints/background.ts passes `now` only when MODE is `test`).
 */
export const TEST_CLOCK_KEY = 'zhiyinTestClockOffsetMs';

export interface TestClockStorage {
  get(key: string): Promise<Record<string, unknown>>;
  onChanged: {
    addListener(
      callback: (changes: Record<string, { newValue?: unknown }>, areaName: string) => void,
    ): void;
  };
}

const asOffset = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

/** `() => Date.now() + offset`, the offset following storage.local (0 until it is read). */
export function createTestClock(
  storage: TestClockStorage,
  realNow: () => number = Date.now,
): () => number {
  let offset = 0;
  void storage
    .get(TEST_CLOCK_KEY)
    .then((items) => {
      offset = asOffset(items[TEST_CLOCK_KEY]);
    })
    .catch(() => undefined);
  storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'local' && TEST_CLOCK_KEY in changes)
      offset = asOffset(changes[TEST_CLOCK_KEY]?.newValue);
  });
  return () => realNow() + offset;
}
