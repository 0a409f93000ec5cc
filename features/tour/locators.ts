import type { Locator, LocatorKind, Target } from './schema';

/**
 * Locator helpers for the content side without the zod schema: the overlay and rules bundles
 * that run in host pages only read tours that were validated at build time, so they must not
 * pull zod (≈450 kB) in through `features/tour/schema.ts`. Kept equal to `LOCATOR_KINDS` there by the
 * type checks below.
 */
const KINDS = [
  'label',
  'role',
  'text',
  'placeholder',
  'testid',
  'css',
] as const satisfies readonly LocatorKind[];
// Fails to compile when schema.ts gains a locator kind this list lacks.
const allKinds: Exclude<LocatorKind, (typeof KINDS)[number]> extends never ? true : never = true;
void allKinds;

/** The locators of a target, in the order they are tried. */
export function targetAlternatives(target: Target): Locator[] {
  return Array.isArray(target) ? target : [target];
}

/** Which kind of locator this is (exactly one kind per locator, checked at build time). */
export function locatorKind(locator: Locator): LocatorKind {
  for (const kind of KINDS) if (kind in locator) return kind;
  throw new TypeError('locator without a kind');
}
