/**
 * 引导编辑器 (issue 14): the drafts recorded in author mode, edited as a list of steps, checked
 * live with the build's own tour schema and messages, previewed on a live page from any step, and
 * exported as a tour file (tour.yaml) the build accepts. Drafts are read and written through the
 * background (features/author/background/routes.ts); every edit is saved a moment later.
 * Help articles and compliance tips are written here too (./ContentEditor.tsx) and published in
 * the same pack.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DraftStatus } from './DraftStatus';
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
import { usePreferences } from '../../../components/use-preferences';
import type { Language } from '../../../lib/settings/preferences';
import { moveStep, parseUrlLines, removeStep, updateStep, updateTour } from '../edit';
import { editorText, type EditorTextKey } from '../i18n';
import { PublishSection } from './PublishSection';
import { ContentDraftEditor } from './ContentEditor';
import type { InForce } from './content-editor-types';
import { useContentInForce } from './use-in-force';
import {
  articleToDraft,
  newArticleDraft,
  newTipDraft,
  ruleToTipDraft,
  type ContentDraft,
  type ContentDraftListing,
} from '../content-drafts';
import './editor.css';
import { PageHeader } from '../../../components/PageHeader';

const ADVANCE_NAMES: Record<DraftAdvanceKind, EditorTextKey> = {
  click: 'advanceClick',
  input: 'advanceInput',
  change: 'advanceChange',
  navigation: 'advanceNavigation',
  next: 'advanceNext',
};

type Text = (key: EditorTextKey, params?: Record<string, string | number>) => string;

function useEditorText(): { language: Language; t: Text } {
  const { language } = usePreferences();
  return { language, t: (key, params) => editorText(language, key, params) };
}

/** How long after the last keystroke an edit is saved. */
const SAVE_AFTER_MS = 400;

/** What the address names: `#draft=<id>` (a tour), `#article=<id>`, `#tip=<id>`. */
interface OpenRef {
  kind: 'tour' | 'article' | 'tip';
  id: string;
}

function openFromHash(): OpenRef | null {
  const match = /^#?(draft|article|tip)=([^&]+)/u.exec(globalThis.location.hash);
  if (!match?.[1] || !match[2]) return null;
  const kind = match[1] === 'draft' ? 'tour' : (match[1] as 'article' | 'tip');
  return { kind, id: decodeURIComponent(match[2]) };
}

const hashOf = (kind: OpenRef['kind'], id: string) =>
  `#${kind === 'tour' ? 'draft' : kind}=${encodeURIComponent(id)}`;

