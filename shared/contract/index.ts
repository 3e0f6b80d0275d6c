import type { z } from 'zod';
import type { MethodDef } from './define';
import { chronologyContract } from './chronology';
import { dossiersContract } from './dossiers';
import { libraryContract } from './library';
import { linksContract } from './links';
import { maintenanceContract } from './backups';
import { searchesContract } from './searches';
import { tagsContract } from './tags';
import { versionsContract } from './versions';
import { trashContract } from './trash';
import { watchContract } from './watch';
import { quotesContract } from './quotes';
import { syncContract } from './sync';

/**
 * The one service contract: method name → input schema → output type.
 * Its keys drive the preload allowlist, the IPC registration, the HTTP router
 * and the renderer client; a test checks every transport covers every method.
 */
export const contract = {
  ...libraryContract,
  ...tagsContract,
  ...linksContract,
  ...dossiersContract,
  ...maintenanceContract,
  ...searchesContract,
  ...versionsContract,
  ...trashContract,
  ...watchContract,
  ...chronologyContract,
  ...quotesContract,
  ...syncContract,
} as const;

export type Contract = typeof contract;
/** Every method, `local` ones included (the dispatcher's and the CLI's view). */
export type MethodName = keyof Contract & string;
/** Methods only in-process callers may use (they take paths on this computer's disk). */
export type LocalMethodName = { [M in MethodName]: Contract[M] extends { reach: 'local' } ? M : never }[MethodName];
/** Methods a page may call: what the preload exposes, IPC registers and the HTTP host routes. */
export type PageMethodName = Exclude<MethodName, LocalMethodName>;

const allMethodNames = Object.keys(contract).sort() as MethodName[];
/** Methods a page may call (see MethodReach): the list every transport that carries a page's calls exposes. */
export const methodNames = allMethodNames.filter((name) => !isLocalMethod(name)) as PageMethodName[];
/** Methods for in-process callers only (the CLI, the Electron main process). */
export const localMethodNames = allMethodNames.filter((name) => isLocalMethod(name)) as LocalMethodName[];

/** True for a method that takes paths on this computer's disk (see MethodReach). */
export function isLocalMethod(name: MethodName): boolean {
  return (contract[name] as { reach?: string }).reach === 'local';
}

export type Input<M extends MethodName> =
  Contract[M] extends MethodDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInput<M extends MethodName> =
  Contract[M] extends MethodDef<infer I, unknown> ? z.output<I> : never;
export type Output<M extends MethodName> = Contract[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './define';
export * from './envelope';
export * from './library';
export * from './tags';
export * from './links';
export * from './dossiers';
export * from './backups';
export * from './searches';
export * from './trash';
export * from './changes';
export * from './versions';
export * from './watch';
export * from './quotes';
