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

/** The local learner profile (one row). */
export class ProfileStore {
  constructor(
    private readonly db: ZhiyinDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  async read(): Promise<ProfileRecord> {
    return (await this.db.profile.get('me')) ?? { ...EMPTY };
  }

  async view(): Promise<ProfileView> {
    const { role, roleChosenAt } = await this.read();
    return { role, roleChosenAt };
  }

  async setRole(role: Role): Promise<ProfileView> {
    const current = await this.read();
    await this.db.profile.put({ ...current, role, roleChosenAt: this.now() });
    return this.view();
  }

  async dismissWelcome(): Promise<void> {
    const current = await this.read();
    await this.db.profile.put({ ...current, welcomeDismissedAt: this.now() });
  }

  /** The welcome card shows until a role is chosen or the learner closes it. */
  async needsWelcome(): Promise<boolean> {
    const { role, welcomeDismissedAt } = await this.read();
    return role === null && welcomeDismissedAt === null;
  }
}
