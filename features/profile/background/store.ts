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

/** The policy sets the learner's group: a choice on the page is refused. */
export class RoleSetByPolicy extends Error {
  override name = 'RoleSetByPolicy';
  constructor() {
    super('岗位由单位统一设定，不能更改 / The role is set by your organisation');
  }
}

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
    /** The group the organisation's policy sets (`identity.role`), if any: it wins. */
    private readonly policyRole: () => Promise<Role | null> = async () => null,
  ) {}

  async read(): Promise<ProfileRecord> {
    return (await this.db.profile.get('me')) ?? { ...EMPTY };
  }

  async view(): Promise<ProfileView> {
    const fixed = await this.policyRole();
    if (fixed) return { role: fixed, roleChosenAt: null, setByPolicy: true };
    const { role, roleChosenAt } = await this.read();
    return { role, roleChosenAt };
  }

  /** The learner's group: the policy's when it sets one, else the learner's own choice. */
  async role(): Promise<Role | null> {
    return (await this.view()).role;
  }

  async setRole(role: Role): Promise<ProfileView> {
    if (await this.policyRole()) throw new RoleSetByPolicy();
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

  /**
   * What a page shows a new learner: the welcome card (choose your group) until a role is chosen
   * or the card closed; when the policy sets the group there is nothing to choose, so the first
   * page goes straight to the first-run tips (`first-run`, once: the welcome counts as done).
   */
  async welcome(): Promise<'welcome' | 'first-run' | 'none'> {
    const { role, welcomeDismissedAt } = await this.read();
    if (role !== null || welcomeDismissedAt !== null) return 'none';
    if (!(await this.policyRole())) return 'welcome';
    await this.change({ welcomeDismissedAt: this.now() });
    return 'first-run';
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
