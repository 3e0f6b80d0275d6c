import type { ServiceErrorData } from '../../shared/contract/envelope';

// What arrives over IPC is a structured clone from the page: it can carry
// Maps, Dates, typed arrays, deep nesting and prototype-polluting keys that JSON
// never would. Before anything else looks at it, the payload must be the plain
// JSON-like data the contract describes, and not too big. The core's strict zod
// schemas then validate its shape (extra keys refused).

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

export interface PayloadLimits {
  maxBytes: number;
  maxDepth?: number;
}

/**
 * Null when `input` is acceptable, else the error to answer with. Counts bytes
 * as JSON would (UTF-8 strings plus punctuation) and stops as soon as the cap is
 * passed, so an oversized payload costs at most the cap to refuse.
 */
export function checkPayload(input: unknown, limits: PayloadLimits): ServiceErrorData | null {
  const maxDepth = limits.maxDepth ?? MAX_DEPTH;
  let bytes = 0;
  const encoder = new TextEncoder();
  const seen = new Set<object>();

  function tooLarge(): ServiceErrorData {
    return { code: 'too-large', message: `The request is larger than ${Math.floor(limits.maxBytes / (1024 * 1024))} MB; send fewer or smaller files at a time.` };
  }
  function invalid(message: string): ServiceErrorData {
    return { code: 'invalid-input', message };
  }

  function visit(value: unknown, depth: number, where: string): ServiceErrorData | null {
    if (depth > maxDepth) return invalid(`The request is nested too deeply (at ${where}).`);
    switch (typeof value) {
      case 'undefined':
        bytes += 4;
        break;
      case 'boolean':
        bytes += 5;
        break;
      case 'number':
        if (!Number.isFinite(value)) return invalid(`The request holds a number that is not finite (at ${where}).`);
        bytes += 24;
        break;
      case 'string':
        // Cheap upper bound first; encode only strings that could matter.
        bytes += value.length * 3 > limits.maxBytes - bytes ? encoder.encode(value).byteLength + 2 : value.length + 2;
        break;
      case 'object': {
        if (value === null) {
          bytes += 4;
          break;
        }
        if (seen.has(value)) return invalid(`The request refers to the same object twice (at ${where}).`);
        seen.add(value);
        if (Array.isArray(value)) {
          if (Object.getPrototypeOf(value) !== Array.prototype) return invalid(`The request holds an unexpected kind of list (at ${where}).`);
          bytes += 2;
          for (let index = 0; index < value.length; index += 1) {
            const problem = visit(value[index], depth + 1, `${where}[${index}]`);
            if (problem) return problem;
            bytes += 1;
            if (bytes > limits.maxBytes) return tooLarge();
          }
          break;
        }
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
          return invalid(`The request holds a value that is not plain data (at ${where}).`);
        }
        bytes += 2;
        // Reflect.ownKeys: a `__proto__` own key (from JSON.parse or a clone) is seen too.
        for (const key of Reflect.ownKeys(value)) {
          if (typeof key !== 'string') return invalid(`The request holds a symbol key (at ${where}).`);
          if (FORBIDDEN_KEYS.has(key)) return invalid(`The request holds the forbidden key "${key}" (at ${where}).`);
          bytes += key.length * 3 + 4;
          const problem = visit((value as Record<string, unknown>)[key], depth + 1, `${where}.${key}`);
          if (problem) return problem;
          if (bytes > limits.maxBytes) return tooLarge();
        }
        break;
      }
      default:
        return invalid(`The request holds a ${typeof value}, which is not data (at ${where}).`);
    }
    return bytes > limits.maxBytes ? tooLarge() : null;
  }

  return visit(input, 0, 'input');
}
