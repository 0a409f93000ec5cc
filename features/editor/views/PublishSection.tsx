/**
 * 发布内容包: the open draft (and any other drafts chosen: tours, help articles, compliance tips)
 * signed as a content pack file with the trainer's private key, chosen here for this one signing
 * (../publish.ts). The key's text lives in a local variable of `publish` only; the file input is
 * cleared once it was read.
 */
import { useEffect, useRef, useState } from 'react';
import { sendMessage } from '../../../app/protocol';
import { downloadTextFile } from '../../../components/download';
import type { Language } from '../../../lib/settings/preferences';
import type { DraftListing, TourDraft } from '../../author/draft';
import type { ArticleDraft, ContentDraftListing, TipDraft } from '../content-drafts';
import type { InForce } from './content-editor-types';
import type { PacksStatus } from '../../packs/protocol';
import {
  nextVersion,
  packFileName,
  packIdProblem,
  publishPack,
  versionProblem,
  type PublishIssue,
  type PublishedPack,
} from '../publish';
import {
  lastPackId,
  lastVersionOf,
  readPublished,
  recordPublished,
  type PublishedPacks,
} from '../published';
import { editorText, type EditorTextKey } from '../i18n';

/** Largest key file read (a JWK is ~250 bytes, a PEM ~300). */
const MAX_KEY_BYTES = 16_384;

/** A draft of any kind the editor holds, as the pack's choice names it. */
export interface PublishChoice {
  kind: 'tour' | 'article' | 'tip';
  /** The draft id. */
  id: string;
  title: string;
}

const choiceKey = (choice: Pick<PublishChoice, 'kind' | 'id'>) => `${choice.kind}:${choice.id}`;

