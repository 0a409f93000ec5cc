import type { MessageKey } from '../../../lib/i18n/messages';
import { localizedTour } from '../docs';
import type { Language } from '../../../lib/settings/preferences';
import type { Tour } from '../../tour/schema';
import { Markdown } from '../../../components/markdown/Markdown';
import { RecordList } from '../../../components/Records';

/** What the view shows: a help article or a compliance tip, already in the learner's language. */
export interface ReadableDoc {
  id: string;
  title: string;
  /** e.g. "帮助文章 · 操作" or "操作规范 · 三不准 · 不准泄露用户信息". */
  meta: string;
  /** Markdown. */
  body: string;
  /** Tours that show it on the page. */
  tourIds: readonly string[];
}

export interface ArticleViewProps {
  doc: ReadableDoc;
  tours: ReadonlyMap<string, Tour>;
  language: Language;
  t: (key: MessageKey) => string;
  /** False when Zhiyin does not run in the tab: tours cannot start there. */
  canStart: boolean;
  onStartTour: (tourId: string) => void;
  onBack: () => void;
}

/** One help article (or tip) in the popup: sanitized Markdown, then the tours that show it. */
export function ArticleView(props: ArticleViewProps) {
  const { doc, language, t } = props;
  const linked = doc.tourIds
    .map((id) => props.tours.get(id))
    .filter((tour): tour is Tour => tour !== undefined);
  return (
    <article className="zy-article" data-article={doc.id} aria-labelledby="zy-article-title">
      <button type="button" className="zy-link-button" onClick={props.onBack}>
        ← {t('helpBack')}
      </button>
      <h2 id="zy-article-title" className="zy-article-title">
        {doc.title}
      </h2>
      <p className="zy-muted zy-small">{doc.meta}</p>
      <div className="zy-markdown">
        <Markdown source={doc.body} />
      </div>
      <h3 className="zy-subhead">{t('helpRelatedTours')}</h3>
      <RecordList rows={linked} empty={t('helpNoRelatedTours')} testId="article-tours">
        {(tour) => {
          const title = localizedTour(tour, language).title;
          return (
            <li key={tour.id}>
              <span>{title}</span>
              <button
                type="button"
                className="zy-primary"
                aria-label={`${t('popupStartTour')}：${title}`}
                disabled={!props.canStart}
                onClick={() => props.onStartTour(tour.id)}
              >
                {t('popupStartTour')}
              </button>
            </li>
          );
        }}
      </RecordList>
      {!props.canStart && linked.length > 0 && (
        <p className="zy-muted zy-small">{t('helpStartNeedsPage')}</p>
      )}
    </article>
  );
}
