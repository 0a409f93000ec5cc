import type { PolicyInput, PolicyView } from '../../../app/policy/policy';
import type { RouteTable } from '../../../lib/messaging/router';
import type { SettingsMessages } from '../protocol';

export interface SettingsServices {
  readPolicy(): Promise<PolicyView>;
  savePolicy(patch: PolicyInput): Promise<PolicyView>;
  /** After a save: what waited for an endpoint (reports, statements) may be deliverable now. */
  saved(): void;
}

/** The options page's administrator settings (管理员设置). */
export function createSettingsRoutes(services: SettingsServices): RouteTable<SettingsMessages> {
  return {
    'page:getPolicy': { from: ['extension-page'], handle: () => services.readPolicy() },
    'page:savePolicy': {
      from: ['extension-page'],
      async handle(patch) {
        const view = await services.savePolicy(patch);
        services.saved();
        return view;
      },
    },
  };
}
