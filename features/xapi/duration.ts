/**
 * ISO 8601 durations for `result.duration`. xAPI asks for at most 0.01 s precision, so
 * milliseconds are rounded to hundredths; hours are not folded into days (a day is not always 24 h
 * in ISO 8601, and training durations are short).
 */
export function isoDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`not a duration: ${ms}`);
  const centis = Math.round(ms / 10);
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const secondCentis = centis % 6000;
  let out = 'PT';
  if (hours > 0) out += `${hours}H`;
  if (minutes > 0) out += `${minutes}M`;
  if (secondCentis > 0 || out === 'PT') {
    const seconds = (secondCentis / 100).toFixed(2).replace(/\.?0+$/, '');
    out += `${seconds}S`;
  }
  return out;
}
