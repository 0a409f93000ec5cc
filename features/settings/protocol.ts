/** Messages of the options page's administrator settings (管理员设置). */
import type { PolicyInput, PolicyView } from '../../app/policy/policy';

/** Settings messages (routes: features/settings/background/routes.ts). */
export interface SettingsMessages {
  'page:getPolicy'(): PolicyView;
  /** Options page 管理员设置; settings locked by the managed policy are left unchanged. */
  'page:savePolicy'(data: PolicyInput): PolicyView;
}
