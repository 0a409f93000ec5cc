/**
 * A refused pack in words a learner reads, for the automatic report in 我的报告
 * (features/report/views/MyReports.tsx): which pack was refused, why, and that the content they
 * use keeps running. Browser-safe, no dependencies: the popup bundles it.
 */
import type { RefusalKind } from './open';

/** The part of a refusal report the list shows (features/report/protocol.ts `ReportListItem`). */
export interface PackRefusalSummary {
  /** Redacted address of the pack (a policy URL). */
  packUrl: string;
  /** What the file claims (unverified when the signature failed), when it could be read. */
  packId: string | null;
  version: number | null;
  reason: RefusalKind;
  /** The refusal as the options page shows it: `中文 / English`. */
  message: string;
}

type Lang = 'zh_CN' | 'en';

const REASONS: Record<Lang, Record<RefusalKind, string>> = {
  zh_CN: {
    size: '文件过大',
    json: '文件无法读取',
    format: '格式不符',
    signature: '签名校验失败',
    rollback: '版本回退',
    content: '内容校验未通过',
    source: '来源地址不安全',
  },
  en: {
    size: 'file too large',
    json: 'unreadable file',
    format: 'wrong format',
    signature: 'signature check failed',
    rollback: 'version rollback',
    content: 'content check failed',
    source: 'insecure source',
  },
};

const TEXT = {
  zh_CN: {
    title: '内容包被拒绝',
    pack: (id: string | null, version: number | null) =>
      `内容包${id ? ` ${id} ` : ''}${version !== null ? `第 ${version} 版` : ''}`,
    refused: (pack: string) => `${pack}未被采用`,
    reason: (reason: string) => `（${reason}）`,
    keeps: '原有内容继续使用。',
    source: (url: string) => `来源：${url}`,
  },
  en: {
    title: 'Content pack refused',
    pack: (id: string | null, version: number | null) =>
      `Content pack${id ? ` ${id}` : ''}${version !== null ? ` version ${version}` : ''}`,
    refused: (pack: string) => `${pack} was not applied`,
    reason: (reason: string) => ` (${reason})`,
    keeps: 'The content in use keeps running.',
    source: (url: string) => `Source: ${url}`,
  },
} as const;

/** The half of a `中文 / English` message in `language` (the whole text when it has no halves). */
export function messageIn(language: Lang, message: string): string {
  const cut = message.indexOf(' / ');
  if (cut < 0) return message;
  return language === 'en' ? message.slice(cut + 3) : message.slice(0, cut);
}

/**
 * The title and the line of a refused pack in 我的报告, e.g. 内容包被拒绝 · "内容包 xxzx 第 1 版未被
 * 采用：版本回退被拒绝：收到第 1 版，已应用第 2 版。原有内容继续使用。"
 */
export function describePackRefusal(
  language: Lang,
  refusal: PackRefusalSummary,
): { title: string; line: string; source: string } {
  const t = TEXT[language];
  const detail = messageIn(language, refusal.message)
    .trim()
    .replace(/[。.]$/u, '');
  const stop = language === 'en' ? '. ' : '。';
  const pack = t.pack(refusal.packId, refusal.version);
  // The refusal's own words say why; the short reason only when they are missing.
  const line = detail
    ? `${t.refused(pack)}${language === 'en' ? ': ' : '：'}${detail}${stop}${t.keeps}`
    : `${t.refused(pack)}${t.reason(REASONS[language][refusal.reason] ?? refusal.reason)}${stop}${t.keeps}`;
  return { title: t.title, line, source: t.source(refusal.packUrl) };
}
