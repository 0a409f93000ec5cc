/** The shared layer of the simulated system: see README.md in this folder. */
export * from './storage';
export * from './clock';
export * from './users';
export * from './auth';
export * from './session';
export * from './messages';
export * from './worklist';
export * from './hash-route';
export * from './format';
export * from './menu';
export * from './use-sim-data';
export { SimShell, NoPermission, PermissionGate, PLATFORM_NAME } from './SimShell';
export type { SimShellProps } from './SimShell';
export { mountPage, SimProviders, SIM_THEME } from './mount';
export type { MountOptions } from './mount';
