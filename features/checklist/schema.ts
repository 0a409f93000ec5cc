/**
 * Onboarding checklists (tours/checklists.yaml): for each of the four roles, the tours a new
 * learner goes through first, in order. Validated at build time (features/checklist/build-plugin.ts)
 * against the bundled tours and shipped as the virtual module `virtual:zhiyin-checklists`.
 */
import { z } from 'zod';
import { bilingual, explainIssues, valueAt } from '../../lib/content/explain';
import { unknownId } from '../../lib/content/references';
import { ROLES, type Role } from '../profile/roles';
import type { Tour } from '../tour/schema';

/** One checklist entry: a tour and the page it runs on. */
export interface ChecklistItem {
  tourId: string;
  /**
   * Where the tour runs, as an address path on the system (`/service.html#/progress`): the
   * tour's `check.url` when it has one, else its first `applies.url` up to the first `*`.
   */
  page: string;
}

export type Checklists = Record<Role, ChecklistItem[]>;

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const TourIdSchema = z
  .string({
    error: bilingual(
      '清单中的每一项应为引导 id（文字）',
      'a checklist entry must be a tour id (string)',
    ),
  })
  .regex(KEBAB_ID, {
    error: bilingual(
      '引导 id 只能用小写英文字母、数字和单个连字符，如 renzhi-interface-tour',
      'a checklist entry must be a kebab-case tour id, e.g. renzhi-interface-tour',
    ),
  });

export const ChecklistsFileSchema = z.strictObject(
  Object.fromEntries(
    ROLES.map((role) => [
      role,
      z
        .array(TourIdSchema, {
          error: (issue) =>
            issue.input === undefined
              ? bilingual(`缺少“${role}”的清单`, `${role} needs a list of tour ids`)
              : bilingual(`“${role}”应为引导 id 的列表`, `${role} needs a list of tour ids`),
        })
        .min(1, {
          error: bilingual(`“${role}”的清单至少要有一个引导`, `${role} needs at least one tour`),
        }),
    ]),
  ) as Record<Role, z.ZodArray<typeof TourIdSchema>>,
  {
    error: bilingual(
      `checklists.yaml 应为每个角色（${ROLES.join('、')}）写一个引导 id 列表`,
      `checklists.yaml maps each role (${ROLES.join(' / ')}) to a list of tour ids`,
    ),
  },
);

/** A problem in checklists.yaml: where (`['基层用户', 2]`) and what, in both languages. */
export interface ChecklistProblem {
  path: (string | number)[];
  message: string;
  /** Place it on the key (an unknown role) rather than its value. */
  atKey?: boolean;
}

/** The page a tour runs on, as a path (see {@link ChecklistItem.page}). */
export function tourPage(tour: Tour): string {
  const checkUrl = tour.check?.url;
  if (checkUrl) {
    try {
      const url = new URL(checkUrl, 'http://placeholder.invalid');
      return `${url.pathname}${url.search}${url.hash}`;
    } catch {
      // fall through to applies.url
    }
  }
  const applies = Array.isArray(tour.applies.url) ? tour.applies.url : [tour.applies.url];
  const first = applies.find((glob) => !glob.startsWith('http')) ?? applies[0] ?? '/';
  return first.split('*')[0] ?? first;
}

/**
 * Parse checklists.yaml's content and check it against the tours: every id exists and every tour
 * is meant for the role it is listed under. Returns the checklists or every problem, in authors'
 * words (lib/content/explain.ts): the file's shape and its links are checked in one pass.
 */
export function buildChecklists(
  file: unknown,
  tours: readonly Tour[],
): { checklists: Checklists; errors: [] } | { checklists: null; errors: ChecklistProblem[] } {
  const parsed = ChecklistsFileSchema.safeParse(file);
  const errors: ChecklistProblem[] = parsed.success
    ? []
    : explainIssues(parsed.error.issues, { schema: ChecklistsFileSchema, data: file }).map(
        (issue) => ({
          path: issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
          message: issue.message,
          ...(issue.atKey ? { atKey: true } : {}),
        }),
      );
  const byId = new Map(tours.map((tour) => [tour.id, tour]));
  const checklists = {} as Checklists;
  for (const role of ROLES) {
    const items: ChecklistItem[] = [];
    const listed = valueAt(file, [role]);
    for (const [index, tourId] of (Array.isArray(listed) ? listed : []).entries()) {
      // Not an id at all: the schema said so.
      if (typeof tourId !== 'string' || !KEBAB_ID.test(tourId)) continue;
      const tour = byId.get(tourId);
      if (!tour) {
        errors.push({
          path: [role, index],
          message: unknownId({ zh: '引导', en: 'tour' }, tourId, byId.keys()),
        });
        continue;
      }
      if (!tour.audience.includes(role)) {
        errors.push({
          path: [role, index],
          message: bilingual(
            `引导 "${tourId}" 不是为“${role}”准备的（它的适用对象 audience：${tour.audience.join('、')}）`,
            `tour "${tourId}" is not meant for ${role} (audience: ${tour.audience.join(', ')})`,
          ),
        });
        continue;
      }
      items.push({ tourId, page: tourPage(tour) });
    }
    checklists[role] = items;
  }
  return errors.length > 0 || !parsed.success
    ? { checklists: null, errors }
    : { checklists, errors: [] };
}

/** How far a learner is with a checklist. */
export function checklistProgress(
  items: readonly ChecklistItem[],
  completed: ReadonlySet<string>,
): { done: number; total: number; percent: number } {
  const done = items.filter((item) => completed.has(item.tourId)).length;
  const total = items.length;
  return { done, total, percent: total === 0 ? 0 : Math.round((done / total) * 100) };
}
