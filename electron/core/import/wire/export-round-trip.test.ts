import { describe, expect, it } from 'vitest';
import { renderDossierNinjs } from '../../export/ninjs';
import { hostileStory, seedDossierDocument } from '../../export/test/fixture';
import { ok, parseText } from './test/read';

// Kroniek's own ninjs 3.1 dossier export reads back as a package of its stories,
// with their text intact (hostile text included: escaped on the way out, plain text on the way in).

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('a Kroniek ninjs export, imported again', () => {
  it('is a package of its stories, in order, with headlines, bodies and datelines', () => {
    const doc = seedDossierDocument();
    doc.stories.push(hostileStory('evil'));
    const result = ok(parseText(JSON.stringify(renderDossierNinjs(doc)), 'dossier.json'));
    expect(result.package?.members).toEqual(doc.stories.map((story) => `urn:kroniek:story:${story.id}`));
    expect(result.items.map((item) => item.headline)).toEqual(doc.stories.map((story) => flat(story.headline)));
    for (const [index, item] of result.items.entries()) {
      const story = doc.stories[index]!;
      expect(item.format).toBe('ninjs-3');
      expect(item.body.map((block) => [block.type, block.text])).toEqual(story.body.filter((block) => block.text.trim()).map((block) => [block.type, flat(block.text)]));
      if (story.dateline.place.trim()) expect(item.datelinePlace).toBe(story.dateline.place.trim().toLocaleUpperCase('nl'));
    }
  });
});