export function PublishSection({
  current,
  drafts,
  contentDrafts,
  inForce,
  language,
  save,
}: {
  /** The draft open in the editor: always in the pack. */
  current: PublishChoice;
  /** Every tour draft. */
  drafts: DraftListing[];
  /** Every article and tip draft. */
  contentDrafts: ContentDraftListing[];
  /** The content in force: articles may link its tours, tips name its markers. */
  inForce: InForce;
  language: Language;
  /** Saves the open draft now; false when it could not be saved. */
  save: () => Promise<boolean>;
}) {
  const t = (key: EditorTextKey, params?: Record<string, string | number>) =>
    editorText(language, key, params);
  const [packId, setPackId] = useState('');
  const [version, setVersion] = useState<number | null>(null);
  const [published, setPublished] = useState<PublishedPacks | null>(null);
  const [status, setStatus] = useState<PacksStatus | null>(null);
  const [others, setOthers] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<PublishIssue[]>([]);
  const [done, setDone] = useState<PublishedPack | null>(null);
  const keyInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void readPublished().then((found) => {
      setPublished(found);
      setPackId((current) => current || lastPackId(found) || 'xunlian-neirong');
    });
    void sendMessage('page:packsStatus', undefined)
      .then(setStatus)
      .catch(() => setStatus(null));
  }, []);

  const last = published ? lastVersionOf(packId, published, status) : null;
  const lastVersion = last?.version ?? null;
  const shownVersion = version ?? nextVersion(lastVersion);
  const idProblem = packId ? packIdProblem(packId) : null;
  const versionIssue = versionProblem(shownVersion, lastVersion);

  const publish = async () => {
    setIssues([]);
    setDone(null);
    const file = keyInput.current?.files?.[0];
    if (!file) {
      setIssues([{ where: t('keyWhere'), path: '', message: t('keyMissing') }]);
      return;
    }
    if (file.size > MAX_KEY_BYTES) {
      setIssues([{ where: t('keyWhere'), path: '', message: t('keyTooLarge') }]);
      return;
    }
    setBusy(true);
    try {
      if (!(await save())) {
        setIssues([{ where: current.title, path: '', message: t('notSaved') }]);
        return;
      }
      const chosen: TourDraft[] = [];
      const articles: ArticleDraft[] = [];
      const tips: TipDraft[] = [];
      const wanted = [current, ...choices.filter((choice) => others.includes(choiceKey(choice)))];
      for (const choice of wanted) {
        if (choice.kind === 'tour') {
          const tour = await sendMessage('page:getDraft', { id: choice.id });
          if (tour) chosen.push(tour);
          continue;
        }
        const content = await sendMessage('page:getContentDraft', { id: choice.id });
        if (content?.kind === 'article') articles.push(content);
        else if (content?.kind === 'tip') tips.push(content);
      }
      const keyText = await file.text();
      // Read once: the file input forgets the file, nothing else holds its text.
      if (keyInput.current) keyInput.current.value = '';
      const result = await publishPack(
        {
          packId,
          version: shownVersion,
          drafts: chosen,
          articles,
          tips,
          toursInForce: inForce.tours,
          markerIds: inForce.rules.markers.map((marker) => marker.id),
          lastVersion,
          now: new Date(),
        },
        keyText,
      );
      if (!result.pack) {
        setIssues(result.issues);
        return;
      }
      downloadTextFile(result.pack.fileName, 'application/json', result.pack.text);
      await recordPublished(result.pack.packId, {
        version: result.pack.version,
        keyId: result.pack.keyId,
        tourIds: result.pack.tourIds,
      });
      setPublished(await readPublished());
      setVersion(null);
      setDone(result.pack);
    } catch (error) {
      setIssues([
        {
          where: t('packWhere'),
          path: '',
          message: error instanceof Error ? error.message : String(error),
        },
      ]);
    } finally {
      setBusy(false);
    }
  };

  const choices: PublishChoice[] = [
    ...drafts.map((listing) => ({ kind: 'tour' as const, id: listing.id, title: listing.title })),
    ...contentDrafts.map((listing) => ({
      kind: listing.kind,
      id: listing.id,
      title: listing.title || listing.itemId,
    })),
  ];
  const otherDrafts = choices.filter((choice) => choiceKey(choice) !== choiceKey(current));
  const kindTag = (kind: PublishChoice['kind']) =>
    t(kind === 'tour' ? 'kindTour' : kind === 'article' ? 'kindArticle' : 'kindTip');
  return (
    <section
      aria-labelledby="zy-publish-title"
      data-testid="publish-section"
      className="zy-editor-publish"
    >
      <h3 id="zy-publish-title">{t('publishTitle')}</h3>
      <p className="zy-muted">{t('publishIntro')}</p>
      <div className="zy-editor-grid">
        <label className="zy-editor-field">
          <span>{t('packId')}</span>
          <input
            value={packId}
            aria-invalid={idProblem ? true : undefined}
            aria-describedby="zy-publish-last"
            onChange={(event) => {
              setPackId(event.target.value.trim());
              setVersion(null);
            }}
          />
        </label>
        <label className="zy-editor-field">
          <span>{t('packVersion')}</span>
          <input
            type="number"
            min={1}
            step={1}
            value={shownVersion}
            aria-invalid={versionIssue ? true : undefined}
            aria-describedby="zy-publish-last"
            onChange={(event) => setVersion(Math.trunc(Number(event.target.value)))}
          />
        </label>
      </div>
      <p id="zy-publish-last" data-testid="publish-last">
        {last
          ? t(last.from === 'published' ? 'lastPublished' : 'lastApplied', {
              id: packId,
              version: last.version,
              at: last.at
                ? new Date(last.at).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', {
                    hour12: false,
                  })
                : '—',
            })
          : t('neverPublished', { id: packId || '—' })}
      </p>
      {idProblem || versionIssue ? (
        <p className="zy-warn" role="alert">
          {idProblem ?? versionIssue}
        </p>
      ) : null}
      {otherDrafts.length > 0 ? (
        <fieldset className="zy-editor-audience">
          <legend>{t('alsoInclude')}</legend>
          {otherDrafts.map((choice) => (
            <label key={choiceKey(choice)}>
              <input
                type="checkbox"
                checked={others.includes(choiceKey(choice))}
                onChange={(event) =>
                  setOthers((chosen) =>
                    event.target.checked
                      ? [...chosen, choiceKey(choice)]
                      : chosen.filter((key) => key !== choiceKey(choice)),
                  )
                }
              />
              {kindTag(choice.kind)}：{choice.title}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label className="zy-editor-field">
        <span>{t('keyFile')}</span>
        <input ref={keyInput} type="file" accept=".jwk,.json,.pem,.key,application/json" />
      </label>
      <p className="zy-muted">{t('keyNote')}</p>
      <button
        type="button"
        className="zy-primary"
        onClick={() => void publish()}
        disabled={busy || Boolean(idProblem) || Boolean(versionIssue)}
      >
        {busy ? t('publishing') : t('publish')}
      </button>{' '}
      <span className="zy-muted">
        {t('fileWillBe', { file: packFileName(packId || '…', shownVersion) })}
      </span>
      {issues.length > 0 ? (
        <div role="alert" data-testid="publish-issues">
          <p>{t('notPublished', { count: issues.length })}</p>
          <ul>
            {issues.map((issue, index) => (
              <li key={index}>
                {issue.where}
                {issue.path ? (
                  <>
                    {' '}
                    <code>{issue.path}</code>
                  </>
                ) : null}{' '}
                {issue.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {done ? (
        <div role="status" data-testid="publish-done" className="zy-ok">
          <p>
            {t('published', {
              file: done.fileName,
              id: done.packId,
              version: done.version,
              count: done.tourIds.length,
              articles: done.articleIds.length,
              tips: done.tipIds.length,
            })}
          </p>
          <p>{t('nextSteps', { keyId: done.keyId })}</p>
          <label className="zy-editor-field">
            <span>{t('publicKey')}</span>
            <input readOnly value={done.publicKey} />
          </label>
        </div>
      ) : null}
    </section>
  );
}
