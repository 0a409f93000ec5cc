/** Text patterns the rules schema accepts and the helpers parse (no imports: a leaf module). */

/** Calendar-aware intervals (`3mo`, `90d`, `12h`); any other interval is a duration (`30m`). */
export const INTERVAL = /^(\d+)(mo|d|h)$/;
/** File sizes such as "10MB" or "800KB". */
export const SIZE = /^(\d+(?:\.\d+)?)\s*(KB|MB)$/i;
