import type { ActivityRecord } from '../records';
import { roleName, translate } from '../../../lib/i18n/messages';
import type { Language } from '../../../lib/settings/preferences';

/** How an activity row reads to the learner. */
export function describeActivity(language: Language, record: ActivityRecord): string {
  switch (record.type) {
    case 'page-visited':
      return `${translate(language, 'activityPageVisited')}：${record.title || pagePath(record.url)}`;
    case 'role-chosen':
      return translate(language, 'activityRoleChosen', {
        role: roleName(language, String(record.detail.role ?? '')),
      });
    case 'welcome-dismissed':
      return translate(language, 'activityWelcomeDismissed');
  }
}

/** The part of a stored (already redacted) URL that names the screen. */
export function pagePath(url: string | null): string {
  if (!url) return '';
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.hash}`;
  } catch {
    return url;
  }
}

export function formatTime(at: number, language: Language): string {
  return new Date(at).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}
