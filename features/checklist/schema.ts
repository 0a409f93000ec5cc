/**
 * Onboarding checklists (tours/checklists.yaml): for each of the four roles, the tours a new
 * learner goes through first, in order. Validated at build time (features/checklist/build-plugin.ts)
 * against the bundled tours and shipped as the virtual module `virtual:zhiyin-checklists`.
 */
import { z } from 'zod';
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

const TourIdSchema = z
  .string({ error: 'a checklist entry must be a tour id (string)' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'a checklist entry must be a kebab-case tour id' });

export const ChecklistsFileSchema = z.strictObject(
  Object.fromEntries(
    ROLES.map((role) => [
      role,
      z.array(TourIdSchema, { error: `${role} needs a list of tour ids` }).min(1, {
        error: `${role} needs at least one tour`,
      }),
    ]),
  ) as Record<Role, z.ZodArray<typeof TourIdSchema>>,
  { error: `checklists.yaml maps each role (${ROLES.join(' / ')}) to a list of tour ids` },
);

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
 * is meant for the role it is listed under. Returns the checklists or a list of readable errors.
 */
export function buildChecklists(
  file: unknown,
  tours: readonly Tour[],
): { checklists: Checklists; errors: [] } | { checklists: null; errors: string[] } {
  const parsed = ChecklistsFileSchema.safeParse(file);
  if (!parsed.success) {
    return {
      checklists: null,
      errors: parsed.error.issues.map((issue) =>
        issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      ),
    };
  }
  const byId = new Map(tours.map((tour) => [tour.id, tour]));
  const errors: string[] = [];
  const checklists = {} as Checklists;
  for (const role of ROLES) {
    const items: ChecklistItem[] = [];
    for (const [index, tourId] of parsed.data[role].entries()) {
      const tour = byId.get(tourId);
      if (!tour) {
        errors.push(`${role}[${index}]: no tour with id "${tourId}"`);
        continue;
      }
      if (!tour.audience.includes(role)) {
        errors.push(`${role}[${index}]: tour "${tourId}" is not meant for ${role} (audience)`);
        continue;
      }
      items.push({ tourId, page: tourPage(tour) });
    }
    checklists[role] = items;
  }
  return errors.length > 0 ? { checklists: null, errors } : { checklists, errors: [] };
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
