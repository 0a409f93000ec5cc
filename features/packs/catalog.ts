/**
 * The tours in force: the bundled ones (validated at build time) and those of the applied packs.
 * A pack tour with the id of a bundled one replaces it (an update: progress is stored by id, so
 * it carries over); a pack can retire a tour (`retire`) or rename one (`renames`: the old id is
 * retired, the new one is the pack's). Packs are applied in order of their id, the newest version
 * of each id only. Pure.
 */
import type { Tour } from '../tour/schema';
import type { PackContent } from './validate';

/** The newest version of each pack id, in id order. */
export function newestPacks(packs: readonly PackContent[]): PackContent[] {
  const byId = new Map<string, PackContent>();
  for (const pack of packs) {
    const current = byId.get(pack.id);
    if (!current || pack.version > current.version) byId.set(pack.id, pack);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function mergeTours(
  bundled: readonly Tour[],
  packs: readonly PackContent[],
  prepare: (tour: Tour) => Tour = (tour) => tour,
): Tour[] {
  const byId = new Map<string, Tour>(bundled.map((tour) => [tour.id, tour]));
  for (const pack of newestPacks(packs)) {
    for (const id of [...pack.retire, ...Object.keys(pack.renames)]) byId.delete(id);
    for (const tour of pack.tours) byId.set(tour.id, prepare(tour));
  }
  return [...byId.values()];
}
