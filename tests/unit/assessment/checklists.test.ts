import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChecklists, checklistProgress, tourPage } from '../../../features/checklist/schema';
import { ROLES } from '../../../features/profile/roles';
import { loadTours } from '../../../features/tour/load';
import { loadProjectChecklists } from '../../../features/checklist/build-plugin';

const root = join(import.meta.dirname, '../../..');
const { tours } = loadTours([join(root, 'tours')], { cwd: root });
const byId = (id: string) => {
  const tour = tours.find((candidate) => candidate.id === id);
  if (!tour) throw new Error(id);
  return tour;
};

describe('onboarding checklists (build-time module)', () => {
  it('loads tours/checklists.yaml with every role and the page each tour runs on', () => {
    const result = loadProjectChecklists(root, {});
    expect(result.errors).toEqual([]);
    const checklists = result.checklists!;
    expect(Object.keys(checklists).sort()).toEqual([...ROLES].sort());
    expect(checklists.基层用户).toContainEqual({
      tourId: 'bianmin-progress-query',
      page: '/service.html#/progress',
    });
  });

  it('names the page of a tour: check.url first, else the first applies.url before any *', () => {
    expect(tourPage(byId('bianmin-progress-query'))).toBe('/service.html#/progress');
    expect(tourPage({ ...byId('bianmin-progress-query'), check: { url: '/x.html#/y?z=1' } })).toBe(
      '/x.html#/y?z=1',
    );
  });

  it('rejects unknown tours, tours not meant for the role and malformed files, with the place', () => {
    const base = Object.fromEntries(ROLES.map((role) => [role, ['renzhi-interface-tour']]));
    expect(buildChecklists({ ...base, 基层用户: ['no-such-tour'] }, tours).errors).toEqual([
      {
        path: ['基层用户', 0],
        message: expect.stringMatching(
          /^没有 id 为 "no-such-tour" 的引导（可用：.*renzhi-interface-tour.*） \/ unknown tour "no-such-tour" \(known: .*\)$/u,
        ),
      },
    ]);
    expect(buildChecklists({ ...base, 基层用户: ['gongwen-review'] }, tours).errors).toEqual([
      {
        path: ['基层用户', 0],
        message:
          '引导 "gongwen-review" 不是为“基层用户”准备的（它的适用对象 audience：管理人员、业务操作人员） / tour "gongwen-review" is not meant for 基层用户 (audience: 管理人员, 业务操作人员)',
      },
    ]);
    const missingRole = buildChecklists({ 管理人员: ['renzhi-interface-tour'] }, tours);
    expect(missingRole.checklists).toBeNull();
    expect(missingRole.errors).toContainEqual({
      path: ['业务操作人员'],
      message: '缺少“业务操作人员”的清单 / 业务操作人员 needs a list of tour ids',
    });
    // A misspelt role is named on its key with the role it was meant to be, in the same pass as
    // an unknown tour.
    const { 技术支持人员: techList, ...others } = base;
    expect(
      buildChecklists({ ...others, 技术支持人: techList, 基层用户: ['no-such-tour'] }, tours)
        .errors,
    ).toEqual([
      {
        path: ['技术支持人员'],
        message: '缺少“技术支持人员”的清单 / 技术支持人员 needs a list of tour ids',
      },
      {
        path: ['技术支持人'],
        atKey: true,
        message:
          '未知的键 技术支持人，是不是想写 技术支持人员？ / unknown key "技术支持人", did you mean "技术支持人员"?',
      },
      {
        path: ['基层用户', 0],
        message: expect.stringContaining('没有 id 为 "no-such-tour" 的引导'),
      },
    ]);
    expect(buildChecklists('just text', tours).checklists).toBeNull();
  });

  it('counts progress over the listed tours only', () => {
    const items = [
      { tourId: 'a', page: '/' },
      { tourId: 'b', page: '/' },
      { tourId: 'c', page: '/' },
    ];
    expect(checklistProgress(items, new Set(['a', 'z']))).toEqual({
      done: 1,
      total: 3,
      percent: 33,
    });
    expect(checklistProgress([], new Set())).toEqual({ done: 0, total: 0, percent: 0 });
  });
});
