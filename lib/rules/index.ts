/**
 * Compliance tips and field guards (pure side). See lib/rules/README.md for the format, the
 * engine's decisions and how the content script, background and overlay are wired.
 */
export * from './schema';
export * from './engine';
export * from './records';
export * from './service';
export * from './messages';
export type * from './protocol';
