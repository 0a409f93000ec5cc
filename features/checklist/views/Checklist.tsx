import { useChecklistsInForce } from './use-checklists';
import { checklistProgress, type ChecklistItem } from '../schema';
import { roleName, translate } from '../../../lib/i18n/messages';
import { inLanguage } from '../../../lib/i18n/format';
import type { Role } from '../../profile/roles';
import type { Language } from '../../../lib/settings/preferences';
import './checklist.css';
import type { TourListing } from '../../tour/protocol';
import { ProgressBar } from '../../../components/ProgressBar';

export interface ChecklistProps {
  language: Language;
  role: Role;
  /** The popup's tour listings (status and whether each applies to the tab's page). */
  tours: readonly TourListing[];
  /** Zhiyin runs on the tab's page (a tour can start there). */
  active: boolean;
  /** The tab's page address, to offer going to an item's page on the same system. */
  pageUrl: string | null;
  onStart(tourId: string): void;
  /** Opens `url` in the tab (an item that runs on another page of the same system). */
  onGo(url: string): void;
}

/**
 * The onboarding checklist of the learner's role (tours/checklists.yaml, or a content pack's): a progress bar and the
 * tours in order; an item ticks off once its tour is completed, starts here when it applies to
 * this page, and otherwise says where it runs.
 */
export function Checklist({
  language,
  role,
  tours,
  active,
  pageUrl,
  onStart,
  onGo,
}: ChecklistProps) {
  const t = inLanguage(translate, language);
  // Bundled, or a content pack's (features/packs): the same rule as the background's.
  const checklists = useChecklistsInForce();
  const items: readonly ChecklistItem[] = checklists[role] ?? [];
  if (items.length === 0) return null;
  const byId = new Map(tours.map((tour) => [tour.id, tour]));
  const completed = new Set(
    tours.filter((tour) => tour.status === 'completed').map((tour) => tour.id),
  );
  const { done, total, percent } = checklistProgress(items, completed);
  const origin = active && pageUrl ? safeOrigin(pageUrl) : null;
  const progressText = t('checklistProgress', { done, total });

  return (
    <section className="zy-section" aria-labelledby="zy-checklist" data-testid="checklist">
      <h2 id="zy-checklist">{t('checklistTitle', { role: roleName(language, role) })}</h2>
      <ProgressBar label={t('checklistProgressLabel')} percent={percent} text={progressText} />
      <p className="zy-muted zy-small" data-testid="checklist-count">
        {progressText}
        {done === total ? ` · ${t('checklistAllDone')}` : ''}
      </p>
      <ol className="zy-checklist">
        {items.map((item) => {
          const tour = byId.get(item.tourId);
          const title = tour?.title ?? item.tourId;
          const isDone = completed.has(item.tourId);
          return (
            <li key={item.tourId} data-checklist-item={item.tourId} data-done={isDone}>
              <span className={isDone ? 'zy-check zy-check-done' : 'zy-check'} aria-hidden="true">
                {isDone ? '✓' : ''}
              </span>
              <span className="zy-checklist-main">
                <span className={isDone ? 'zy-checklist-title zy-done' : 'zy-checklist-title'}>
                  {title}
                </span>
                {isDone ? (
                  <span className="zy-sr-only">（{t('popupCompleted')}）</span>
                ) : tour?.appliesHere && active ? null : (
                  <span className="zy-muted zy-small zy-checklist-where">
                    {t('checklistWhere', { page: item.page })}
                  </span>
                )}
              </span>
              {!isDone && tour?.appliesHere && active ? (
                <button
                  type="button"
                  className="zy-primary"
                  aria-label={t('checklistStartLabel', { title })}
                  onClick={() => onStart(item.tourId)}
                >
                  {t('popupStartTour')}
                </button>
              ) : !isDone && origin ? (
                <button
                  type="button"
                  aria-label={t('checklistGoLabel', { title })}
                  onClick={() => onGo(`${origin}${item.page}`)}
                >
                  {t('checklistGo')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function safeOrigin(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin.startsWith('http') ? origin : null;
  } catch {
    return null;
  }
}