export function EditorApp() {
  const { language, t } = useEditorText();
  useEffect(() => {
    document.title = `${language === 'en' ? 'Zhiyin' : '指引'} · ${t('pageTitle')}`;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language]);
  const [drafts, setDrafts] = useState<DraftListing[] | null>(null);
  const [contentDrafts, setContentDrafts] = useState<ContentDraftListing[] | null>(null);
  const [open, setOpen] = useState<OpenRef | null>(openFromHash());
  const [createProblem, setCreateProblem] = useState<string | null>(null);
  const inForce = useContentInForce();
  const refresh = useCallback(() => {
    void sendMessage('page:listDrafts', undefined)
      .then(setDrafts)
      .catch(() => setDrafts([]));
    void sendMessage('page:listContentDrafts', undefined)
      .then(setContentDrafts)
      .catch(() => setContentDrafts([]));
  }, []);
  useEffect(refresh, [refresh]);
  const create = async (draft: ContentDraft) => {
    setCreateProblem(null);
    try {
      const reply = await sendMessage('page:putContentDraft', { draft });
      if (!reply.saved) {
        setCreateProblem(t('createFailed', { reason: reply.reason ?? '' }));
        return;
      }
      refresh();
      globalThis.location.hash = hashOf(draft.kind, draft.id);
    } catch (error) {
      setCreateProblem(
        t('createFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  };
  const openId = open?.kind === 'tour' ? open.id : null;
  useEffect(() => {
    const onHash = () => setOpen(openFromHash());
    globalThis.addEventListener('hashchange', onHash);
    return () => globalThis.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <div className="zy-editor">
      <PageHeader>
        <h1>{t('pageTitle')}</h1>
      </PageHeader>
      <div className="zy-editor-body">
        <nav className="zy-editor-drafts" aria-label={t('draftsNav')}>
          <h2>{t('draftsTitle')}</h2>
          {drafts === null ? null : drafts.length === 0 ? (
            <p className="zy-muted">{t('noDrafts')}</p>
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
                    {t('steps', { count: draft.stepCount })} ·{' '}
                    {new Date(draft.updatedAt).toLocaleString(
                      language === 'en' ? 'en-GB' : 'zh-CN',
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <ContentNav
            kind="article"
            listings={contentDrafts}
            open={open}
            t={t}
            language={language}
            existing={inForce.articles.map((article) => ({ id: article.id, title: article.title }))}
            onNew={() => void create(newArticleDraft(crypto.randomUUID(), Date.now()))}
            onFromExisting={(itemId) => {
              const article = inForce.articles.find((item) => item.id === itemId);
              if (article) void create(articleToDraft(article, crypto.randomUUID(), Date.now()));
            }}
          />
          <ContentNav
            kind="tip"
            listings={contentDrafts}
            open={open}
            t={t}
            language={language}
            existing={inForce.rules.tips.map((rule) => ({ id: rule.id, title: rule.tip.title }))}
            onNew={() => void create(newTipDraft(crypto.randomUUID(), Date.now()))}
            onFromExisting={(itemId) => {
              const rule = inForce.rules.tips.find((item) => item.id === itemId);
              if (rule) void create(ruleToTipDraft(rule, crypto.randomUUID(), Date.now()));
            }}
          />
          {createProblem ? <p role="alert">{createProblem}</p> : null}
        </nav>
        <main className="zy-editor-main">
          {open && open.kind !== 'tour' ? (
            <ContentDraftEditor
              key={`${open.kind}:${open.id}`}
              id={open.id}
              language={language}
              inForce={inForce}
              tourDrafts={drafts ?? []}
              contentDrafts={contentDrafts ?? []}
              onSaved={refresh}
              onDeleted={() => {
                globalThis.location.hash = '';
                refresh();
              }}
            />
          ) : openId ? (
            <DraftEditor
              key={openId}
              id={openId}
              drafts={drafts ?? []}
              contentDrafts={contentDrafts ?? []}
              inForce={inForce}
              onSaved={refresh}
              onDeleted={() => {
                globalThis.location.hash = '';
                refresh();
              }}
            />
          ) : (
            <p className="zy-muted">{t('chooseDraft')}</p>
          )}
        </main>
      </div>
    </div>
  );
}

function DraftEditor({
  id,
  drafts,
  contentDrafts,
  inForce,
  onSaved,
  onDeleted,
}: {
  id: string;
  drafts: DraftListing[];
  contentDrafts: ContentDraftListing[];
  inForce: InForce;
  onSaved: () => void;
  onDeleted: () => void;
}) {
  const { language, t } = useEditorText();
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
      setSaveState(reply.saved ? 'saved' : (reply.reason ?? t('saveFailed')));
      if (reply.saved) onSaved();
      return reply.saved;
    } catch (error) {
      setSaveState(
        t('saveFailedReason', { reason: error instanceof Error ? error.message : String(error) }),
      );
      return false;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
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

  if (draft === undefined) return <p className="zy-muted">{t('loading')}</p>;
  if (draft === null) return <p role="alert">{t('notFound')}</p>;

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
    setAnnounce(t('moved', { title: step.title || step.id, n: to + 1 }));
  };

  const preview = async (fromStep: number) => {
    setPreviewStatus(null);
    if (tabId === null) {
      setPreviewStatus({
        ok: false,
        text: t('noPreviewTab'),
      });
      return;
    }
    if (!(await save())) {
      setPreviewStatus({ ok: false, text: t('previewNotSaved') });
      return;
    }
    try {
      const reply = await sendMessage('page:previewDraft', { id: draft.id, tabId, fromStep });
      setPreviewStatus(
        reply.started
          ? { ok: true, text: t('previewStarted', { n: fromStep + 1 }) }
          : { ok: false, text: reply.reason ?? t('previewFailed') },
      );
    } catch (error) {
      setPreviewStatus({
        ok: false,
        text: t('previewFailedReason', {
          reason: error instanceof Error ? error.message : String(error),
        }),
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
    if (!globalThis.confirm(t('confirmDelete', { title: draft.title }))) return;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    await sendMessage('page:deleteDraft', { id: draft.id });
    onDeleted();
  };

  return (
    <article aria-labelledby="zy-draft-title">
      <DraftStatus
        heading={draft.title || t('untitled')}
        saveState={saveState}
        problems={issues.length}
        valid={t('valid')}
        t={t}
      >
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code>{issue.path || t('wholeTour')}</code> {issue.message}
            </li>
          ))}
        </ul>
      </DraftStatus>

      <section className="zy-editor-preview" aria-labelledby="zy-preview-title">
        <h3 id="zy-preview-title">{t('previewTitle')}</h3>
        <label>
          {t('previewPage')}{' '}
          <select
            value={tabId ?? ''}
            onChange={(event) => setTabId(Number(event.target.value))}
            disabled={tabs.length === 0}
          >
            {tabs.length === 0 ? <option value="">{t('noTabs')}</option> : null}
            {tabs.map((tab) => (
              <option key={tab.id} value={tab.id}>
                {tab.title} — {tab.url}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={loadTabs}>
          {t('refreshTabs')}
        </button>{' '}
        <button type="button" onClick={() => void preview(0)} disabled={issues.length > 0}>
          {t('previewFromStart')}
        </button>
        <p role={previewStatus?.ok === false ? 'alert' : 'status'} aria-live="polite">
          {previewStatus?.text ?? ''}
        </p>
      </section>

      <section aria-labelledby="zy-tour-fields">
        <h3 id="zy-tour-fields">{t('tourFields')}</h3>
        <div className="zy-editor-grid">
          <Field label={t('tourId')} issues={tourIssues} path="id">
            <input
              value={draft.tourId}
              onChange={(event) => change(updateTour(draft, { tourId: event.target.value.trim() }))}
            />
          </Field>
          <Field label={t('module')} issues={tourIssues} path="module">
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
          <Field label={t('titleZh')} issues={tourIssues} path="title">
            <input
              value={draft.title}
              onChange={(event) => change(updateTour(draft, { title: event.target.value }))}
            />
          </Field>
          <Field label={t('titleEn')} issues={tourIssues} path="i18n.en.title">
            <input
              value={draft.titleEn ?? ''}
              onChange={(event) => change(updateTour(draft, { titleEn: event.target.value }))}
            />
          </Field>
          <Field label={t('summaryZh')} issues={tourIssues} path="summary">
            <textarea
              rows={2}
              value={draft.summary}
              onChange={(event) => change(updateTour(draft, { summary: event.target.value }))}
            />
          </Field>
          <Field label={t('summaryEn')} issues={tourIssues} path="i18n.en.summary">
            <textarea
              rows={2}
              value={draft.summaryEn ?? ''}
              onChange={(event) => change(updateTour(draft, { summaryEn: event.target.value }))}
            />
          </Field>
          <Field label={t('urls')} issues={tourIssues} path="applies.url">
            <textarea
              rows={2}
              value={draft.urls.join('\n')}
              onChange={(event) =>
                change(updateTour(draft, { urls: parseUrlLines(event.target.value) }))
              }
            />
          </Field>
          <fieldset className="zy-editor-audience">
            <legend>{t('audience')}</legend>
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
        <h3 id="zy-steps-title">{t('stepsTitle', { count: draft.steps.length })}</h3>
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
                aria-label={t('stepLabel', { n: index + 1, title: step.title || step.id })}
              >
                <div className="zy-editor-step-head">
                  <strong>
                    {t('stepHead', { n: index + 1 })} {step.title}
                  </strong>
                  <span className="zy-editor-step-actions">
                    <button
                      id={`move-up-${step.key}`}
                      type="button"
                      disabled={index === 0}
                      aria-label={t('moveUpLabel', { n: index + 1 })}
                      onClick={() => move(index, -1, 'up')}
                    >
                      {t('moveUp')}
                    </button>
                    <button
                      id={`move-down-${step.key}`}
                      type="button"
                      disabled={index === draft.steps.length - 1}
                      aria-label={t('moveDownLabel', { n: index + 1 })}
                      onClick={() => move(index, 1, 'down')}
                    >
                      {t('moveDown')}
                    </button>
                    <button
                      type="button"
                      disabled={issues.length > 0}
                      aria-label={t('previewFromHereLabel', { n: index + 1 })}
                      onClick={() => void preview(index)}
                    >
                      {t('previewFromHere')}
                    </button>
                    <button
                      type="button"
                      aria-label={t('removeLabel', { n: index + 1 })}
                      onClick={() => {
                        change(removeStep(draft, index));
                        setAnnounce(t('removed', { n: index + 1 }));
                      }}
                    >
                      {t('remove')}
                    </button>
                  </span>
                </div>
                <div className="zy-editor-grid">
                  <Field label={t('stepId')} issues={stepIssues} path={`${at}.id`}>
                    <input
                      value={step.id}
                      onChange={(event) => set({ id: event.target.value.trim() })}
                    />
                  </Field>
                  <Field label={t('advance')} issues={stepIssues} path={`${at}.advance`}>
                    <select
                      value={step.advance}
                      onChange={(event) => set({ advance: event.target.value as DraftAdvanceKind })}
                    >
                      {DRAFT_ADVANCE_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(ADVANCE_NAMES[kind])}
                        </option>
                      ))}
                    </select>
                  </Field>
                  {step.advance === 'navigation' && (
                    <Field
                      label={t('navigationUrl')}
                      issues={stepIssues}
                      path={`${at}.advance.url`}
                    >
                      <input
                        value={step.navigationUrl ?? ''}
                        onChange={(event) => set({ navigationUrl: event.target.value })}
                      />
                    </Field>
                  )}
                  <Field label={t('page')} issues={stepIssues} path={`${at}.page`}>
                    <input
                      value={step.page ?? ''}
                      onChange={(event) => set({ page: event.target.value })}
                    />
                  </Field>
                </div>
                {step.proposals.length > 0 ? (
                  <fieldset className="zy-editor-locators">
                    <legend>{t('locators')}</legend>
                    {step.proposals.map((proposal, p) => (
                      <label key={proposal.description}>
                        <input
                          type="radio"
                          name={`locator-${step.key}`}
                          checked={p === step.selected}
                          onChange={() => set({ selected: p })}
                        />{' '}
                        <code>{proposal.description}</code>
                        {proposal.frame ? <span className="zy-muted">{t('inFrame')}</span> : null}
                        {proposal.note ? <span className="zy-warn"> {proposal.note}</span> : null}
                      </label>
                    ))}
                  </fieldset>
                ) : (
                  <p className="zy-muted">{t('noTarget')}</p>
                )}
                <div className="zy-editor-grid">
                  <Field label={t('titleZh')} issues={stepIssues} path={`${at}.title`}>
                    <input
                      value={step.title}
                      onChange={(event) => set({ title: event.target.value })}
                    />
                  </Field>
                  <Field
                    label={t('titleEn')}
                    issues={stepIssues}
                    path={`i18n.en.steps.${step.id}.title`}
                  >
                    <input
                      value={step.titleEn ?? ''}
                      onChange={(event) => set({ titleEn: event.target.value })}
                    />
                  </Field>
                  <Field label={t('bodyZh')} issues={stepIssues} path={`${at}.body`}>
                    <textarea
                      rows={3}
                      value={step.body}
                      onChange={(event) => set({ body: event.target.value })}
                    />
                  </Field>
                  <Field
                    label={t('bodyEn')}
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
                <div className="zy-editor-md" aria-label={t('bodyPreview', { n: index + 1 })}>
                  {step.body.trim() ? (
                    <Markdown source={step.body} />
                  ) : (
                    <span className="zy-muted">{t('bodyEmpty')}</span>
                  )}
                </div>
                <IssueList issues={stepIssues} />
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="zy-export-title">
        <h3 id="zy-export-title">{t('exportTitle')}</h3>
        <p className="zy-muted">
          {t('exportNote', { path: `${draft.tourId || '<id>'}/tour.yaml` })}
        </p>
        <button type="button" onClick={exportYaml} disabled={issues.length > 0}>
          {t('exportYaml')}
        </button>{' '}
        <button type="button" onClick={() => void remove()}>
          {t('deleteDraft')}
        </button>
        {exportText !== null && (
          <textarea
            aria-label={t('exportedYaml')}
            readOnly
            rows={12}
            value={exportText}
            className="zy-editor-yaml"
          />
        )}
      </section>

      <PublishSection
        current={{ kind: 'tour', id: draft.id, title: draft.title }}
        drafts={drafts}
        contentDrafts={contentDrafts}
        inForce={inForce}
        language={language}
        save={save}
      />
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

/** One kind of content draft in the side list: its drafts, 新建, and 修改现有… */
function ContentNav({
  kind,
  listings,
  open,
  t,
  language,
  existing,
  onNew,
  onFromExisting,
}: {
  kind: 'article' | 'tip';
  listings: ContentDraftListing[] | null;
  open: OpenRef | null;
  t: Text;
  language: Language;
  existing: { id: string; title: string }[];
  onNew: () => void;
  onFromExisting: (itemId: string) => void;
}) {
  const mine = (listings ?? []).filter((listing) => listing.kind === kind);
  const headingId = `zy-nav-${kind}`;
  return (
    <section aria-labelledby={headingId} className="zy-editor-nav-group">
      <h2 id={headingId}>{t(kind === 'article' ? 'articlesTitle' : 'tipsTitle')}</h2>
      <button type="button" onClick={onNew}>
        {t(kind === 'article' ? 'newArticle' : 'newTip')}
      </button>
      {existing.length > 0 ? (
        <select
          aria-label={t(kind === 'article' ? 'fromExistingArticle' : 'fromExistingTip')}
          title={t('fromExistingNote')}
          value=""
          onChange={(event) => {
            if (event.target.value) onFromExisting(event.target.value);
          }}
        >
          <option value="">
            {t(kind === 'article' ? 'fromExistingArticle' : 'fromExistingTip')}
          </option>
          {existing.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}（{item.id}）
            </option>
          ))}
        </select>
      ) : null}
      {listings === null ? null : mine.length === 0 ? (
        <p className="zy-muted">{t(kind === 'article' ? 'noArticles' : 'noTips')}</p>
      ) : (
        <ul>
          {mine.map((listing) => (
            <li key={listing.id}>
              <a
                href={hashOf(kind, listing.id)}
                aria-current={open?.kind === kind && open.id === listing.id ? 'page' : undefined}
              >
                {listing.title || t('untitled')}
              </a>
              <span className="zy-muted">
                {' '}
                {listing.itemId} ·{' '}
                {new Date(listing.updatedAt).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
