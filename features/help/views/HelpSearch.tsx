import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { translate, type MessageKey } from '../../../lib/i18n/messages';
import { helpDocKey, localizedTip, moduleName, parseHelpDocKey } from '../docs';
import { localizedArticle } from '../schema';
import type { HelpHit } from '../search-index';
import type { Language } from '../../../lib/settings/preferences';
import { ArticleView, type ReadableDoc } from './ArticleView';
import { Highlighted } from './Highlighted';
import type { HelpContent } from './use-help-index';
import { RecordList } from '../../../components/Records';

export interface HelpSearchProps {
  content: HelpContent | null;
  language: Language;
  /** The tab's page address: its documents are listed for an empty query and ranked first. */
  currentUrl: string | null;
  canStart: boolean;
  onStartTour: (tourId: string) => void;
  /** A query (trimmed) that found nothing, once the learner stopped typing or pressed Enter. */
  onMiss: (query: string) => void;
  /** Shown under the page's documents while the query is empty (tab status, role, activity). */
  children?: ReactNode;
}

const RESULT_LIMIT = 20;
/** How long a query must stay unchanged before a zero-result search counts as a miss. */
const MISS_SETTLE_MS = 1500;

/**
 * The popup's help center: one search box over help articles and tours. Results for the current
 * page come first (as their own group), matches are highlighted from Segment[] (no HTML), an
 * article opens in the popup, a tour starts directly.
 */
