/**
 * A pack's tips and tour steps name markers and field guards; opened by a learner's extension,
 * each name must exist in the pack or in the rules in force (bundled and other packs'), as the
 * build requires of bundled content. A misspelt one is refused with its path, not accepted as a
 * tip that can never show or a step whose guard never appears.
 */
import { describe, expect, it } from 'vitest';
import { validatePackPayload } from '../../../features/packs/validate';
import { packTour } from './fixtures';

const inForce = {
  markers: [{ id: 'password-changed' }],
  guards: [{ id: 'password-strength' }],
};

const tip = (where: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'pack-tip',
  where: { action: 'page-open', url: ['*index.html#/*'], ...where },
  frequency: 'session',
  acknowledge: true,
  tip: { severity: 'info', version: 1, title: '提示', body: '请按规范操作。' },
  ...extra,
});

const guarded = (guard: string) => {
  const tour = packTour('pack-guarded');
  return { ...tour, steps: [{ ...tour.steps[0], guard }, tour.steps[1]] };
};

const check = (payload: Record<string, unknown>, rulesInForce = inForce) =>
  validatePackPayload({ id: 'refs', version: 1, ...payload }, { bundledTours: [], rulesInForce });

describe('a pack naming markers and field guards', () => {
  it('accepts names from the rules in force and from the pack itself', () => {
    expect(
      check({
        tours: [guarded('password-strength')],
        rules: [
          { tips: [tip({ action: 'marker', marker: 'password-changed' })] },
          {
            markers: [
              {
                id: 'report-sent',
                url: ['*index.html#/*'],
                present: { text: '上报成功' },
                note: '上报成功',
              },
            ],
            tips: [
              tip(
                { action: 'marker', marker: 'report-sent' },
                { id: 'pack-tip-2', due: { since: 'report-sent', after: '30d' } },
              ),
            ],
          },
        ],
      }).errors,
    ).toEqual([]);
  });

  it('refuses a misspelt marker, a due clock on an unknown marker and an unknown step guard, each with its path', () => {
    const result = check({
      tours: [guarded('pasword-strength')],
      rules: [
        {
          tips: [
            tip(
              { action: 'marker', marker: 'pasword-changed' },
              { due: { since: 'never-defined', after: '3mo' } },
            ),
          ],
        },
      ],
    });
    expect(result.content).toBeNull();
    expect(result.errors.map((error) => error.path)).toEqual([
      'rules[0].tips[0].where.marker',
      'rules[0].tips[0].due.since',
      'tours[0].steps[0].guard',
    ]);
    expect(result.errors[0]?.message).toContain('没有 id 为 "pasword-changed" 的标记');
    expect(result.errors[0]?.message).toContain('password-changed');
    expect(result.errors[2]?.message).toContain('unknown guard "pasword-strength"');
  });
});
