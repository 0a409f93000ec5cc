/** Messages of the learner profile: role (角色) and the first-run welcome card. */
import type { Role } from './roles';

export interface ProfileView {
  role: Role | null;
  roleChosenAt: number | null;
  /**
   * The organisation's policy sets the learner's group (`identity.role`): shown, not chosen — the
   * welcome card does not ask and the role selects are locked.
   */
  setByPolicy?: true;
}

/** Profile messages (routes: features/profile/background/routes.ts). */
export interface ProfileMessages {
  'content:chooseRole'(data: { role: Role; url: string }): ProfileView;
  'content:dismissWelcome'(data: { url: string }): void;
  'page:getProfile'(): ProfileView;
  'page:setRole'(data: { role: Role }): ProfileView;
  /** Asks the tab's top frame to show the welcome card again (popup: 更换角色 / 重新开始引导). */
  'page:showWelcome'(data: { tabId: number }): { shown: boolean };
  'bg:showWelcome'(): { shown: boolean };
}
