import type { Language } from '../../../lib/settings/preferences';
import type { Tour } from '../schema';

/**
 * The tour as the learner reads it: English texts from `i18n.en` where the author provided them,
 * Chinese (the source) otherwise. Ids, targets and rules are untouched.
 */
export function localizeTour(tour: Tour, language: Language): Tour {
  const en = tour.i18n?.en;
  if (language !== 'en' || !en) return tour;
  return {
    ...tour,
    title: en.title ?? tour.title,
    summary: en.summary ?? tour.summary,
    steps: tour.steps.map((step) => {
      const text = en.steps?.[step.id];
      return text
        ? { ...step, title: text.title ?? step.title, body: text.body ?? step.body }
        : step;
    }),
  };
}
