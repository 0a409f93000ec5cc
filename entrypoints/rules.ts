import bundledRules from 'virtual:zhiyin-rules';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startRulesInPage } from '../features/rules/content/controller';
import { registerRules, registeredRules } from '../features/rules/content/api';
import { DEFAULT_PREFERENCES, preferencesItem, type Language } from '../lib/settings/preferences';

// Injected by the background (lib/platform/inject.ts) into a tab's top frame once the page is
// idle: the compliance-rules watcher and field guards, without any UI (the overlay draws tips).
// The rules come from the background (bundled + content packs, features/rules/content/loader.ts);
// the bundled copy here (~9 kB of this bundle) is the fallback when it does not answer in time:
// the bundled field guards still protect the page, and the late answer is swapped in.
export default defineUnlistedScript(() => {
  if (registeredRules()) return;
  registerRules({
    start: (ctx, channel, view, initial, rules) => {
      // Field-guard messages follow the learner's language (Chinese until it is read).
      let language: Language = DEFAULT_PREFERENCES.language;
      const follow = (value: { language?: Language } | null) => {
        language = value?.language ?? DEFAULT_PREFERENCES.language;
      };
      void preferencesItem.getValue().then(follow, () => undefined);
      ctx.onInvalidated(preferencesItem.watch(follow));
      return startRulesInPage(window, {
        rules: rules ?? bundledRules,
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
