/**
 * Tour id renames. Progress is stored by tour id, so an id never changes silently: a rename is an
 * entry `old-id → new-id` in tours/renames.json, kept forever, and the old id is never used again.
 */
export type RenamesMap = Readonly<Record<string, string>>;

export interface RenameProblem {
  /** The old id (key) the problem is about. */
  oldId: string;
  message: string;
}

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/**
 * Check a renames map:
 * - keys and values are kebab-case tour ids, and an id is not renamed to itself;
 * - no chains (`a → b`, `b → c`: write `a → c` and `b → c`) and no cycles;
 * - when `tourIds` is given: every new id is a current tour, and no current tour uses an old id.
 */
export function validateRenames(renames: unknown, tourIds?: Iterable<string>): RenameProblem[] {
  if (typeof renames !== 'object' || renames === null || Array.isArray(renames)) {
    return [{ oldId: '', message: 'renames must be a JSON object of "old-id": "new-id"' }];
  }
  const problems: RenameProblem[] = [];
  const map = renames as Record<string, unknown>;
  const current = tourIds ? new Set(tourIds) : undefined;
  for (const [oldId, newId] of Object.entries(map)) {
    if (!KEBAB_ID.test(oldId))
      problems.push({ oldId, message: `"${oldId}" is not a kebab-case tour id` });
    if (typeof newId !== 'string' || !KEBAB_ID.test(newId)) {
      problems.push({ oldId, message: `the new id of "${oldId}" must be a kebab-case tour id` });
      continue;
    }
    if (newId === oldId) {
      problems.push({ oldId, message: `"${oldId}" is renamed to itself` });
      continue;
    }
    if (Object.hasOwn(map, newId)) {
      const cycle = findCycle(map, oldId);
      problems.push({
        oldId,
        message: cycle
          ? `rename cycle: ${cycle.join(' → ')}`
          : `rename chain: "${oldId}" → "${newId}" → "${String(map[newId])}"; point "${oldId}" at the final id`,
      });
    }
    if (current && !current.has(newId)) {
      problems.push({
        oldId,
        message: `"${oldId}" is renamed to "${newId}", but no tour has that id`,
      });
    }
    if (current?.has(oldId)) {
      problems.push({
        oldId,
        message: `"${oldId}" was renamed away and must not be used by a tour again`,
      });
    }
  }
  return problems;
}

function findCycle(map: Record<string, unknown>, start: string): string[] | undefined {
  const path = [start];
  let id: unknown = map[start];
  while (typeof id === 'string' && Object.hasOwn(map, id)) {
    if (path.includes(id)) return [...path.slice(path.indexOf(id)), id];
    path.push(id);
    id = map[id];
  }
  return undefined;
}

/** The current id for a possibly old one (one hop: validated maps have no chains). */
export function currentTourId(renames: RenamesMap, id: string): string {
  return Object.hasOwn(renames, id) ? (renames[id] as string) : id;
}
