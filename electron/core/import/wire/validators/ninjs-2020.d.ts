// Types of the generated ninjs-2020.js (see build.mjs).
import type { ValidateFunction } from 'ajv';

export declare const v2_1: ValidateFunction;
export declare const v2_2: ValidateFunction;
export declare const v3_0: ValidateFunction;
export declare const v3_1: ValidateFunction;
