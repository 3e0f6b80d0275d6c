import { z } from 'zod';
import { cleanName, hasControlInText, NAME_PROBLEM_TEXT } from '../clean-text';
import { isSafeId, LIMITS } from './limits';

// The limits and the id rule live apart from zod (limits.ts), for the core's worker threads;
// the contract's schemas apply them, and its users import them from here as from there.
export { ID_PATTERN, isSafeId, LIMITS } from './limits';

/**
 * One contract method: a strict input schema (validated in the core for every
 * transport) and the output type (a phantom: outputs are produced by our own
 * core, so they are typed, not validated).
 */
export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** Never read at run time; carries the output type. */
  output?: O;
  /** Who may call it (default `page`); see MethodReach. */
  reach?: MethodReach;
}

/**
 * `page`: any caller, including a page (the renderer over Electron IPC or the loopback
 * HTTP host). `local`: the method names files on this computer's disk by path, so only
 * in-process callers that run with the editor's own rights may call it (the CLI, the
 * Electron main process): no transport that carries a page's calls exposes it, and the
 * dispatcher of a web host's core refuses it (`forbidden`). A page is never trusted
 * with paths: a browser must not make the server read or write arbitrary files.
 */
export type MethodReach = 'page' | 'local';

/** The runtime a core serves; `web` is the loopback HTTP host. */
export type Platform = 'electron' | 'web' | 'cli';

export function def<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input });
}

/** A `local` method (see MethodReach): its type says so too, so PageMethodName leaves it out. */
export function localDef<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> & { reach: 'local' } => ({ input, reach: 'local' });
}


export const idSchema = z.string().min(1).max(LIMITS.id).refine(isSafeId, 'invalid id');
export const idListSchema = z.array(idSchema).max(LIMITS.ids);
/** A real calendar date `YYYY-MM-DD` (2024-02-30 is refused). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'not a real calendar date');
/**
 * A name (tag, dossier, saved search): cleaned by the one shared `cleanName` (bidi
 * controls stripped, trimmed), refused when it holds a control character or shows nothing.
 */
export const nameSchema = z
  .string()
  .max(LIMITS.name * 4)
  .transform((raw, ctx) => {
    const cleaned = cleanName(raw, LIMITS.name);
    if (cleaned.ok) return cleaned.value;
    ctx.addIssue({ code: 'custom', message: `the name ${NAME_PROBLEM_TEXT[cleaned.problem]}` });
    return z.NEVER;
  });
/** A one-line text that may be empty (a dossier's subtitle): the same cleaning as a name when it is not. */
export const optionalLineSchema = z
  .string()
  .max(LIMITS.name * 4)
  .transform((raw, ctx) => {
    if (raw.trim() === '') return '';
    const cleaned = cleanName(raw, LIMITS.name);
    if (cleaned.ok) return cleaned.value;
    ctx.addIssue({ code: 'custom', message: `the text ${NAME_PROBLEM_TEXT[cleaned.problem]}` });
    return z.NEVER;
  });
/** A multi-line text (note, intro): line breaks and tabs, but no other control character. */
export const textSchema = z
  .string()
  .max(LIMITS.text)
  .refine((text) => !hasControlInText(text), 'the text holds a control character');
export const empty = z.strictObject({});
/** A file or folder on this computer, as an absolute path (only `local` methods take these). */
export const localPathSchema = z.string().min(1).max(4_096);
