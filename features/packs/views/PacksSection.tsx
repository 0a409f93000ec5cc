import { useEffect, useState } from 'react';
import { sendMessage } from '../../../app/protocol';
import type { Language } from '../../../lib/settings/preferences';
import type { PackRefusal } from '../open';
import type { PacksStatus, PackSourceView } from '../protocol';

const TEXT = {
  zh_CN: {
    title: '内容包',
    intro:
      '管理员在策略中配置内容包地址和公钥后，指引会定期获取签名的内容包（引导、帮助、合规提示），校验签名和内容后立即生效，无需更新扩展。校验不通过的内容包会被拒绝，原有内容继续使用。',
    none: '管理员尚未配置内容包地址。离线环境可在下方手动导入内容包文件（仍须配置公钥）。',
    source: '来源',
    imported: '手动导入',
    running: '正在使用',
    version: (v: number) => `第 ${v} 版`,
    noneYet: '尚无可用内容',
    tours: '引导',
    lastCheck: '上次检查',
    result: {
      applied: '已应用新版本',
      unchanged: '无更新',
      refused: '已拒绝',
      failed: '获取失败',
    },
    reason: '原因',
    nextCheck: '下次检查',
    refresh: '立即检查',
    importLabel: '导入内容包文件',
    importedOk: '内容包已导入并生效。',
    importedSame: '该内容包已在使用中。',
    importRefused: '内容包被拒绝',
    reported: (at: string) => `已自动报告管理员（${at}，经问题报告发送）`,
    content: '内容',
    counts: (c: { help: number; tips: number; quizzes: number; checklists: boolean }) =>
      `帮助文章 ${c.help} 篇 · 合规提示 ${c.tips} 条 · 测验 ${c.quizzes} 套${c.checklists ? ' · 入门清单' : ''}`,
  },
  en: {
    title: 'Content packs',
    intro:
      'When the administrator configures pack URLs and public keys in the policy, Zhiyin fetches signed content packs (tours, help, compliance tips) on a schedule and applies them once their signature and content are checked — no extension update needed. A pack that fails a check is refused and the current content keeps running.',
    none: 'No pack URL is configured. Offline sites can import a pack file below (a public key must still be configured).',
    source: 'Source',
    imported: 'Imported by hand',
    running: 'Running',
    version: (v: number) => `version ${v}`,
    noneYet: 'no content yet',
    tours: 'Tours',
    lastCheck: 'Last check',
    result: {
      applied: 'new version applied',
      unchanged: 'no update',
      refused: 'refused',
      failed: 'fetch failed',
    },
    reason: 'Reason',
    nextCheck: 'Next check',
    refresh: 'Check now',
    importLabel: 'Import a pack file',
    importedOk: 'The pack was imported and applied.',
    importedSame: 'This pack is already in use.',
    importRefused: 'Pack refused',
    reported: (at: string) =>
      `Reported to the administrator automatically (${at}, as a problem report)`,
    content: 'Content',
    counts: (c: { help: number; tips: number; quizzes: number; checklists: boolean }) =>
      `${c.help} help articles · ${c.tips} compliance tips · ${c.quizzes} quizzes${c.checklists ? ' · onboarding checklists' : ''}`,
  },
} as const;

