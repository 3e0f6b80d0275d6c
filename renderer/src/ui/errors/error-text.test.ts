import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { ErrorReason } from '../../../../shared/messages';
import { errorText } from './error-text';

describe('errorText', () => {
  it('words a reason in the editor’s language, with its parameters', () => {
    const conflict = new ServiceError('conflict', 'Cannot undo the edit "tag.apply": that part of the library changed since.', {
      code: 'history.changedSince',
      direction: 'undo',
      label: { code: 'tag.apply', count: 3 },
    });
    expect(errorText('nl', conflict)).toBe('„3 verhalen taggen” kan niet ongedaan worden gemaakt: dat deel van de bibliotheek is sindsdien gewijzigd.');
    expect(errorText('en', conflict)).toBe('Cannot undo “Tag 3 stories”: that part of the library changed since.');
    const missing = new ServiceError('not-found', '2 of the chosen stories are no longer in the library (a, b).', { code: 'stories.missing', count: 2 });
    expect(errorText('nl', missing)).toBe('2 van de gekozen verhalen staan niet meer in de bibliotheek.');
    expect(errorText('en', { ...missing.toData(), reason: { code: 'stories.missing', count: 1 } })).toBe('The chosen story is no longer in the library.');
  });

  it('falls back to the code in Dutch and to the service’s message in English, never parsing it', () => {
    const plain = new ServiceError('unsupported', 'No Chromium was found to print the PDF.');
    expect(errorText('nl', plain)).toBe('Dat kan hier niet.');
    expect(errorText('en', plain)).toBe('No Chromium was found to print the PDF.');
    // A reason from a newer core that this renderer does not know yet.
    const newer = new ServiceError('conflict', 'Something new.', { code: 'brand.new' } as unknown as ErrorReason);
    expect(errorText('nl', newer)).toBe('Dat botst met de huidige toestand van de bibliotheek.');
    expect(errorText('en', newer)).toBe('Something new.');
  });
});
