/**
 * 引导编辑器 (issue 14): the drafts recorded in author mode, edited as a list of steps, checked
 * live with the build's own tour schema and messages, previewed on a live page from any step, and
 * exported as a tour file (tour.yaml) the build accepts. Drafts are read and written through the
 * background (features/author/background/routes.ts); every edit is saved a moment later.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sendMessage } from '../../../app/protocol';
import { Markdown } from '../../../components/markdown/Markdown';
import {
  DRAFT_ADVANCE_KINDS,
  checkDraft,
  draftYaml,
  type DraftAdvanceKind,
  type DraftIssue,
  type DraftListing,
  type TourDraft,
} from '../../author/draft';
import { zhiyinTabs, type ZhiyinTab } from '../../author/views/AuthorMode';
import {
  AUDIENCE_ROLES,
  TOUR_MODULES,
  type AudienceRole,
  type TourModule,
} from '../../tour/schema';
import { moveStep, parseUrlLines, removeStep, updateStep, updateTour } from '../edit';
import './editor.css';

const ADVANCE_NAMES: Record<DraftAdvanceKind, string> = {
  click: '点击目标（click）',
  input: '在目标中输入（input）',
  change: '改变目标的选择（change）',
  navigation: '跳转到页面（navigation）',
  next: '点“下一步”按钮（next）',
};

/** How long after the last keystroke an edit is saved. */
const SAVE_AFTER_MS = 400;

