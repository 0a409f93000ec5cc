import type { ProfileRecord } from '../records';
import type { ZhiyinDatabase } from '../../../app/database';
import type { Role } from '../roles';
import type { ProfileView } from '../protocol';

const EMPTY: ProfileRecord = {
  key: 'me',
  role: null,
  roleChosenAt: null,
  welcomeDismissedAt: null,
};

/** A random local learner id (the xAPI account name when no staff id or policy account is set). */
export const newLearnerId = (): string => `zhiyin-${crypto.randomUUID()}`;

/**
 * The local learner profile (one row). Every write reads and writes the row in one transaction
 * and gives the row its learner id the first time it is written, so the learner's identity exists
 * from their first choice on and no write can drop a field another one just stored.
 */
export class ProfileStore {
  constructor(
    private readonly db: Pick<ZhiyinDatabase, 'profile' | 'transaction'>,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = newLearnerId,
  ) {}

  async read(): Promise<ProfileRecord> {
    return (await this.db.profile.get('me')) ?? { ...EMPTY };
  }

  async view(): Promise<ProfileView> {
    const { role, roleChosenAt } = await this.read();
    return { role, roleChosenAt };
  }

  async setRole(role: Role): Promise<ProfileView> {
    await this.change({ role, roleChosenAt: this.now() });
    return this.view();
  }

  async dismissWelcome(): Promise<void> {
    await this.change({ welcomeDismissedAt: this.now() });
  }

  /** The learner's stable local id, made (and stored) the first time it is asked for. */
  async learnerId(): Promise<string> {
    const stored = (await this.db.profile.get('me'))?.learnerId;
    return stored ?? (await this.change({})).learnerId!;
  }

  /** The welcome card shows until a role is chosen or the learner closes it. */
  async needsWelcome(): Promise<boolean> {
    const { role, welcomeDismissedAt } = await this.read();
    return role === null && welcomeDismissedAt === null;
  }

  private change(patch: Partial<Omit<ProfileRecord, 'key' | 'learnerId'>>): Promise<ProfileRecord> {
    return this.db.transaction('rw', this.db.profile, async () => {
      const current = (await this.db.profile.get('me')) ?? { ...EMPTY };
      const next: ProfileRecord = {
        ...current,
        ...patch,
        learnerId: current.learnerId ?? this.newId(),
      };
      await this.db.profile.put(next);
      return next;
    });
  }
}
