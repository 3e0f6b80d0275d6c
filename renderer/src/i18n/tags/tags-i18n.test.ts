import { describe, expect, it } from 'vitest';
import { tagsEn } from './en';
import { tagsNl } from './nl';

describe('Dutch wording of what the core says in English', () => {
  it('reads known undo labels in Dutch and keeps unknown ones', () => {
    expect(tagsNl.undoButton('Tag story')).toBe('Ongedaan maken: 1 verhaal taggen');
    expect(tagsNl.undoButton('Tag 3 stories')).toBe('Ongedaan maken: 3 verhalen taggen');
    expect(tagsNl.redoButton('Merge tags')).toBe('Opnieuw doen: Tags samenvoegen');
    expect(tagsNl.historyLabel('Something new')).toBe('Something new');
    expect(tagsEn.undoButton('Tag 3 stories')).toBe('Undo Tag 3 stories');
    expect(tagsEn.undoButton(null)).toBe('Undo');
  });
});
