import { describe, expect, it } from 'vitest';
import { emptyMeta, type MetaDoc } from '../../store/meta';
import {
  addEntries,
  createDossier,
  deleteDossier,
  findDossier,
  moveEntry,
  removeEntry,
  setEntryNote,
  setOrder,
  updateDossierText,
} from './ops';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-02T00:00:00.000Z';

function withDossier(storyIds: string[]): MetaDoc {
  return createDossier(emptyMeta(T0), { id: 'd1', now: T0, text: { title: 'Kim en Poetin' }, storyIds });
}

const order = (meta: MetaDoc) => findDossier(meta, 'd1').entries.map((entry) => entry.storyId);

describe('dossier operations', () => {
  it('creates a dossier with deduplicated entries in the given order', () => {
    const meta = createDossier(emptyMeta(T0), {
      id: 'd1',
      now: T0,
      text: { title: '  Noord-Korea  ', subtitle: 'Een jaar', intro: '\r\n\r\nEerste alinea.\r\n\r\nTweede alinea.\r\n\r\n' },
      storyIds: ['c', 'a', 'c', 'b', 'a'],
    });
    const dossier = findDossier(meta, 'd1');
    expect(dossier).toMatchObject({ title: 'Noord-Korea', subtitle: 'Een jaar', createdAt: T0, updatedAt: T0 });
    expect(dossier.intro).toBe('Eerste alinea.\n\nTweede alinea.');
    expect(order(meta)).toEqual(['c', 'a', 'b']);
    expect(dossier.entries.every((entry) => entry.note === '')).toBe(true);
  });

  it('stores text as NFC so it displays exactly as typed', () => {
    const decomposed = 'Oekrai\u0308ne'; // ï as i + combining diaeresis
    const meta = createDossier(emptyMeta(T0), { id: 'd1', now: T0, text: { title: decomposed }, storyIds: [] });
    expect(findDossier(meta, 'd1').title).toBe('Oekraïne');
    expect(findDossier(meta, 'd1').title).toBe('Oekra\u00efne');
  });

  it('edits title, subtitle and intro, stamping updatedAt only on a real change', () => {
    const meta = withDossier([]);
    expect(updateDossierText(meta, 'd1', { title: 'Kim en Poetin' }, T1)).toBe(meta);
    const renamed = updateDossierText(meta, 'd1', { title: 'Rusland en Noord-Korea' }, T1);
    expect(findDossier(renamed, 'd1')).toMatchObject({ title: 'Rusland en Noord-Korea', subtitle: '', createdAt: T0, updatedAt: T1 });
    const edited = updateDossierText(renamed, 'd1', { subtitle: 'Bondgenoten', intro: 'Een\n\nverhaal' }, T1);
    expect(findDossier(edited, 'd1')).toMatchObject({ title: 'Rusland en Noord-Korea', subtitle: 'Bondgenoten', intro: 'Een\n\nverhaal' });
    expect(() => updateDossierText(meta, 'd1', { title: '   ' }, T1)).toThrow(expect.objectContaining({ code: 'invalid-input', reason: { code: 'dossier.noTitle' } }));
  });

  it('adds stories at the end or at an index, leaving ones already present where they are', () => {
    const meta = withDossier(['a', 'b']);
    const atEnd = addEntries(meta, 'd1', ['c', 'a', 'd', 'c'], undefined, T1);
    expect(atEnd.added).toBe(2);
    expect(order(atEnd.meta)).toEqual(['a', 'b', 'c', 'd']);
    expect(findDossier(atEnd.meta, 'd1').updatedAt).toBe(T1);

    const atStart = addEntries(meta, 'd1', ['x', 'y'], 0, T1);
    expect(order(atStart.meta)).toEqual(['x', 'y', 'a', 'b']);
    const inMiddle = addEntries(meta, 'd1', ['x'], 1, T1);
    expect(order(inMiddle.meta)).toEqual(['a', 'x', 'b']);
    const pastEnd = addEntries(meta, 'd1', ['x'], 99, T1);
    expect(order(pastEnd.meta)).toEqual(['a', 'b', 'x']);

    const nothingNew = addEntries(meta, 'd1', ['a', 'b'], undefined, T1);
    expect(nothingNew).toEqual({ meta, added: 0 });
  });

  it('moves an entry from one position to another', () => {
    const meta = withDossier(['a', 'b', 'c', 'd']);
    expect(order(moveEntry(meta, 'd1', 0, 2, T1))).toEqual(['b', 'c', 'a', 'd']);
    expect(order(moveEntry(meta, 'd1', 3, 0, T1))).toEqual(['d', 'a', 'b', 'c']);
    expect(order(moveEntry(meta, 'd1', 1, 2, T1))).toEqual(['a', 'c', 'b', 'd']);
    expect(order(moveEntry(meta, 'd1', 1, 99, T1))).toEqual(['a', 'c', 'd', 'b']);
    expect(moveEntry(meta, 'd1', 2, 2, T1)).toBe(meta);
    expect(() => moveEntry(meta, 'd1', 4, 0, T1)).toThrow(/no entry 5/);
  });

  it('keeps entry notes with their story when the order changes', () => {
    let meta = withDossier(['a', 'b', 'c']);
    meta = setEntryNote(meta, 'd1', 'b', 'Achtergrond bij het bezoek.', T1);
    meta = setOrder(meta, 'd1', ['c', 'b', 'a'], T1);
    expect(findDossier(meta, 'd1').entries).toEqual([
      { storyId: 'c', note: '' },
      { storyId: 'b', note: 'Achtergrond bij het bezoek.' },
      { storyId: 'a', note: '' },
    ]);
    meta = moveEntry(meta, 'd1', 1, 0, T1);
    expect(findDossier(meta, 'd1').entries[0]).toEqual({ storyId: 'b', note: 'Achtergrond bij het bezoek.' });
  });

  it('refuses an order that drops, adds or repeats a story', () => {
    const meta = withDossier(['a', 'b', 'c']);
    expect(setOrder(meta, 'd1', ['a', 'b', 'c'], T1)).toBe(meta);
    expect(() => setOrder(meta, 'd1', ['a', 'b'], T1)).toThrow(/exactly the stories/);
    expect(() => setOrder(meta, 'd1', ['a', 'b', 'c', 'x'], T1)).toThrow(/exactly the stories/);
    expect(() => setOrder(meta, 'd1', ['a', 'a', 'b'], T1)).toThrow(/exactly the stories/);
    expect(() => setOrder(meta, 'd1', ['a', 'b', 'x'], T1)).toThrow(/exactly the stories/);
  });

  it('removes one entry, and says so when the story is not in the dossier', () => {
    const meta = withDossier(['a', 'b', 'c']);
    expect(order(removeEntry(meta, 'd1', 'b', T1))).toEqual(['a', 'c']);
    expect(() => removeEntry(meta, 'd1', 'x', T1)).toThrow(/not in this dossier/);
  });

  it('sets an entry note as NFC plain text and leaves the document alone when unchanged', () => {
    const meta = setEntryNote(withDossier(['a']), 'd1', 'a', 'Regel een\r\nRegel twee\r\n', T1);
    expect(findDossier(meta, 'd1').entries[0]!.note).toBe('Regel een\nRegel twee');
    expect(setEntryNote(meta, 'd1', 'a', 'Regel een\nRegel twee', T1)).toBe(meta);
    expect(() => setEntryNote(meta, 'd1', 'x', 'note', T1)).toThrow(/not in this dossier/);
  });

  it('deletes a dossier and leaves the others', () => {
    let meta = withDossier(['a']);
    meta = createDossier(meta, { id: 'd2', now: T0, text: { title: 'Tweede' }, storyIds: [] });
    meta = deleteDossier(meta, 'd1');
    expect(meta.dossiers.map((dossier) => dossier.id)).toEqual(['d2']);
    expect(() => deleteDossier(meta, 'd1')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('answers not-found for an unknown dossier and conflict for a reused id', () => {
    const meta = withDossier([]);
    expect(() => moveEntry(meta, 'nope', 0, 1, T1)).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => createDossier(meta, { id: 'd1', now: T0, text: { title: 'Dubbel' }, storyIds: [] })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
  });

  it('never changes the document it was given', () => {
    const meta = withDossier(['a', 'b']);
    const frozen = JSON.stringify(meta);
    addEntries(meta, 'd1', ['c'], 0, T1);
    moveEntry(meta, 'd1', 0, 1, T1);
    setEntryNote(meta, 'd1', 'a', 'x', T1);
    removeEntry(meta, 'd1', 'a', T1);
    updateDossierText(meta, 'd1', { title: 'Nieuw' }, T1);
    deleteDossier(meta, 'd1');
    expect(JSON.stringify(meta)).toBe(frozen);
  });
});
