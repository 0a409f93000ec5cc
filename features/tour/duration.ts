/**
 * Durations such as "5s", "500ms" or "1m", without the zod schema: code that runs in host pages
 * (the rules bundle) reads rules validated at build time and must not pull zod in through
 * `features/tour/schema.ts`, which re-exports {@link parseDuration} from here.
 */
export const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m)$/;

/** Milliseconds in a duration string accepted by `DurationSchema`. Throws on anything else. */
export function parseDuration(duration: string): number {
  const match = DURATION.exec(duration);
  if (!match) throw new RangeError(`not a duration: ${duration}`);
  const amount = Number(match[1]);
  const unit = match[2];
  return Math.round(unit === 'ms' ? amount : unit === 's' ? amount * 1000 : amount * 60_000);
}
