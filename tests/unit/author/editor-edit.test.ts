import { describe, expect, it } from 'vitest';
import type { DraftStep, TourDraft } from '../../../features/author/draft';
import {
  moveStep,
  parseUrlLines,
  removeStep,
  updateStep,
  updateTour,
} from '../../../features/editor/edit';

const step = (id: string): DraftStep => ({
  key: id,
  id,
  proposals: [],
  selected: 0,
  advance: 'next',
  title: id,
  body: `${id} body`,
});
const draft: TourDraft = {
  id: 'd',
  tourId: 't',
  title: 'T',
  summary: 'S',
  module: '操作',
  audience: ['基层用户'],
  urls: ['/x'],
  steps: [step('a'), step('b'), step('c')],
  createdAt: 1,
  updatedAt: 1,
};
const ids = (d: TourDraft) => d.steps.map((s) => s.id);

describe('editor changes', () => {
  it('moves a step up and down, and not past either end', () => {
    expect(ids(moveStep(draft, 2, -1))).toEqual(['a', 'c', 'b']);
    expect(ids(moveStep(draft, 0, 1))).toEqual(['b', 'a', 'c']);
    expect(moveStep(draft, 0, -1)).toBe(draft);
    expect(moveStep(draft, 2, 1)).toBe(draft);
    expect(ids(draft)).toEqual(['a', 'b', 'c']);
  });
  it('removes a step', () => {
    expect(ids(removeStep(draft, 1))).toEqual(['a', 'c']);
  });
  it('updates one step; emptied optional texts disappear', () => {
    const withEn = updateStep(draft, 1, { titleEn: 'B', body: 'new' });
    expect(withEn.steps[1]).toMatchObject({ titleEn: 'B', body: 'new' });
    const cleared = updateStep(withEn, 1, { titleEn: '' });
    expect('titleEn' in (cleared.steps[1] ?? {})).toBe(false);
    expect(draft.steps[1]?.body).toBe('b body');
  });
  it('updates the tour fields and reads URL lines', () => {
    expect(updateTour(draft, { summaryEn: '' })).not.toHaveProperty('summaryEn');
    expect(parseUrlLines(' /a* \n\n/b\n')).toEqual(['/a*', '/b']);
  });
});
