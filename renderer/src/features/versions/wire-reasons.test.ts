import { describe, expect, expectTypeOf, it } from 'vitest';
import type { WireProblem } from '../../../../electron/core/import/wire/item';
import { translator } from '../../i18n/translate';
import { WIRE_REASON_CODES, type WireReasonCode } from '../../../../shared/messages';
import { outcomeText, wireReasonText } from './wire-reasons';

describe('wire reasons in the app', () => {
  it('words every reason code the wire parsers give, in Dutch and English', () => {
    // The list is the core's union exactly: a new code fails the typecheck here, and its key in either dictionary.
    expectTypeOf<WireReasonCode>().toEqualTypeOf<WireProblem['code']>();
    for (const language of ['nl', 'en'] as const) {
      const t = translator(language, 'versions');
      for (const code of WIRE_REASON_CODES) {
        const text = wireReasonText(t, code, 'detail');
        expect(text, `${language} ${code}`).not.toContain('reason.');
        expect(text.length).toBeGreaterThan(15);
      }
    }
    const en = translator('en', 'versions');
    expect(wireReasonText(en, 'wire.invalidXml', 'unclosed tag on line 3')).toBe('The file is not well-formed XML (unclosed tag on line 3).');
    // A warning carries only the code: no empty brackets.
    expect(wireReasonText(en, 'wire.notTextItem', undefined)).toBe('The item is not a text item; only text is imported.');
    expect(outcomeText(translator('nl', 'versions'), { guid: 'g', storyId: 'w123', version: 2, outcome: 'version' })).toBe('nieuwe versie van w123 (v2)');
  });
});
