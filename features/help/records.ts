/** Records of this feature, stored in the extension database (app/database.ts). */

/** A help search that found nothing (popup), kept so trainers can see what content is missing. */
export interface SearchMissRecord {
  id?: number;
  /** The query as typed, trimmed (at most 64 characters, the length help search considers). */
  query: string;
  /** Epoch milliseconds. */
  at: number;
  /** Page address the popup was about, with query and fragment values removed; null without one. */
  url: string | null;
}
