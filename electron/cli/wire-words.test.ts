import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { WireProblem } from '../core/import/wire/item';
import { withTempDir } from '../core/store/test/helpers';
import { runCli } from './test/helpers';
import { WIRE_REASON_CODES, type WireReasonCode } from '../../shared/messages';
import { WIRE_REASONS, wireReasonText } from './wire-words';

/** A Dutch agency item (our own text) as ninjs 3 JSON. */
function ninjs(version: number, headline: string, text: string): string {
  return JSON.stringify({
    uri: 'urn:newsml:anp.nl:20261203:veerpont-deventer',
    type: 'text',
    version: String(version),
    firstCreated: '2026-12-03T08:00:00+01:00',
    versionCreated: `2026-12-03T0${7 + version}:30:00+01:00`,
    pubStatus: 'usable',
    language: 'nl',
    headlines: [{ role: 'main', value: headline }],
    bodies: [{ role: 'html', contentType: 'text/html', value: `<p>DEVENTER (ANP) - ${text}</p>` }],
  });
}

describe('the CLI words wire reasons and import outcomes', () => {
  it('has words for every wire reason code the parsers give, in Dutch and English', () => {
    // The list is the core's union, no more and no less (a new code fails the typecheck here).
    expectTypeOf<WireReasonCode>().toEqualTypeOf<WireProblem['code']>();
    for (const locale of ['nl', 'en'] as const) {
      for (const code of WIRE_REASON_CODES) {
        expect(WIRE_REASONS[locale][code]('x').length, `${locale} ${code}`).toBeGreaterThan(5);
      }
    }
    expect(wireReasonText('wire.invalidJson', 'Unexpected token } in JSON', 'en')).toBe('not valid JSON (Unexpected token } in JSON)');
    expect(wireReasonText('wire.noGuid', 'wire.noGuid', 'nl')).toBe('item zonder guid of uri: de versies ervan zijn niet te volgen');
    expect(wireReasonText('too-large', 'big', 'en')).toBeNull();
  });

  it('import says "new version of <id> (vN)" and "duplicate version" instead of "imported"', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'lib');
      const v1 = path.join(dir, 'v1.json');
      const v2 = path.join(dir, 'v2.json');
      const again = path.join(dir, 'v2-nogmaals.json');
      const broken = path.join(dir, 'kapot.json');
      await writeFile(v1, ninjs(1, 'Veerpont Deventer vaart niet', 'De veerpont over de IJssel vaart woensdag niet door hoogwater.'));
      await writeFile(v2, ninjs(2, 'Veerpont Deventer ook donderdag uit de vaart', 'De veerpont over de IJssel vaart woensdag en donderdag niet door hoogwater.'));
      await writeFile(again, ninjs(2, 'Veerpont Deventer ook donderdag uit de vaart', 'De veerpont over de IJssel vaart woensdag en donderdag niet door hoogwater.') + '\n');
      await writeFile(broken, '{"uri": "urn:x", ');
      const first = await runCli(['--data', data, 'import', v1]);
      expect(first.stdout).toMatch(/^imported\s+v1\.json/m);
      const id = /"articleId": "([^"]+)"/.exec((await runCli(['--data', data, 'import', v1, '--json'])).stdout)![1]!;
      const second = await runCli(['--data', data, 'import', v2, again, broken]);
      expect(second.stdout).toContain(`version   v2.json — new version of ${id} (v2)`);
      expect(second.stdout).toContain(`duplicate v2-nogmaals.json — duplicate version of ${id} (v2)`);
      expect(second.stdout).toMatch(/^rejected\s+kapot\.json — not valid JSON \(.+\)$/m);
      expect(second.stdout).toContain('agency items: 0 new stories, 1 new versions');
    });
  });
});