function draftIdFromHash(): string | null {
  const match = /draft=([^&]+)/u.exec(globalThis.location.hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

export function EditorApp() {
  const [drafts, setDrafts] = useState<DraftListing[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(draftIdFromHash());
  const refresh = useCallback(() => {
    void sendMessage('page:listDrafts', undefined)
      .then(setDrafts)
      .catch(() => setDrafts([]));
  }, []);
  useEffect(refresh, [refresh]);
  useEffect(() => {
    const onHash = () => setOpenId(draftIdFromHash());
    globalThis.addEventListener('hashchange', onHash);
    return () => globalThis.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <div className="zy-editor">
      <header className="zy-header">
        <span className="zy-mark" aria-hidden="true">
          指
        </span>
        <h1>引导编辑器</h1>
      </header>
      <div className="zy-editor-body">
        <nav className="zy-editor-drafts" aria-label="草稿列表">
          <h2>录制的草稿</h2>
          {drafts === null ? null : drafts.length === 0 ? (
            <p className="zy-muted">
              还没有草稿。在选项页开启作者模式，点击“开始录制”并完成一遍操作，停止后草稿会出现在这里。
            </p>
          ) : (
            <ul>
              {drafts.map((draft) => (
                <li key={draft.id}>
                  <a
                    href={`#draft=${encodeURIComponent(draft.id)}`}
                    aria-current={draft.id === openId ? 'page' : undefined}
                  >
                    {draft.title}
                  </a>
                  <span className="zy-muted">
                    {' '}
                    {draft.stepCount} 步 · {new Date(draft.updatedAt).toLocaleString('zh-CN')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <main className="zy-editor-main">
          {openId ? (
            <DraftEditor
              key={openId}
              id={openId}
              onSaved={refresh}
              onDeleted={() => {
                globalThis.location.hash = '';
                refresh();
              }}
            />
          ) : (
            <p className="zy-muted">请从左侧选择一份草稿。</p>
          )}
        </main>
      </div>
    </div>
  );
}

function DraftEditor({
  id,
  onSaved,
  onDeleted,
}: {
  id: string;
  onSaved: () => void;
  onDeleted: () => void;
}) {
  const [draft, setDraft] = useState<TourDraft | null | undefined>(undefined);
  const [saveState, setSaveState] = useState<'saved' | 'pending' | string>('saved');
  const [announce, setAnnounce] = useState('');
  const [tabs, setTabs] = useState<ZhiyinTab[]>([]);
  const [tabId, setTabId] = useState<number | null>(null);
  const [previewStatus, setPreviewStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [exportText, setExportText] = useState<string | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<TourDraft | null>(null);
  const focusAfterMove = useRef<string | null>(null);

  useEffect(() => {
    void sendMessage('page:getDraft', { id })
      .then((loaded) => {
        latest.current = loaded;
        setDraft(loaded);
      })
      .catch(() => setDraft(null));
  }, [id]);

  const loadTabs = useCallback(() => {
    void zhiyinTabs()
      .then((found) => {
        setTabs(found);
        setTabId((current) =>
          current !== null && found.some((tab) => tab.id === current)
            ? current
            : (found[0]?.id ?? null),
        );
      })
      .catch(() => setTabs([]));
  }, []);
  useEffect(loadTabs, [loadTabs]);

  const save = useCallback(async (): Promise<boolean> => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    const current = latest.current;
    if (!current) return false;
    try {
      const reply = await sendMessage('page:putDraft', { draft: current });
      setSaveState(reply.saved ? 'saved' : (reply.reason ?? '保存失败'));
      if (reply.saved) onSaved();
      return reply.saved;
    } catch (error) {
      setSaveState(`保存失败：${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }, [onSaved]);

  const change = (next: TourDraft): void => {
    latest.current = next;
    setDraft(next);
    setSaveState('pending');
    setExportText(null);
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void save(), SAVE_AFTER_MS);
  };
  useEffect(
    () => () => {
      // Leaving the draft (another one opened): what was typed last is not lost.
      if (saveTimer.current) void save();
    },
    [save],
  );

  useEffect(() => {
    if (!focusAfterMove.current) return;
    document.getElementById(focusAfterMove.current)?.focus();
    focusAfterMove.current = null;
  });

  const check = useMemo(() => (draft ? checkDraft(draft) : null), [draft]);

  if (draft === undefined) return <p className="zy-muted">正在读取草稿…</p>;
  if (draft === null) return <p role="alert">找不到这份草稿（可能已被删除）。</p>;

  const issues = check?.issues ?? [];
  const tourIssues = issues.filter((issue) => issue.stepIndex === undefined);

  const move = (index: number, delta: -1 | 1, which: 'up' | 'down') => {
    const step = draft.steps[index];
    if (!step) return;
    change(moveStep(draft, index, delta));
    const to = index + delta;
    // Focus stays on the same button of the moved step (or the other one at an end).
    const atEnd = (delta < 0 && to === 0) || (delta > 0 && to === draft.steps.length - 1);
    focusAfterMove.current = `move-${which === 'up' ? (atEnd ? 'down' : 'up') : atEnd ? 'up' : 'down'}-${step.key}`;
    setAnnounce(`已将“${step.title || step.id}”移到第 ${to + 1} 步`);
  };

  const preview = async (fromStep: number) => {
    setPreviewStatus(null);
    if (tabId === null) {
      setPreviewStatus({
        ok: false,
        text: '没有可预览的页面：请先打开政务系统页面，再点“刷新页面列表”。',
      });
      return;
    }
    if (!(await save())) {
      setPreviewStatus({ ok: false, text: '草稿未能保存，无法预览。' });
      return;
    }
    try {
      const reply = await sendMessage('page:previewDraft', { id: draft.id, tabId, fromStep });
      setPreviewStatus(
        reply.started
          ? { ok: true, text: `已在页面中从第 ${fromStep + 1} 步开始预览（不记录学习进度）。` }
          : { ok: false, text: reply.reason ?? '无法开始预览' },
      );
    } catch (error) {
      setPreviewStatus({
        ok: false,
        text: `无法开始预览：${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  const exportYaml = () => {
    const yaml = draftYaml(draft);
    setExportText(yaml);
    const url = URL.createObjectURL(new Blob([yaml], { type: 'text/yaml;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'tour.yaml';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const remove = async () => {
    if (!globalThis.confirm(`删除草稿“${draft.title}”？此操作不能撤销。`)) return;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    await sendMessage('page:deleteDraft', { id: draft.id });
    onDeleted();
  };

  return (
    <article aria-labelledby="zy-draft-title">
      <div className="zy-editor-toolbar">
        <h2 id="zy-draft-title">{draft.title || '（未命名）'}</h2>
        <span className="zy-muted" role="status">
          {saveState === 'saved' ? '已保存' : saveState === 'pending' ? '正在保存…' : saveState}
        </span>
      </div>

      <section className="zy-editor-check" aria-labelledby="zy-check-title">
        <h3 id="zy-check-title">检查结果</h3>
        {issues.length === 0 ? (
          <p className="zy-ok" data-testid="draft-valid">
            ✓ 符合引导文件格式，可以预览和导出。
          </p>
        ) : (
          <div role="alert" data-testid="draft-issues">
            <p>还有 {issues.length} 个问题（与构建时的检查相同）：</p>
            <ul>
              {issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <code>{issue.path || '（整个引导）'}</code> {issue.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section className="zy-editor-preview" aria-labelledby="zy-preview-title">
        <h3 id="zy-preview-title">预览</h3>
        <label>
          预览页面{' '}
          <select
            value={tabId ?? ''}
            onChange={(event) => setTabId(Number(event.target.value))}
            disabled={tabs.length === 0}
          >
            {tabs.length === 0 ? <option value="">（没有运行指引的页面）</option> : null}
            {tabs.map((tab) => (
              <option key={tab.id} value={tab.id}>
                {tab.title} — {tab.url}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={loadTabs}>
          刷新页面列表
        </button>{' '}
        <button type="button" onClick={() => void preview(0)} disabled={issues.length > 0}>
          从头预览
        </button>
        <p role={previewStatus?.ok === false ? 'alert' : 'status'} aria-live="polite">
          {previewStatus?.text ?? ''}
        </p>
      </section>

      <section aria-labelledby="zy-tour-fields">
        <h3 id="zy-tour-fields">引导信息</h3>
        <div className="zy-editor-grid">
          <Field label="引导 id（文件夹名）" issues={tourIssues} path="id">
            <input
              value={draft.tourId}
              onChange={(event) => change(updateTour(draft, { tourId: event.target.value.trim() }))}
            />
          </Field>
          <Field label="模块" issues={tourIssues} path="module">
            <select
              value={draft.module}
              onChange={(event) =>
                change(updateTour(draft, { module: event.target.value as TourModule }))
              }
            >
              {TOUR_MODULES.map((module) => (
                <option key={module}>{module}</option>
              ))}
            </select>
          </Field>
          <Field label="标题（中文）" issues={tourIssues} path="title">
            <input
              value={draft.title}
              onChange={(event) => change(updateTour(draft, { title: event.target.value }))}
            />
          </Field>
          <Field label="Title (English)" issues={tourIssues} path="i18n.en.title">
            <input
              value={draft.titleEn ?? ''}
              onChange={(event) => change(updateTour(draft, { titleEn: event.target.value }))}
            />
          </Field>
          <Field label="简介（中文）" issues={tourIssues} path="summary">
            <textarea
              rows={2}
              value={draft.summary}
              onChange={(event) => change(updateTour(draft, { summary: event.target.value }))}
            />
          </Field>
          <Field label="Summary (English)" issues={tourIssues} path="i18n.en.summary">
            <textarea
              rows={2}
              value={draft.summaryEn ?? ''}
              onChange={(event) => change(updateTour(draft, { summaryEn: event.target.value }))}
            />
          </Field>
          <Field label="适用页面（每行一个网址模式）" issues={tourIssues} path="applies.url">
            <textarea
              rows={2}
              value={draft.urls.join('\n')}
              onChange={(event) =>
                change(updateTour(draft, { urls: parseUrlLines(event.target.value) }))
              }
            />
          </Field>
          <fieldset className="zy-editor-audience">
            <legend>适用对象</legend>
            {AUDIENCE_ROLES.map((role) => (
              <label key={role}>
                <input
                  type="checkbox"
                  checked={draft.audience.includes(role)}
                  onChange={(event) => {
                    const audience: AudienceRole[] = event.target.checked
                      ? AUDIENCE_ROLES.filter((r) => r === role || draft.audience.includes(r))
                      : draft.audience.filter((r) => r !== role);
                    change(updateTour(draft, { audience }));
                  }}
                />
                {role}
              </label>
            ))}
            <IssueList issues={tourIssues.filter((issue) => issue.path.startsWith('audience'))} />
          </fieldset>
        </div>
      </section>

      <section aria-labelledby="zy-steps-title">
        <h3 id="zy-steps-title">步骤（{draft.steps.length}）</h3>
        <p className="sr-only zy-sr-only" aria-live="polite">
          {announce}
        </p>
        <ol className="zy-editor-steps">
          {draft.steps.map((step, index) => {
            const stepIssues = issues.filter((issue) => issue.stepIndex === index);
            const at = `steps[${index}]`;
            const set = (patch: Parameters<typeof updateStep>[2]) =>
              change(updateStep(draft, index, patch));
            return (
              <li
                key={step.key}
                className="zy-editor-step"
                aria-label={`第 ${index + 1} 步：${step.title || step.id}`}
              >
                <div className="zy-editor-step-head">
                  <strong>
                    第 {index + 1} 步 {step.title}
                  </strong>
                  <span className="zy-editor-step-actions">
                    <button
                      id={`move-up-${step.key}`}
                      type="button"
                      disabled={index === 0}
                      aria-label={`上移第 ${index + 1} 步`}
                      onClick={() => move(index, -1, 'up')}
                    >
                      ↑ 上移
                    </button>
                    <button
                      id={`move-down-${step.key}`}
                      type="button"
                      disabled={index === draft.steps.length - 1}
                      aria-label={`下移第 ${index + 1} 步`}
                      onClick={() => move(index, 1, 'down')}
                    >
                      ↓ 下移
                    </button>
                    <button
                      type="button"
                      disabled={issues.length > 0}
                      aria-label={`从第 ${index + 1} 步预览`}
                      onClick={() => void preview(index)}
                    >
                      从此步预览
                    </button>
                    <button
                      type="button"
                      aria-label={`删除第 ${index + 1} 步`}
                      onClick={() => {
                        change(removeStep(draft, index));
                        setAnnounce(`已删除第 ${index + 1} 步`);
                      }}
                    >
                      删除
                    </button>
                  </span>
                </div>
                <div className="zy-editor-grid">
                  <Field label="步骤 id" issues={stepIssues} path={`${at}.id`}>
                    <input
                      value={step.id}
                      onChange={(event) => set({ id: event.target.value.trim() })}
                    />
                  </Field>
                  <Field label="推进方式" issues={stepIssues} path={`${at}.advance`}>
                    <select
                      value={step.advance}
                      onChange={(event) => set({ advance: event.target.value as DraftAdvanceKind })}
                    >
                      {DRAFT_ADVANCE_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {ADVANCE_NAMES[kind]}
                        </option>
                      ))}
                    </select>
                  </Field>
                  {step.advance === 'navigation' && (
                    <Field label="跳转后的网址模式" issues={stepIssues} path={`${at}.advance.url`}>
                      <input
                        value={step.navigationUrl ?? ''}
                        onChange={(event) => set({ navigationUrl: event.target.value })}
                      />
                    </Field>
                  )}
                  <Field label="所在页面（网址模式，可空）" issues={stepIssues} path={`${at}.page`}>
                    <input
                      value={step.page ?? ''}
                      onChange={(event) => set({ page: event.target.value })}
                    />
                  </Field>
                </div>
                {step.proposals.length > 0 ? (
                  <fieldset className="zy-editor-locators">
                    <legend>定位方式（录制时已验证唯一且可见，越靠前越稳健）</legend>
                    {step.proposals.map((proposal, p) => (
                      <label key={proposal.description}>
                        <input
                          type="radio"
                          name={`locator-${step.key}`}
                          checked={p === step.selected}
                          onChange={() => set({ selected: p })}
                        />{' '}
                        <code>{proposal.description}</code>
                        {proposal.frame ? <span className="zy-muted">（在框架中）</span> : null}
                        {proposal.note ? <span className="zy-warn"> {proposal.note}</span> : null}
                      </label>
                    ))}
                  </fieldset>
                ) : (
                  <p className="zy-muted">无目标元素：卡片显示在页面中央。</p>
                )}
                <div className="zy-editor-grid">
                  <Field label="标题（中文）" issues={stepIssues} path={`${at}.title`}>
                    <input
                      value={step.title}
                      onChange={(event) => set({ title: event.target.value })}
                    />
                  </Field>
                  <Field
                    label="Title (English)"
                    issues={stepIssues}
                    path={`i18n.en.steps.${step.id}.title`}
                  >
                    <input
                      value={step.titleEn ?? ''}
                      onChange={(event) => set({ titleEn: event.target.value })}
                    />
                  </Field>
                  <Field
                    label="说明（中文，支持 Markdown）"
                    issues={stepIssues}
                    path={`${at}.body`}
                  >
                    <textarea
                      rows={3}
                      value={step.body}
                      onChange={(event) => set({ body: event.target.value })}
                    />
                  </Field>
                  <Field
                    label="Body (English, Markdown)"
                    issues={stepIssues}
                    path={`i18n.en.steps.${step.id}.body`}
                  >
                    <textarea
                      rows={3}
                      value={step.bodyEn ?? ''}
                      onChange={(event) => set({ bodyEn: event.target.value })}
                    />
                  </Field>
                </div>
                <div className="zy-editor-md" aria-label={`第 ${index + 1} 步说明预览`}>
                  {step.body.trim() ? (
                    <Markdown source={step.body} />
                  ) : (
                    <span className="zy-muted">（说明为空）</span>
                  )}
                </div>
                <IssueList issues={stepIssues} />
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="zy-export-title">
        <h3 id="zy-export-title">导出</h3>
        <p className="zy-muted">
          导出的 tour.yaml 放到引导文件夹的 <code>{draft.tourId || '<引导 id>'}/tour.yaml</code>
          （如 ZHIYIN_TOURS_DIR 指定的文件夹），构建时按同样的规则检查。
        </p>
        <button type="button" onClick={exportYaml} disabled={issues.length > 0}>
          导出 YAML
        </button>{' '}
        <button type="button" onClick={() => void remove()}>
          删除草稿
        </button>
        {exportText !== null && (
          <textarea
            aria-label="导出的 YAML"
            readOnly
            rows={12}
            value={exportText}
            className="zy-editor-yaml"
          />
        )}
      </section>
    </article>
  );
}

function Field({
  label,
  issues,
  path,
  children,
}: {
  label: string;
  issues: DraftIssue[];
  path: string;
  children: React.ReactNode;
}) {
  const mine = issues.filter(
    (issue) =>
      issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`),
  );
  return (
    <label className={mine.length > 0 ? 'zy-editor-field zy-editor-invalid' : 'zy-editor-field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}

function IssueList({ issues }: { issues: DraftIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="zy-editor-issues">
      {issues.map((issue) => (
        <li key={`${issue.path}:${issue.message}`}>
          <code>{issue.path}</code> {issue.message}
        </li>
      ))}
    </ul>
  );
}
