import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error build.mjs is plain JavaScript run by node at build time (no types).
import { sourceStamp } from './build.mjs';
import { v1_6 } from './ninjs-1.js';
import { v3_1 } from './ninjs-2020.js';

describe('the precompiled ninjs validators', () => {
  it('were made from the vendored schemas and the ajv in package.json (else run `npm run -s build:validators`)', () => {
    const stamp = (sourceStamp as () => string)();
    for (const name of ['ninjs-1.js', 'ninjs-2020.js']) {
      const firstLine = readFileSync(path.join(import.meta.dirname, name), 'utf8').split('\n', 1)[0];
      expect(firstLine, `${name} is out of date`).toContain(`(${stamp})`);
    }
  });

  it('check formats and report the failing keyword as the run-time compile did', () => {
    const doc = { uri: 'urn:anp:1', type: 'text', version: '1', versionCreated: '2026-12-03T10:00:00Z', headlines: [{ role: 'main', value: 'Kabinet valt' }] };
    expect(v3_1(doc)).toBe(true);
    expect(v3_1({ ...doc, versionCreated: 'gisteren' })).toBe(false);
    expect(v3_1.errors?.[0]).toMatchObject({ instancePath: '/versionCreated', keyword: 'format' });
    expect(v3_1({ ...doc, kop: 'x' })).toBe(false);
    expect(v3_1.errors?.[0]?.params).toEqual({ unevaluatedProperty: 'kop' });
    expect(v1_6({ uri: 'urn:anp:1', type: 'text', versioncreated: 'gisteren' })).toBe(false);
    expect(v1_6.errors?.[0]).toMatchObject({ keyword: 'format' });
  });
});
