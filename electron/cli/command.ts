import { unwrap, type Envelope } from '../../shared/contract/envelope';
import type { Input, MethodName, Output as MethodOutput } from '../../shared/contract';
import type { Output } from './output';
import type { ChangeFeed } from '../../shared/contract/changes';

/**
 * An input built from the command line: the contract's field names, each value as
 * parsed from argv (a string, a number, a list). The dispatcher validates the values
 * against the contract's schema; its message is the CLI's one error path for them.
 */
export type ArgvInput<M extends MethodName> = { [K in keyof Input<M>]?: unknown };

/** Calls a contract method through the dispatcher every transport uses; a refusal throws the dispatcher's error. */
export type Call = <M extends MethodName>(method: M, input: ArgvInput<M>) => Promise<MethodOutput<M>>;

export interface CliContext {
  call: Call;
  out: Output;
  /** The core's change feed, for a command that follows the library as it changes (`watch`). */
  feed?: ChangeFeed;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Returns the exit code. Throwing reports the message on stderr and exits 1. */
  run(args: string[], context: CliContext): Promise<number>;
}

type Dispatch = (method: string, input: unknown) => Promise<Envelope<unknown>>;

/** Calls a contract method through a core's dispatcher with a typed input (benchmarks, tests). */
export async function call<M extends MethodName>(core: { dispatch: Dispatch }, method: M, input: Input<M>): Promise<MethodOutput<M>> {
  return unwrap(await core.dispatch(method, input)) as MethodOutput<M>;
}

/** `call` over a core's dispatch, for commands. */
export function callThrough(dispatch: Dispatch): Call {
  return async (method, input) => unwrap(await dispatch(method, input)) as never;
}

/** A tag named on the command line (id or name, without case or diacritics): its id; unknown names are an error. */
export async function tagIdOf(call: Call, nameOrId: string): Promise<string> {
  const tag = await call('tags.find', { nameOrId });
  if (!tag) throw new Error(`There is no tag called "${nameOrId}".`);
  return tag.id;
}

/** `--limit N` and the like: the number as given (the contract checks its range); undefined when absent. */
export function numberArg(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value.trim() === '' ? Number.NaN : value);
}
