// Types of the generated ninjs-1.js (see build.mjs).
import type { ValidateFunction } from 'ajv';

export declare const v1_6: ValidateFunction;
