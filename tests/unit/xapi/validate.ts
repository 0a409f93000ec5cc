/**
 * Statement validation with Learning Locker's validator (@learninglocker/xapi-validation), the
 * one its LRS applies. A test helper, not shipped: the builders are tested to produce statements
 * it accepts, so the extension does not carry the validator.
 */
import * as validation from '@learninglocker/xapi-validation';

type Validator = (data: unknown) => { path: (string | number)[]; constructor: { name: string } }[];

// The package is CommonJS with `exports.default`; depending on interop the function is the
// module's default or the default's default.
const imported = validation as unknown as { default: Validator | { default: Validator } };
const validate: Validator =
  typeof imported.default === 'function' ? imported.default : imported.default.default;

/** Problems as `path: WarningType` lines; empty when the statement is valid. */
export function xapiProblems(statement: unknown): string[] {
  return validate(statement).map(
    (warning) => `${warning.path.join('.')}: ${warning.constructor.name}`,
  );
}
