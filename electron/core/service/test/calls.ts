import type { ServiceErrorData } from '../../../../shared/contract/envelope';
import type { KroniekCore } from '../../app';

/** Calls a method through the dispatcher every transport uses; fails the test if it does not succeed. */
export async function ok<T>(core: KroniekCore, method: string, input: unknown): Promise<T> {
  const answer = await core.dispatch(method, input);
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

/** Calls a method that must fail, and returns its error. */
export async function failure(core: KroniekCore, method: string, input: unknown): Promise<ServiceErrorData> {
  const answer = await core.dispatch(method, input);
  if (answer.ok) throw new Error(`${method} unexpectedly succeeded`);
  return answer.error;
}
