/**
 * 帮助文章 and 规范提示 in the editor (issue 14): one draft at a time, checked live with the build's
 * schemas and words (../content-drafts.ts), previewed as the learner will see it (an article as
 * the popup's help draws it, a tip as its card on the page), saved a moment after each edit and
 * published with the tours (./PublishSection.tsx).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { DraftStatus } from './DraftStatus';
import { sendMessage } from '../../../app/protocol';
import overlayCss from '../../../app/overlay/overlay.css?inline';
import popupCss from '../../../app/popup/popup.css?inline';
import pagesCss from '../../../components/pages/pages.css?inline';
import { translate } from '../../../lib/i18n/messages';
import type { Language } from '../../../lib/settings/preferences';
import type { DraftListing } from '../../author/draft';
import { moduleName } from '../../help/docs';
import { ArticleView } from '../../help/views/ArticleView';
import { ROLES } from '../../profile/roles';
import type { TipDecision } from '../../rules/engine';
import { FREQUENCIES, SEVERITIES, TIP_ACTIONS, type TipActionKind } from '../../rules/schema';
import tipsCss from '../../rules/views/tips.css?inline';
import { TipCard } from '../../rules/views/TipCard';
import { TOUR_MODULES, type Tour, type TourModule } from '../../tour/schema';
import {
  DUE_UNKNOWN,
  ROLE_MODES,
  checkContentDraft,
  parseLines,
  parseList,
  type ArticleDraft,
  type ContentDraft,
  type ContentDraftListing,
  type ContentIssue,
  type TipDraft,
} from '../content-drafts';
import { editorText, type EditorTextKey } from '../i18n';
import type { InForce } from './content-editor-types';
import { PublishSection } from './PublishSection';
import { ShadowPreview } from './ShadowPreview';

type Text = (key: EditorTextKey, params?: Record<string, string | number>) => string;

/** How long after the last keystroke an edit is saved. */
const SAVE_AFTER_MS = 400;

/** The preview's card is drawn where it sits, not fixed to the corner of the window. */
const TIP_PREVIEW_CSS = `
.zy-tip, .zy-tip-dialog { position: static; transform: none; animation: none; margin: 0;
  max-height: none; left: auto; top: auto; right: auto; bottom: auto; }
`;
const POPUP_PREVIEW_CSS = `
.zy-editor-popup { width: 380px; border: 1px solid var(--zy-border); border-radius: 8px;
  background: #fff; overflow: hidden; }
`;

const ACTION_NAMES: Record<TipActionKind, EditorTextKey> = {
  'page-open': 'actionPageOpen',
  marker: 'actionMarker',
  export: 'actionExport',
  copy: 'actionCopy',
  submit: 'actionSubmit',
  'first-run': 'actionFirstRun',
};

export interface ContentEditorProps {
  id: string;
  language: Language;
  inForce: InForce;
  tourDrafts: DraftListing[];
  contentDrafts: ContentDraftListing[];
  onSaved: () => void;
  onDeleted: () => void;
}

