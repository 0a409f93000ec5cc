import rules from 'virtual:zhiyin-rules';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startRulesInPage } from '../features/rules/content/controller';
import { registerRules, registeredRules } from '../features/rules/content/api';
import { DEFAULT_PREFERENCES, preferencesItem, type Language } from '../lib/settings/preferences';

// Injected by the background (lib/platform/inject.ts) into a tab's top frame once the page is
// idle: the compliance-rules watcher and field guards, without any UI (the overlay draws tips).
export default defineUnlistedScript(() => {
  if (registeredRules()) return;
  registerRules({
    start: (ctx, channel, view, initial) => {
      // Field-guard messages follow the learner's language (Chinese until it is read).
      let language: Language = DEFAULT_PREFERENCES.language;
      const follow = (value: { language?: Language } | null) => {
        language = value?.language ?? DEFAULT_PREFERENCES.language;
      };
      void preferencesItem.getValue().then(follow, () => undefined);
      ctx.onInvalidated(preferencesItem.watch(follow));
      return startRulesInPage(window, {
        rules,
        channel,
        view,
        signal: ctx.signal,
        language: () => language,
        ...(initial ? { initial } : {}),
        onError: (error) => console.warn('[zhiyin] rules', error),
      });
    },
  });
});
