/** Records of this feature, stored in the extension database (app/database.ts). */

import type { Role } from './roles';

/** The local learner profile: a single row with key `me`. */
export interface ProfileRecord {
  key: 'me';
  role: Role | null;
  roleChosenAt: number | null;
  /** When the learner closed the welcome card without choosing (so it does not nag). */
  welcomeDismissedAt: number | null;
  /** v2: optional display name (personal data: never sent unless policy says so). */
  name?: string | null;
  /** v2: optional staff id (工号), used as the xAPI account name when given. */
  staffId?: string | null;
  /**
   * Random local learner id (xAPI account name when no staff id is given), made on the row's first
   * write by features/profile/background/store.ts; optional field (older rows gain it on their next
   * write or first statement), no index change.
   */
  learnerId?: string;
}
