import type { Session } from '../../shared/session';
import type { Actor } from '../../modules/admin/store';

export function actorOf(session: Session): Actor {
  return {
    account: session.account,
    name: session.user.name,
    level: session.user.permission,
    department: session.user.department,
  };
}