export function ContentDraftEditor(props: ContentEditorProps) {
  const { id, language, inForce } = props;
  const t: Text = (key, params) => editorText(language, key, params);
  const [draft, setDraft] = useState<ContentDraft | null | undefined>(undefined);
  const [saveState, setSaveState] = useState<'saved' | 'pending' | string>('saved');
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<ContentDraft | null>(null);
  const onSaved = props.onSaved;

  useEffect(() => {
    void sendMessage('page:getContentDraft', { id })
      .then((loaded) => {
        latest.current = loaded;
        setDraft(loaded);
      })
      .catch(() => setDraft(null));
  }, [id]);

  const save = useCallback(async (): Promise<boolean> => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    const current = latest.current;
    if (!current) return false;
    try {
      const reply = await sendMessage('page:putContentDraft', { draft: current });
      setSaveState(reply.saved ? 'saved' : (reply.reason ?? editorText(language, 'saveFailed')));
      if (reply.saved) onSaved();
      return reply.saved;
    } catch (error) {
      setSaveState(
        editorText(language, 'saveFailedReason', {
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
      return false;
    }
  }, [onSaved, language]);

  useEffect(
    () => () => {
      // Leaving the draft (another one opened): what was typed last is not lost.
      if (saveTimer.current) void save();
    },
    [save],
  );

  const change = (next: ContentDraft): void => {
    latest.current = next;
    setDraft(next);
    setSaveState('pending');
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void save(), SAVE_AFTER_MS);
  };

  const known = useMemo(
    () => ({
      tourIds: [
        ...inForce.tours.map((tour) => tour.id),
        ...props.tourDrafts.map((listing) => listing.tourId),
      ],
      markerIds: inForce.rules.markers.map((marker) => marker.id),
    }),
    [inForce, props.tourDrafts],
  );
  const issues = useMemo(() => (draft ? checkContentDraft(draft, known) : []), [draft, known]);

  if (draft === undefined) return <p className="zy-muted">{t('loading')}</p>;
  if (draft === null) return <p role="alert">{t('notFound')}</p>;

  const remove = async () => {
    if (!globalThis.confirm(t('confirmDelete', { title: draft.title || t('untitled') }))) return;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    await sendMessage('page:deleteContentDraft', { id: draft.id });
    props.onDeleted();
  };

  const kindName = t(draft.kind === 'article' ? 'kindArticle' : 'kindTip');
  return (
    <article aria-labelledby="zy-draft-title" data-draft-kind={draft.kind}>
      <DraftStatus
        heading={
          <>
            <span className="zy-muted">{kindName} · </span>
            {draft.title || t('untitled')}
          </>
        }
        saveState={saveState}
        problems={issues.length}
        valid={t(draft.kind === 'article' ? 'articleValid' : 'tipValid')}
        t={t}
      >
        <IssueList issues={issues} />
      </DraftStatus>

      {draft.kind === 'article' ? (
        <ArticleFields
          draft={draft}
          issues={issues}
          t={t}
          inForce={inForce}
          tourDrafts={props.tourDrafts}
          change={change}
        />
      ) : (
        <TipFields draft={draft} issues={issues} t={t} inForce={inForce} change={change} />
      )}

      <Preview draft={draft} language={language} t={t} tours={inForce.tours} />

      <section aria-labelledby="zy-delete-title">
        <h3 id="zy-delete-title" className="zy-sr-only sr-only">
          {t('deleteDraft')}
        </h3>
        <button type="button" onClick={() => void remove()}>
          {t('deleteDraft')}
        </button>
      </section>

      <PublishSection
        current={{ kind: draft.kind, id: draft.id, title: draft.title || t('untitled') }}
        drafts={props.tourDrafts}
        contentDrafts={props.contentDrafts}
        inForce={inForce}
        language={language}
        save={save}
      />
    </article>
  );
}

// ---------------------------------------------------------------------------------------------
// Fields

/** Issues at `path` or inside it (`tours` holds `tours[0]`). */
function issuesAt(issues: readonly ContentIssue[], path: string): ContentIssue[] {
  return issues.filter(
    (issue) =>
      issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`),
  );
}

/** A labelled field with its problems right under it (path and message, as the build says). */
/** A one-line (or, with `rows`, multi-line) text field in a {@link FieldRow}. */
function TextField({
  rows,
  value,
  onChange,
  ...row
}: {
  label: string;
  issues: readonly ContentIssue[];
  path: string | string[];
  wide?: boolean;
  rows?: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <FieldRow {...row}>
      {(a) => {
        const field = {
          value,
          'aria-invalid': a.invalid || undefined,
          'aria-describedby': a.describedBy,
        };
        return rows ? (
          <textarea rows={rows} {...field} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input {...field} onChange={(event) => onChange(event.target.value)} />
        );
      }}
    </FieldRow>
  );
}

function FieldRow({
  label,
  issues,
  path,
  wide,
  children,
}: {
  label: string;
  issues: readonly ContentIssue[];
  /** Paths inside the item whose problems belong to this field. */
  path: string | string[];
  wide?: boolean;
  children: (ids: { describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const issueId = useId();
  const mine = (Array.isArray(path) ? path : [path]).flatMap((p) => issuesAt(issues, p));
  return (
    <div
      className={`zy-editor-field${mine.length > 0 ? ' zy-editor-invalid' : ''}${wide ? ' zy-editor-wide' : ''}`}
    >
      <label>
        <span>{label}</span>
        {children({ describedBy: mine.length > 0 ? issueId : undefined, invalid: mine.length > 0 })}
      </label>
      {mine.length > 0 ? (
        <ul id={issueId} className="zy-editor-issues">
          {mine.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code>{issue.path}</code> {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A list typed in one box, kept as typed while the list is what is stored. */
function ListInput({
  value,
  onChange,
  lines,
  rows = 2,
  ...aria
}: {
  value: readonly string[];
  onChange: (next: string[]) => void;
  /** One item a line (URL patterns); otherwise commas, 、 and new lines separate. */
  lines?: boolean;
  rows?: number;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean | undefined;
}) {
  const joined = value.join(lines ? '\n' : '、');
  const [typed, setTyped] = useState(joined);
  const parse = lines ? parseLines : parseList;
  // Changed elsewhere (another draft loaded into the same field): show the stored list.
  const shown = sameList(parse(typed), value) ? typed : joined;
  return (
    <textarea
      rows={rows}
      value={shown}
      {...aria}
      onChange={(event) => {
        setTyped(event.target.value);
        onChange(parse(event.target.value));
      }}
    />
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function ArticleFields({
  draft,
  issues,
  t,
  inForce,
  tourDrafts,
  change,
}: {
  draft: ArticleDraft;
  issues: ContentIssue[];
  t: Text;
  inForce: InForce;
  tourDrafts: DraftListing[];
  change: (next: ArticleDraft) => void;
}) {
  const set = (patch: Partial<ArticleDraft>) => {
    const next: ArticleDraft = { ...draft, ...patch };
    for (const key of ['titleEn', 'bodyEn'] as const) if (next[key] === '') delete next[key];
    change(next);
  };
  const tourChoices = new Map<string, string>();
  for (const tour of inForce.tours) tourChoices.set(tour.id, tour.title);
  for (const listing of tourDrafts)
    if (!tourChoices.has(listing.tourId))
      tourChoices.set(listing.tourId, `${listing.title}（${t('tourDraftTag')}）`);
  // Linked ids that are not (or no longer) there stay visible, so they can be unticked.
  for (const tourId of draft.tours) if (!tourChoices.has(tourId)) tourChoices.set(tourId, tourId);
  return (
    <section aria-labelledby="zy-article-fields">
      <h3 id="zy-article-fields">{t('articleFields')}</h3>
      <div className="zy-editor-grid">
        <TextField
          label={t('articleId')}
          issues={issues}
          path="id"
          value={draft.articleId}
          onChange={(value) => set({ articleId: value.trim() })}
        />
        <FieldRow label={t('module')} issues={issues} path="module">
          {() => (
            <select
              value={draft.module}
              onChange={(event) => set({ module: event.target.value as TourModule })}
            >
              {TOUR_MODULES.map((module) => (
                <option key={module}>{module}</option>
              ))}
            </select>
          )}
        </FieldRow>
        <TextField
          label={t('titleZh')}
          issues={issues}
          path="title"
          value={draft.title}
          onChange={(title) => set({ title })}
        />
        <TextField
          label={t('titleEn')}
          issues={issues}
          path="i18n.en.title"
          value={draft.titleEn ?? ''}
          onChange={(titleEn) => set({ titleEn })}
        />
        <FieldRow label={t('keywordsZh')} issues={issues} path="keywords">
          {(a) => (
            <ListInput
              value={draft.keywords}
              aria-invalid={a.invalid || undefined}
              aria-describedby={a.describedBy}
              onChange={(keywords) => set({ keywords })}
            />
          )}
        </FieldRow>
        <FieldRow label={t('keywordsEn')} issues={issues} path="i18n.en.keywords">
          {(a) => (
            <ListInput
              value={draft.keywordsEn}
              aria-invalid={a.invalid || undefined}
              aria-describedby={a.describedBy}
              onChange={(keywordsEn) => set({ keywordsEn })}
            />
          )}
        </FieldRow>
        <FieldRow label={t('articlePages')} issues={issues} path="applies" wide>
          {(a) => (
            <ListInput
              lines
              value={draft.applies}
              aria-invalid={a.invalid || undefined}
              aria-describedby={a.describedBy}
              onChange={(applies) => set({ applies })}
            />
          )}
        </FieldRow>
      </div>
      <fieldset className="zy-editor-audience zy-editor-choices">
        <legend>{t('articleTours')}</legend>
        {[...tourChoices].map(([tourId, title]) => (
          <label key={tourId}>
            <input
              type="checkbox"
              checked={draft.tours.includes(tourId)}
              onChange={(event) =>
                set({
                  tours: event.target.checked
                    ? [...draft.tours, tourId]
                    : draft.tours.filter((id) => id !== tourId),
                })
              }
            />
            {title} <code className="zy-muted">{tourId}</code>
          </label>
        ))}
        <IssueList issues={issuesAt(issues, 'tours')} />
      </fieldset>
      <div className="zy-editor-grid">
        <TextField
          label={t('contentBodyZh')}
          issues={issues}
          path="body"
          rows={10}
          value={draft.body}
          onChange={(body) => set({ body })}
        />
        <TextField
          label={t('contentBodyEn')}
          issues={issues}
          path="i18n.en.body"
          rows={10}
          value={draft.bodyEn ?? ''}
          onChange={(bodyEn) => set({ bodyEn })}
        />
      </div>
    </section>
  );
}

function TipFields({
  draft,
  issues,
  t,
  inForce,
  change,
}: {
  draft: TipDraft;
  issues: ContentIssue[];
  t: Text;
  inForce: InForce;
  change: (next: TipDraft) => void;
}) {
  const set = (patch: Partial<TipDraft>) => {
    const next: TipDraft = { ...draft, ...patch };
    for (const key of ['titleEn', 'bodyEn', 'source', 'marker', 'dueSince'] as const)
      if (next[key] === '') delete next[key];
    if (next.dueSince === undefined) {
      delete next.dueAfter;
      delete next.dueUnknown;
    }
    change(next);
  };
  const markers = inForce.rules.markers;
  const markerOptions = (current: string | undefined) => (
    <>
      <option value="">{t('noMarker')}</option>
      {markers.map((marker) => (
        <option key={marker.id} value={marker.id}>
          {marker.id} — {marker.note}
        </option>
      ))}
      {current && !markers.some((marker) => marker.id === current) ? (
        <option value={current}>{current}</option>
      ) : null}
    </>
  );
  return (
    <section aria-labelledby="zy-tip-fields">
      <h3 id="zy-tip-fields">{t('tipFields')}</h3>
      <p className="zy-muted">{t('tipScope')}</p>
      <div className="zy-editor-grid">
        <TextField
          label={t('tipId')}
          issues={issues}
          path="id"
          value={draft.tipId}
          onChange={(value) => set({ tipId: value.trim() })}
        />
        <FieldRow label={t('severity')} issues={issues} path="tip.severity">
          {() => (
            <select
              value={draft.severity}
              onChange={(event) =>
                set({ severity: event.target.value as (typeof SEVERITIES)[number] })
              }
            >
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {t(
                    severity === 'info'
                      ? 'severityInfo'
                      : severity === 'warning'
                        ? 'severityWarning'
                        : 'severityCritical',
                  )}
                </option>
              ))}
            </select>
          )}
        </FieldRow>
        <TextField
          label={t('titleZh')}
          issues={issues}
          path="tip.title"
          value={draft.title}
          onChange={(title) => set({ title })}
        />
        <TextField
          label={t('titleEn')}
          issues={issues}
          path="tip.i18n.en.title"
          value={draft.titleEn ?? ''}
          onChange={(titleEn) => set({ titleEn })}
        />
        <TextField
          label={t('contentBodyZh')}
          issues={issues}
          path="tip.body"
          rows={4}
          value={draft.body}
          onChange={(body) => set({ body })}
        />
        <TextField
          label={t('contentBodyEn')}
          issues={issues}
          path={['tip.i18n.en.body', 'tip.i18n']}
          rows={4}
          value={draft.bodyEn ?? ''}
          onChange={(bodyEn) => set({ bodyEn })}
        />
        <TextField
          label={t('tipSource')}
          issues={issues}
          path="tip.source"
          value={draft.source ?? ''}
          onChange={(source) => set({ source })}
        />
        <FieldRow label={t('tipVersion')} issues={issues} path="tip.version">
          {(a) => (
            <input
              type="number"
              min={1}
              step={1}
              value={Number.isFinite(draft.version) ? draft.version : ''}
              aria-invalid={a.invalid || undefined}
              aria-describedby={a.describedBy}
              onChange={(event) => set({ version: Number(event.target.value) })}
            />
          )}
        </FieldRow>
      </div>

      <h4>{t('tipWhen')}</h4>
      <fieldset className="zy-editor-audience">
        <legend>{t('tipActions')}</legend>
        {TIP_ACTIONS.map((action) => (
          <label key={action}>
            <input
              type="checkbox"
              checked={draft.actions.includes(action)}
              onChange={(event) =>
                set({
                  actions: event.target.checked
                    ? TIP_ACTIONS.filter((a) => a === action || draft.actions.includes(a))
                    : draft.actions.filter((a) => a !== action),
                })
              }
            />
            {t(ACTION_NAMES[action])}
          </label>
        ))}
        <IssueList issues={issuesAt(issues, 'where.action')} />
      </fieldset>
      <div className="zy-editor-grid">
        <FieldRow label={t('tipPages')} issues={issues} path="where.url" wide>
          {(a) => (
            <ListInput
              lines
              value={draft.urls}
              aria-invalid={a.invalid || undefined}
              aria-describedby={a.describedBy}
              onChange={(urls) => set({ urls })}
            />
          )}
        </FieldRow>
        <FieldRow label={t('tipMarker')} issues={issues} path="where.marker">
          {(a) => (
            <select
              value={draft.marker ?? ''}
              aria-invalid={a.invalid || undefined}
              aria-describedby={a.describedBy}
              onChange={(event) => set({ marker: event.target.value })}
            >
              {markerOptions(draft.marker)}
            </select>
          )}
        </FieldRow>
        <FieldRow label={t('tipNames')} issues={issues} path="where.names">
          {(a) => (
            <ListInput
              value={draft.names}
              aria-invalid={a.invalid || undefined}
              aria-describedby={a.describedBy}
              onChange={(names) => set({ names })}
            />
          )}
        </FieldRow>
        <FieldRow label={t('tipPersonalData')} issues={issues} path="where.personalData">
          {(a) => (
            <select
              value={draft.personalData === undefined ? '' : String(draft.personalData)}
              aria-invalid={a.invalid || undefined}
              aria-describedby={a.describedBy}
              onChange={(event) => {
                const value = event.target.value;
                const next: TipDraft = { ...draft };
                if (value === '') delete next.personalData;
                else next.personalData = value === 'true';
                change(next);
              }}
            >
              <option value="">{t('personalAny')}</option>
              <option value="true">{t('personalYes')}</option>
              <option value="false">{t('personalNo')}</option>
            </select>
          )}
        </FieldRow>
      </div>
      <fieldset className="zy-editor-audience">
        <legend>{t('tipRoles')}</legend>
        {ROLE_MODES.map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="zy-tip-role-mode"
              checked={draft.roleMode === mode}
              onChange={() => set({ roleMode: mode })}
            />
            {t(mode === 'all' ? 'rolesAll' : mode === 'only' ? 'rolesOnly' : 'rolesExcept')}
          </label>
        ))}
        {draft.roleMode !== 'all' ? (
          <div>
            {ROLES.map((role) => (
              <label key={role}>
                <input
                  type="checkbox"
                  checked={draft.roles.includes(role)}
                  onChange={(event) =>
                    set({
                      roles: event.target.checked
                        ? ROLES.filter((r) => r === role || draft.roles.includes(r))
                        : draft.roles.filter((r) => r !== role),
                    })
                  }
                />
                {role}
              </label>
            ))}
          </div>
        ) : null}
        <IssueList issues={issuesAt(issues, 'where.roles')} />
      </fieldset>

      <h4>{t('tipHowOften')}</h4>
      <div className="zy-editor-grid">
        <FieldRow label={t('tipFrequency')} issues={issues} path="frequency">
          {() => (
            <select
              value={draft.frequency}
              onChange={(event) =>
                set({ frequency: event.target.value as (typeof FREQUENCIES)[number] })
              }
            >
              {FREQUENCIES.map((frequency) => (
                <option key={frequency} value={frequency}>
                  {t(
                    frequency === 'once'
                      ? 'frequencyOnce'
                      : frequency === 'session'
                        ? 'frequencySession'
                        : frequency === 'day'
                          ? 'frequencyDay'
                          : 'frequencyVersion',
                  )}
                </option>
              ))}
            </select>
          )}
        </FieldRow>
        <TextField
          label={t('tipSnooze')}
          issues={issues}
          path="snooze"
          value={draft.snooze}
          onChange={(value) => set({ snooze: value.trim() })}
        />
        <FieldRow label={t('tipAcknowledge')} issues={issues} path="acknowledge">
          {() => (
            <input
              type="checkbox"
              checked={draft.acknowledge}
              onChange={(event) => set({ acknowledge: event.target.checked })}
            />
          )}
        </FieldRow>
        <FieldRow label={t('tipDismissible')} issues={issues} path="dismissible">
          {(a) => (
            <input
              type="checkbox"
              checked={draft.dismissible}
              aria-invalid={a.invalid || undefined}
              aria-describedby={a.describedBy}
              onChange={(event) => set({ dismissible: event.target.checked })}
            />
          )}
        </FieldRow>
        <FieldRow label={t('tipDueSince')} issues={issues} path="due.since">
          {(a) => (
            <select
              value={draft.dueSince ?? ''}
              aria-invalid={a.invalid || undefined}
              aria-describedby={a.describedBy}
              onChange={(event) =>
                set({
                  dueSince: event.target.value,
                  ...(event.target.value && !draft.dueAfter ? { dueAfter: '3mo' } : {}),
                })
              }
            >
              {markerOptions(draft.dueSince)}
            </select>
          )}
        </FieldRow>
        {draft.dueSince ? (
          <>
            <TextField
              label={t('tipDueAfter')}
              issues={issues}
              path="due.after"
              value={draft.dueAfter ?? ''}
              onChange={(value) => set({ dueAfter: value.trim() })}
            />
            <FieldRow label={t('tipDueUnknown')} issues={issues} path="due.unknown">
              {() => (
                <select
                  value={draft.dueUnknown ?? 'first-run'}
                  onChange={(event) =>
                    set({ dueUnknown: event.target.value as (typeof DUE_UNKNOWN)[number] })
                  }
                >
                  {DUE_UNKNOWN.map((value) => (
                    <option key={value} value={value}>
                      {t(
                        value === 'first-run'
                          ? 'dueFirstRun'
                          : value === 'always'
                            ? 'dueAlways'
                            : 'dueNever',
                      )}
                    </option>
                  ))}
                </select>
              )}
            </FieldRow>
          </>
        ) : null}
      </div>
    </section>
  );
}

function IssueList({ issues }: { issues: readonly ContentIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="zy-editor-issues">
      {issues.map((issue) => (
        <li key={`${issue.path}:${issue.message}`}>
          <code>{issue.path || '—'}</code> {issue.message}
        </li>
      ))}
    </ul>
  );
}

// ---------------------------------------------------------------------------------------------
// Preview

/** A tip draft as its card draws it (features/rules/engine.ts toDecision, same fields). */
export function tipPreviewDecision(draft: TipDraft, language: Language): TipDecision {
  const english = language === 'en' && draft.titleEn?.trim() && draft.bodyEn?.trim();
  const source = draft.source?.trim();
  return {
    // The draft's id, not the tip id being typed: a critical tip's card takes focus when its id
    // changes, which would pull the caret out of the 提示 id field at every keystroke.
    tipId: `preview-${draft.id}`,
    contentVersion: draft.version,
    severity: draft.severity,
    title: (english ? draft.titleEn : draft.title)?.trim() ?? '',
    body: (english ? draft.bodyEn : draft.body) ?? '',
    ...(source ? { source } : {}),
    acknowledge: draft.acknowledge,
    // Only whether 稍后提醒 is offered matters to the card.
    ...(draft.snooze.trim() ? { snoozeMs: 1 } : {}),
    dismissible: draft.dismissible,
    presentation: draft.severity === 'critical' ? 'dialog' : 'status',
  };
}

const ignore = () => undefined;
const TIP_CSS = [overlayCss, tipsCss, TIP_PREVIEW_CSS];
const POPUP_CSS = [pagesCss, popupCss, POPUP_PREVIEW_CSS];

function Preview({
  draft,
  language,
  t,
  tours,
}: {
  draft: ContentDraft;
  language: Language;
  t: Text;
  tours: readonly Tour[];
}) {
  const [previewLanguage, setPreviewLanguage] = useState<Language>(language);
  const tourMap = useMemo(() => new Map(tours.map((tour) => [tour.id, tour])), [tours]);
  const english = previewLanguage === 'en';
  let shown: ReactNode;
  if (draft.kind === 'article') {
    const popupText = (key: Parameters<typeof translate>[1]) => translate(previewLanguage, key);
    shown = (
      <ShadowPreview css={POPUP_CSS} rootClassName="zy-editor-popup" label={t('previewArticle')}>
        <ArticleView
          doc={{
            id: draft.articleId,
            title: (english && draft.titleEn?.trim()) || draft.title,
            body: (english && draft.bodyEn?.trim()) || draft.body,
            meta: `${popupText('helpKindArticle')} · ${moduleName(draft.module, previewLanguage)}`,
            tourIds: draft.tours,
          }}
          tours={tourMap}
          language={previewLanguage}
          t={popupText}
          canStart={false}
          onStartTour={ignore}
          onBack={ignore}
        />
      </ShadowPreview>
    );
  } else {
    shown = (
      <ShadowPreview css={TIP_CSS} rootClassName="zy-root" label={t('previewTip')}>
        <TipCard
          tip={tipPreviewDecision(draft, previewLanguage)}
          language={previewLanguage}
          onAcknowledge={ignore}
          onSnooze={ignore}
          onDismiss={ignore}
        />
      </ShadowPreview>
    );
  }
  return (
    <section className="zy-editor-preview" aria-labelledby="zy-content-preview">
      <h3 id="zy-content-preview">{t('previewTitle')}</h3>
      <p className="zy-muted">
        {t(draft.kind === 'article' ? 'previewArticleNote' : 'previewTipNote')}
      </p>
      <label>
        {t('previewLanguage')}{' '}
        <select
          value={previewLanguage}
          onChange={(event) => setPreviewLanguage(event.target.value as Language)}
        >
          <option value="zh_CN">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      {shown}
    </section>
  );
}
