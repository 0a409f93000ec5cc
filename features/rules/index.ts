/**
 * Compliance tips and field guards (pure side). See features/rules/README.md for the format, the
 * engine's decisions and how the content script, background and overlay are wired.
 */
export * from './schema';
export * from './engine';
export * from './records';
export * from './background/service';
export * from './i18n';
export type * from './protocol';
