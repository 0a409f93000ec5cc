import type { MessageKey } from '../../lib/i18n/messages';
import { localizedTour, moduleName } from '../../lib/help/docs';
import type { HelpArticle } from '../../lib/help/schema';
import { localizedArticle } from '../../lib/help/schema';
import type { Language } from '../../lib/settings/preferences';
import type { Tour } from '../../lib/tour/schema';
import { Markdown } from '../markdown/Markdown';

export interface ArticleViewProps {
  article: HelpArticle;
  tours: ReadonlyMap<string, Tour>;
  language: Language;
  t: (key: MessageKey) => string;
  /** False when Zhiyin does not run in the tab: tours cannot start there. */
  canStart: boolean;
  onStartTour: (tourId: string) => void;
  onBack: () => void;
}

/** One help article in the popup: sanitized Markdown, then the tours that show it on the page. */
export function ArticleView(props: ArticleViewProps) {
  const { article, language, t } = props;
  const text = localizedArticle(article, language);
  const linked = article.tours
    .map((id) => props.tours.get(id))
    .filter((tour): tour is Tour => tour !== undefined);
  return (
    <article className="zy-article" data-article={article.id} aria-labelledby="zy-article-title">
      <button type="button" className="zy-link-button" onClick={props.onBack}>
        ← {t('helpBack')}
      </button>
      <h2 id="zy-article-title" className="zy-article-title">
        {text.title}
      </h2>
      <p className="zy-muted zy-small">
        {t('helpKindArticle')} · {moduleName(article.module, language)}
      </p>
      <div className="zy-markdown">
        <Markdown source={text.body} />
      </div>
      <h3 className="zy-subhead">{t('helpRelatedTours')}</h3>
      {linked.length === 0 ? (
        <p className="zy-muted">{t('helpNoRelatedTours')}</p>
      ) : (
        <ul className="zy-list" data-testid="article-tours">
          {linked.map((tour) => {
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
          })}
        </ul>
      )}
      {!props.canStart && linked.length > 0 && (
        <p className="zy-muted zy-small">{t('helpStartNeedsPage')}</p>
      )}
    </article>
  );
}
