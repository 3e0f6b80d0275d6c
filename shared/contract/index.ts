import type { z } from 'zod';
import type { MethodDef } from './define';
import { dossiersContract } from './dossiers';
import { libraryContract } from './library';
import { linksContract } from './links';
import { maintenanceContract } from './backups';
import { searchesContract } from './searches';
import { tagsContract } from './tags';

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
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export const methodNames = Object.keys(contract).sort() as MethodName[];

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
