/**
 * The onboarding checklists in force on an extension page: the bundled ones
 * (virtual:zhiyin-checklists), or those of a content pack, with renames followed and retired
 * tours left out (features/packs/catalog.ts mergeChecklists, the background's own rule). Pure.
 */
import { mergeChecklists, mergeTours } from '../packs/catalog';
import type { PackContent } from '../packs/validate';
import type { Checklists } from './schema';

/** `checklists` with `packs` applied, against the tours in force (`tours` + the packs'). */
export function checklistsInForce(
  packs: readonly PackContent[],
  checklists: Checklists,
  tours: readonly { id: string }[],
): Checklists {
  const tourIds = new Set(mergeTours(tours, packs).map((tour) => tour.id));
  return mergeChecklists(checklists, packs, tourIds);
}
