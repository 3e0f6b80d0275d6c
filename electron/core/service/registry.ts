import { AsyncLocalStorage } from 'node:async_hooks';
import { type z } from 'zod';
import { contract, isLocalMethod, isMethodName, type MethodName, type Output, type ParsedInput } from '../../../shared/contract';
import type { Commit } from '../../../shared/contract/changes';
import { ServiceError, type Envelope } from '../../../shared/contract/envelope';
import type { ServiceContext } from './context';

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: ServiceContext) => Promise<Output<M>> | Output<M>;
export type Handlers = { [M in MethodName]: Handler<M> };
export type PartialHandlers<K extends MethodName> = { [M in K]: Handler<M> };

/**
 * The one entry point every transport (Electron IPC, loopback HTTP, CLI) uses:
 * validate the input against the contract's strict schema, run the handler,
 * answer with an envelope. Never throws. A web host's core refuses the `local` methods
 * (paths on this computer's disk; see MethodReach) whatever transport brought the call.
 * An answer carries the store commits the call made (`commits`), so every edit says
 * what it changed without each handler having to: the store derives them, and the
 * call's async context picks out its own among concurrent calls.
 */
export function createDispatcher(handlers: Handlers, ctx: ServiceContext) {
  const callCommits = new AsyncLocalStorage<Commit[]>();
  ctx.store.onCommit((commit) => callCommits.getStore()?.push(commit));

  return async function dispatch(method: string, input: unknown): Promise<Envelope<unknown>> {
    if (!isMethodName(method)) return fail(new ServiceError('unknown-method', `Unknown method: ${String(method).slice(0, 80)}`));
    if (ctx.platform === 'web' && isLocalMethod(method)) return fail(new ServiceError('forbidden', `${method} reads or writes files by path and is not available in the browser.`));
    const schema = contract[method].input as z.ZodType;
    const parsed = schema.safeParse(input ?? {});
    if (!parsed.success) return fail(new ServiceError('invalid-input', describeIssues(method, parsed.error)));
    const commits: Commit[] = [];
    try {
      const handler = handlers[method] as (input: unknown, ctx: ServiceContext) => unknown;
      const value = await ctx.foreground.during(() => callCommits.run(commits, async () => handler(parsed.data, ctx)));
      return { ok: true, value: value === undefined ? null : value, ...(commits.length ? { commits } : {}) };
    } catch (error) {
      return fail(error);
    }
  };
}

function fail(error: unknown): Envelope<never> {
  if (error instanceof ServiceError) return { ok: false, error: error.toData() };
  // An unexpected fault: report it plainly, keep the details for the log.
  console.error('[kroniek] internal error:', error);
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'internal', message: `Something went wrong inside Kroniek: ${message}` } };
}

function describeIssues(method: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  return `Invalid input for ${method}: ${parts.join('; ')}`;
}
