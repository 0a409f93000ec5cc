import rules from 'virtual:zhiyin-rules';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startRulesInPage } from '../lib/rules-runtime/controller';
import { registerRules, registeredRules } from '../lib/rules-runtime/api';

// Injected by the background (lib/background/inject.ts) into a tab's top frame once the page is
// idle: the compliance-rules watcher and field guards, without any UI (the overlay draws tips).
export default defineUnlistedScript(() => {
  if (registeredRules()) return;
  registerRules({
    start: (ctx, channel, view, initial) =>
      startRulesInPage(window, {
        rules,
        channel,
        view,
        signal: ctx.signal,
        ...(initial ? { initial } : {}),
        onError: (error) => console.warn('[zhiyin] rules', error),
      }),
  });
});