function time(at: number | null, language: Language): string {
  if (at === null) return '—';
  return new Date(at).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

function Refusal({ refusal, label }: { refusal: PackRefusal; label: string }) {
  return (
    <div role="alert" className="zy-note zy-note-warn" data-testid="pack-refusal">
      <strong>{label}：</strong>
      <span>{refusal.message}</span>
      {refusal.errors && refusal.errors.length > 0 ? (
        <ul>
          {refusal.errors.map((error) => (
            <li key={`${error.path}:${error.message}`}>
              <code>{error.path}</code>: {error.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Source({ view, language }: { view: PackSourceView; language: Language }) {
  const t = TEXT[language === 'en' ? 'en' : 'zh_CN'];
  return (
    <li className="zy-section" data-testid="pack-source" data-source={view.source}>
      <div>
        <strong>{t.source}：</strong>
        <code>{view.kind === 'import' ? `${t.imported} (${view.packId ?? ''})` : view.source}</code>
      </div>
      <div data-testid="pack-running">
        <strong>{t.running}：</strong>
        {view.version === null
          ? t.noneYet
          : `${view.packId ?? ''} ${t.version(view.version)}（${time(view.appliedAt, language)}）`}
      </div>
      {view.tours.length > 0 ? (
        <div className="zy-muted">
          {t.tours}：{view.tours.join('、')}
        </div>
      ) : null}
      {view.counts &&
      (view.counts.help > 0 ||
        view.counts.tips > 0 ||
        view.counts.quizzes > 0 ||
        view.counts.checklists) ? (
        <div className="zy-muted" data-testid="pack-counts">
          {t.content}：{t.counts(view.counts)}
        </div>
      ) : null}
      {view.lastResult ? (
        <div data-testid="pack-last-result" data-result={view.lastResult}>
          <strong>{t.lastCheck}：</strong>
          {time(view.lastCheckedAt, language)} · {t.result[view.lastResult]}
        </div>
      ) : null}
      {view.lastResult === 'refused' || view.lastResult === 'failed' ? (
        view.lastProblem ? (
          <Refusal refusal={view.lastProblem} label={t.reason} />
        ) : null
      ) : null}
      {view.lastResult === 'refused' && view.reportedAt !== null ? (
        <div className="zy-muted" data-testid="pack-reported">
          {t.reported(time(view.reportedAt, language))}
        </div>
      ) : null}
      {view.kind === 'url' && view.nextAttemptAt !== null ? (
        <div className="zy-muted">
          {t.nextCheck}：{time(view.nextAttemptAt, language)}
        </div>
      ) : null}
    </li>
  );
}

/** 内容包: each source's status, the last good version, the last refusal; check now; import. */
export function PacksSection({ language }: { language: Language }) {
  const t = TEXT[language === 'en' ? 'en' : 'zh_CN'];
  const [status, setStatus] = useState<PacksStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<
    { result: 'applied' | 'unchanged' } | { result: 'refused'; refusal: PackRefusal } | null
  >(null);

  useEffect(() => {
    void sendMessage('page:packsStatus').then(setStatus);
  }, []);

  const refresh = async () => {
    setBusy(true);
    try {
      setStatus(await sendMessage('page:refreshPacks'));
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setImported(null);
    try {
      const reply = await sendMessage('page:importPack', { text: await file.text() });
      setStatus(reply.status);
      setImported(
        reply.result === 'refused' && reply.refusal
          ? { result: 'refused', refusal: reply.refusal }
          : { result: reply.result === 'applied' ? 'applied' : 'unchanged' },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="zy-section" aria-labelledby="zy-packs" data-testid="packs-section">
      <h2 id="zy-packs">{t.title}</h2>
      <p className="zy-muted">{t.intro}</p>
      {status?.policyProblem ? (
        <p role="alert" className="zy-note zy-note-warn">
          {status.policyProblem}
        </p>
      ) : null}
      {status && !status.configured ? <p className="zy-note">{t.none}</p> : null}
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {status?.sources.map((view) => (
          <Source key={view.source} view={view} language={language} />
        ))}
      </ul>
      <div className="zy-row">
        <button type="button" onClick={() => void refresh()} disabled={busy || !status?.configured}>
          {t.refresh}
        </button>
        <label className="zy-row">
          <span>{t.importLabel}</span>
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy}
            data-testid="pack-import"
            onChange={(event) => void importFile(event.target.files?.[0])}
          />
        </label>
      </div>
      {imported?.result === 'refused' ? (
        <Refusal refusal={imported.refusal} label={t.importRefused} />
      ) : imported ? (
        <p role="status" className="zy-ok">
          {imported.result === 'applied' ? t.importedOk : t.importedSame}
        </p>
      ) : null}
    </section>
  );
}
