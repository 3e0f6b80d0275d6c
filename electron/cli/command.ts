import { unwrap } from '../../shared/contract/envelope';
import type { Input, MethodName, Output as MethodOutput } from '../../shared/contract';
import type { KroniekCore } from '../core/app';
import type { Output } from './output';

export interface CliContext {
  core: KroniekCore;
  out: Output;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Returns the exit code. Throwing reports the message on stderr and exits 1. */
  run(args: string[], context: CliContext): Promise<number>;
}

/** Calls a contract method through the same dispatcher as every transport. */
export async function call<M extends MethodName>(core: KroniekCore, method: M, input: Input<M>): Promise<MethodOutput<M>> {
  return unwrap(await core.dispatch(method, input)) as MethodOutput<M>;
}
