/**
 * The locator language: how a tour (or a rule) says which element it means, the way a person
 * would: a form field by its label, a role with an accessible name, visible text, a placeholder,
 * a test id, and only then CSS. Zod-free, so the content-side bundles can use it; the tour file's
 * schema (features/tour/schema.ts) validates these shapes at build time.
 */

/** One CSS alternative: every selector carries a note saying what it targets and why it exists. */
export interface CssAlternative {
  selector: string;
  note: string;
}

export interface LocatorOptions {
  /** Search only inside the (visible) elements this locator finds. */
  within?: Locator;
  /** 1-based index among the visible matches, for repeated elements (table rows, list items). */
  nth?: number;
  /** Text comparison: exact (default, after whitespace normalisation) or substring. */
  exact?: boolean;
}

/**
 * What a person sees, in order of preference: a form field by its label, a role with an
 * accessible name, visible text, a placeholder, a test id, and only then CSS.
 */
export type Locator = LocatorOptions &
  (
    | { label: string }
    | { role: string; name?: string }
    | { text: string }
    | { placeholder: string }
    | { testid: string }
    | { css: CssAlternative[] }
  );

export const LOCATOR_KINDS = ['label', 'role', 'text', 'placeholder', 'testid', 'css'] as const;
export type LocatorKind = (typeof LOCATOR_KINDS)[number];

/** A single locator or an array of alternatives tried in order. */
export type Target = Locator | Locator[];

/** The locators of a target, in the order they are tried. */
export function targetAlternatives(target: Target): Locator[] {
  return Array.isArray(target) ? target : [target];
}

/** Which kind of locator this is (exactly one kind per locator, checked at build time). */
export function locatorKind(locator: Locator): LocatorKind {
  for (const kind of LOCATOR_KINDS) if (kind in locator) return kind;
  throw new TypeError('locator without a kind');
}
