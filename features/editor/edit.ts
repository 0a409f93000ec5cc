/**
 * The tour editor's changes to a draft, as pure functions (the view only wires them): reorder,
 * remove, change one step, change the tour's fields. Each returns a new draft; the input is never
 * changed, so React sees every edit.
 */
import type { DraftStep, TourDraft } from '../author/draft';

/** Moves step `index` by `delta` places (−1 up, +1 down); unchanged at either end. */
export function moveStep(draft: TourDraft, index: number, delta: -1 | 1): TourDraft {
  const to = index + delta;
  if (index < 0 || index >= draft.steps.length || to < 0 || to >= draft.steps.length) return draft;
  const steps = [...draft.steps];
  const [moved] = steps.splice(index, 1);
  if (!moved) return draft;
  steps.splice(to, 0, moved);
  return { ...draft, steps };
}

export function removeStep(draft: TourDraft, index: number): TourDraft {
  if (index < 0 || index >= draft.steps.length) return draft;
  return { ...draft, steps: draft.steps.filter((_, i) => i !== index) };
}

export function updateStep(draft: TourDraft, index: number, change: Partial<DraftStep>): TourDraft {
  const step = draft.steps[index];
  if (!step) return draft;
  const next: DraftStep = { ...step, ...change };
  // Optional texts emptied are dropped, so the exported file has no empty keys.
  for (const key of ['titleEn', 'bodyEn', 'navigationUrl', 'page'] as const) {
    if (next[key] !== undefined && next[key] === '') delete next[key];
  }
  const steps = [...draft.steps];
  steps[index] = next;
  return { ...draft, steps };
}

export function updateTour(
  draft: TourDraft,
  change: Partial<Omit<TourDraft, 'id' | 'steps' | 'createdAt'>>,
): TourDraft {
  const next = { ...draft, ...change };
  for (const key of ['titleEn', 'summaryEn'] as const) {
    if (next[key] !== undefined && next[key] === '') delete next[key];
  }
  return next;
}

/** URL patterns as the editor's text box holds them: one per line, blank lines dropped. */
export function parseUrlLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
