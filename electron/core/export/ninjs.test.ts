import { beforeAll, describe, expect, it } from 'vitest';
import { renderDossierNinjs, storyUri } from './ninjs';
import { ninjsValidator } from './test/ninjs-validator';
import { HOSTILE, HOSTILE_TAG, hostileStory, seedDossierDocument } from './test/fixture';

describe('renderDossierNinjs', () => {
  let validate: ReturnType<typeof ninjsValidator>;
  beforeAll(() => {
    validate = ninjsValidator();
  });

  const doc = seedDossierDocument();

  it('validates against the official ninjs 3.1 schema', () => {
    const item = JSON.parse(JSON.stringify(renderDossierNinjs(doc)));
    const valid = validate(item);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is a composite dossier item associating every story in dossier order', () => {
    const item = renderDossierNinjs(doc);
    expect(item).toMatchObject({
      uri: 'urn:kroniek:dossier:d1',
      type: 'composite',
      standard: { name: 'ninjs', version: '3.1' },
      headlines: [
        { role: 'main', value: doc.dossier.title },
        { role: 'sub', value: doc.dossier.subtitle },
      ],
      versionCreated: doc.exportedAt,
    });
    expect(item.associations!.map((story) => story.uri)).toEqual(doc.stories.map((story) => storyUri(story.id)));
    expect(item.associations!.map((story) => story.name)).toEqual(doc.stories.map((story) => story.headline));
    expect(item.associations!.every((story) => story.rel === 'dossier-item' && story.type === 'text')).toBe(true);
  });

  it('describes each story: headline, plain and HTML bodies, agencies, place, dateline, subjects with Media Topics, note, links', () => {
    const item = renderDossierNinjs(doc);
    const index = doc.stories.findIndex((story) => story.headline.includes('dankt'));
    const story = item.associations![index]!;
    const source = doc.stories[index]!;
    expect(story.headlines).toEqual([{ role: 'main', value: source.headline }]);
    const plain = story.bodies!.find((body) => body.contentType === 'text/plain')!;
    expect(plain.value).toContain('Kumsusanpaleis');
    expect(plain.value.split('\n\n')).toHaveLength(source.body.length);
    expect(story.bodies!.find((body) => body.contentType === 'text/html')!.value).toMatch(/^<p>De Russische president/);
    expect(story.by).toBe('ANP/RTR');
    expect(story.infoSources).toEqual([
      { name: 'ANP', role: 'source' },
      { name: 'RTR', role: 'source' },
    ]);
    expect(story.located).toBe('PYONGYANG');
    expect(story.places).toEqual([{ name: 'PYONGYANG', rel: 'dateline' }]);
    expect(story.descriptions).toEqual([{ role: 'dateline', contentType: 'text/plain', value: 'PYONGYANG (ANP/RTR), 19 juni 2024' }]);
    expect(story.subjects).toEqual([
      { name: 'Noord-Korea', literal: 'kroniek-tag:t-nk' },
      { name: 'Diplomatie', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000638', literal: 'medtop:20000638' },
    ]);
    expect(story.edNote).toContain('Controleer de citaten');
    expect(story.firstCreated).toBe(source.source.importedAt);
    // No invented time: the editor's date is a day, not a date-time.
    expect(story).not.toHaveProperty('contentCreated');
    expect(story.associations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rel: 'follow-up-of', uri: storyUri(doc.links[0]!.from) }),
        expect.objectContaining({ rel: 'related', uri: storyUri('outside-1'), name: 'Zuid-Korea reageert op verdrag' }),
      ]),
    );
  });

  it('stays valid and literal with hostile text and odd ids', () => {
    const evil = { ...hostileStory('evil id/with?odd#chars'), publishedAt: null };
    const hostile = seedDossierDocument({
      dossier: { ...doc.dossier, id: 'd 1', title: HOSTILE[1], entries: [...doc.dossier.entries, { storyId: evil.id, note: HOSTILE[0] }] },
      stories: [...doc.stories, evil],
      tags: [...doc.tags, { ...HOSTILE_TAG, mediaTopic: 'medtop:not-a-code' }],
    });
    const item = JSON.parse(JSON.stringify(renderDossierNinjs(hostile)));
    expect(validate(item)).toBe(true);
    const story = item.associations.at(-1);
    expect(story.headlines[0].value).toBe(evil.headline);
    expect(story.bodies[1].value).not.toContain('<script');
    expect(story.bodies[1].value).toContain('&lt;script&gt;');
    expect(story.subjects.at(-1)).not.toHaveProperty('uri');
  });

  it('leaves out what is not known rather than inventing it', () => {
    const bare = seedDossierDocument();
    const story = { ...bare.stories[0]!, dateline: { place: '', agencies: [] }, publishedAt: null, tagIds: [] };
    const item = renderDossierNinjs({ ...bare, stories: [story], links: [], outsideStories: [], dossier: { ...bare.dossier, subtitle: '', intro: '', entries: [{ storyId: story.id, note: '' }] } });
    const only = item.associations![0]!;
    for (const key of ['by', 'infoSources', 'located', 'places', 'descriptions', 'subjects', 'edNote', 'associations']) expect(only).not.toHaveProperty(key);
    expect(item.headlines).toHaveLength(1);
    expect(validate(JSON.parse(JSON.stringify(item)))).toBe(true);
  });
});