export function HelpSearch(props: HelpSearchProps) {
  const { content, language, currentUrl } = props;
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(language, key, params);
  const [query, setQuery] = useState('');
  /** Index key (article:… or rule:…) of the document open in the popup. */
  const [openDoc, setOpenDoc] = useState<string | null>(null);
  const reported = useRef<string | null>(null);
  const onMiss = props.onMiss;

  const trimmed = query.trim();
  const hits = useMemo<HelpHit[]>(() => {
    if (!content || !trimmed) return [];
    return content.index.search(trimmed, {
      limit: RESULT_LIMIT,
      ...(currentUrl ? { currentUrl } : {}),
    });
  }, [content, trimmed, currentUrl]);
  const missed = content !== null && trimmed !== '' && hits.length === 0;

  const reportMiss = (text: string) => {
    if (reported.current === text) return;
    reported.current = text;
    onMiss(text);
  };
  useEffect(() => {
    if (!missed) return;
    const timer = window.setTimeout(() => reportMiss(trimmed), MISS_SETTLE_MS);
    return () => window.clearTimeout(timer);
    // reportMiss only reads a ref and the stable onMiss.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [missed, trimmed]);

  const readable = openDoc && content ? readableDoc(content, openDoc) : null;
  if (readable && content) {
    return (
      <ArticleView
        doc={readable}
        tours={content.tours}
        language={language}
        t={t}
        canStart={props.canStart}
        onStartTour={props.onStartTour}
        onBack={() => setOpenDoc(null)}
      />
    );
  }

  function readableDoc(loaded: HelpContent, key: string): ReadableDoc | null {
    const { kind, id } = parseHelpDocKey(key);
    if (kind === 'article') {
      const found = loaded.articles.get(id);
      if (!found) return null;
      const text = localizedArticle(found, language);
      return {
        id,
        title: text.title,
        body: text.body,
        meta: `${t('helpKindArticle')} · ${moduleName(found.module, language)}`,
        tourIds: found.tours,
      };
    }
    if (kind === 'rule') {
      const found = loaded.tips.get(id);
      if (!found) return null;
      const text = localizedTip(found, language);
      return {
        id,
        ...text,
        meta: [t('helpKindRule'), found.tip.source].filter(Boolean).join(' · '),
        tourIds: [],
      };
    }
    return null;
  }

  const here = hits.filter((hit) => hit.onCurrentPage);
  const elsewhere = hits.filter((hit) => !hit.onCurrentPage);
  const pageDocs = content && currentUrl ? content.index.forPage(currentUrl, 20) : [];
  const pageArticles = pageDocs
    .filter((doc) => doc.kind === 'article')
    .map((doc) => ({ id: parseHelpDocKey(doc.id).id, title: doc.title }));

  const renderHit = (hit: HelpHit) => {
    const { kind, id } = parseHelpDocKey(hit.id);
    return (
      <li key={hit.id} className="zy-hit" data-kind={kind} data-id={id}>
        <div className="zy-hit-main">
          <div className="zy-hit-title">
            <span className={`zy-kind zy-kind-${kind}`}>
              {kind === 'tour'
                ? t('helpKindTour')
                : kind === 'rule'
                  ? t('helpKindRule')
                  : t('helpKindArticle')}
            </span>{' '}
            {kind !== 'tour' ? (
              <button
                type="button"
                className="zy-link-button zy-hit-link"
                onClick={() => setOpenDoc(hit.id)}
              >
                <Highlighted segments={hit.highlights.title} />
              </button>
            ) : (
              <strong>
                <Highlighted segments={hit.highlights.title} />
              </strong>
            )}
          </div>
          <div className="zy-hit-snippet">
            <Highlighted segments={hit.highlights.snippet} />
          </div>
          <div className="zy-muted zy-small">
            {hit.module ? moduleName(hit.module, language) : ''}
            {hit.onCurrentPage ? ` · ${t('helpOnThisPage')}` : ''}
          </div>
        </div>
        {kind === 'tour' ? (
          <button
            type="button"
            className="zy-primary"
            aria-label={`${t('popupStartTour')}：${hit.title}`}
            disabled={!props.canStart}
            onClick={() => props.onStartTour(id)}
          >
            {t('popupStartTour')}
          </button>
        ) : (
          <button
            type="button"
            aria-label={`${t('helpOpenArticle')}：${hit.title}`}
            onClick={() => setOpenDoc(hit.id)}
          >
            {t('helpOpenArticle')}
          </button>
        )}
      </li>
    );
  };

  return (
    <div className="zy-help" data-index-ms={content ? content.buildMs.toFixed(1) : undefined}>
      <div className="zy-section zy-search">
        <input
          type="search"
          value={query}
          aria-label={t('helpSearchLabel')}
          placeholder={t('helpSearchPlaceholder')}
          maxLength={200}
          // The popup opens to search: the learner came here because they are stuck.
          autoFocus
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && missed) reportMiss(trimmed);
          }}
        />
      </div>

      {trimmed === '' ? (
        <>
          <section className="zy-section" aria-labelledby="zy-page-articles">
            <h2 id="zy-page-articles">{t('helpArticlesHere')}</h2>
            <RecordList rows={pageArticles} empty={t('helpNoArticlesHere')} testId="articles-here">
              {(item) => (
                <li key={item.id}>
                  <span>{item.title}</span>
                  <button
                    type="button"
                    aria-label={`${t('helpOpenArticle')}：${item.title}`}
                    onClick={() => setOpenDoc(helpDocKey('article', item.id))}
                  >
                    {t('helpOpenArticle')}
                  </button>
                </li>
              )}
            </RecordList>
          </section>
          {props.children}
        </>
      ) : (
        <section className="zy-section" aria-live="polite" data-testid="help-results">
          {content === null ? null : hits.length === 0 ? (
            <p role="status">{t('helpNoResults', { query: trimmed })}</p>
          ) : (
            <>
              <p role="status" className="zy-muted zy-small">
                {t('helpResultCount', { n: hits.length })}
              </p>
              {here.length > 0 && (
                <>
                  <h2 id="zy-results-here">{t('helpForThisPage')}</h2>
                  <ul
                    className="zy-hits"
                    aria-labelledby="zy-results-here"
                    data-testid="results-here"
                  >
                    {here.map(renderHit)}
                  </ul>
                </>
              )}
              {elsewhere.length > 0 && (
                <>
                  <h2 id="zy-results-other">{t('helpOtherResults')}</h2>
                  <ul
                    className="zy-hits"
                    aria-labelledby="zy-results-other"
                    data-testid="results-other"
                  >
                    {elsewhere.map(renderHit)}
                  </ul>
                </>
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}
