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
    expect(errorText('nl', conflict)).toBe('„3 berichten taggen” kan niet ongedaan worden gemaakt: dat deel van de bibliotheek is sindsdien gewijzigd.');
    expect(errorText('en', conflict)).toBe('Cannot undo “Tag 3 stories”: that part of the library changed since.');
    const missing = new ServiceError('not-found', '2 of the chosen stories are no longer in the library (a, b).', { code: 'stories.missing', count: 2 });
    expect(errorText('nl', missing)).toBe('2 van de gekozen berichten staan niet meer in de bibliotheek.');
    expect(errorText('en', { ...missing.toData(), reason: { code: 'stories.missing', count: 1 } })).toBe('The chosen story is no longer in the library.');
  });

  it('words a tag name refused: taken (with the way to combine two tags when renaming), empty, too long', () => {
    const taken = new ServiceError('conflict', 'A tag called "Rusland" already exists.', { code: 'tag.nameTaken', name: 'Rusland', renaming: null });
    expect(errorText('nl', taken)).toBe('Er is al een tag „Rusland”.');
    const renaming = { ...taken.toData(), reason: { code: 'tag.nameTaken' as const, name: 'Rusland', renaming: 'Noord-Korea' } };
    expect(errorText('nl', renaming)).toBe('Er is al een tag „Rusland”. Voeg „Noord-Korea” samen met „Rusland” om ze te combineren.');
    expect(errorText('en', renaming)).toBe('There is a tag “Rusland” already. Merge “Noord-Korea” into “Rusland” to combine them.');
    const long = new ServiceError('invalid-input', 'A tag name can be at most 1000 characters.', { code: 'tag.badName', problem: 'tooLong', max: 1000 });
    expect(errorText('nl', long)).toBe('Een tagnaam mag hoogstens 1.000 tekens lang zijn.');
    expect(errorText('en', { ...long.toData(), reason: { code: 'tag.badName', problem: 'empty', max: 1000 } })).toBe('A tag needs a name.');
    expect(errorText('nl', new ServiceError('conflict', 'x', { code: 'tag.underItself', parent: 'Azië' }))).toBe('Een tag kan niet onder zichzelf of een van zijn eigen subtags („Azië”) staan.');
  });

  it('says a saved search name is taken, a dossier needs a title, a proposal cannot be taken in', () => {
    expect(errorText('nl', new ServiceError('conflict', 'x', { code: 'search.nameTaken', name: 'Kim en Poetin' }))).toBe('Er is al een bewaarde zoekopdracht „Kim en Poetin”; kies een andere naam.');
    expect(errorText('nl', new ServiceError('invalid-input', 'x', { code: 'dossier.noTitle' }))).toBe('Een dossier heeft een titel nodig.');
    expect(errorText('en', new ServiceError('conflict', 'x', { code: 'proposal.touched' }))).toMatch(/^The new story was already tagged/);
    expect(errorText('nl', new ServiceError('conflict', 'x', { code: 'proposal.closed', status: 'declined' }))).toBe('Dit voorstel is al afgewezen.');
    expect(errorText('nl', new ServiceError('conflict', 'x', { code: 'dossier.orderStale' }))).toMatch(/^Het dossier is veranderd/);
  });

  it('says why a file could not be written, and where PDF export looked for Chromium', () => {
    const folder = new ServiceError('conflict', 'x', { code: 'file.cannotWrite', path: '/home/red/dossiers', why: 'isFolder', errno: null });
    expect(errorText('nl', folder)).toBe('/home/red/dossiers is een map; kies een bestandsnaam.');
    expect(errorText('en', { ...folder.toData(), reason: { code: 'file.cannotWrite', path: '/media/usb/a.pdf', why: 'other', errno: 'EIO' } })).toBe('/media/usb/a.pdf could not be written (EIO).');
    expect(errorText('nl', new ServiceError('unsupported', 'x', { code: 'export.noChromium', configured: '/opt/chrome' }))).toBe('Chromium is niet gevonden op /opt/chrome. Zet KRONIEK_CHROMIUM op het pad van een Chromium-, Chrome- of Edge-programma.');
    expect(errorText('en', new ServiceError('unsupported', 'x', { code: 'export.noChromium', configured: null }))).toMatch(/^PDF export needs Chromium/);
  });

  it('says why nothing was linked', () => {
    expect(errorText('nl', new ServiceError('conflict', 'x', { code: 'link.nothing', why: 'linkedOtherwise' }))).toBe(
      'Deze berichten zijn al met een andere relatie gekoppeld; wijzig de relatie van die koppeling in plaats van een tweede toe te voegen.',
    );
    expect(errorText('en', new ServiceError('invalid-input', 'x', { code: 'link.nothing', why: 'self' }))).toBe('A story cannot be linked to itself.');
  });

  it('says what is wrong with an archive that cannot be imported, and which backup cannot be restored', () => {
    const json = new ServiceError('invalid-input', 'kapot.json is not a readable Kroniek library archive: it is not complete JSON (Unexpected end).', { code: 'archive.unreadable', name: 'kapot.json', problem: 'json' });
    expect(errorText('nl', json)).toBe('kapot.json is geen leesbaar bibliotheekarchief: het is geen volledige JSON (afgebroken, of een ander soort bestand).');
    expect(errorText('en', { ...json.toData(), reason: { code: 'archive.unreadable', name: null, problem: 'metadata' } })).toBe('The library archive’s metadata is damaged; it cannot be imported.');
    expect(errorText('nl', new ServiceError('not-found', 'x', { code: 'backup.unusable', name: 'backup-2026-12-07.json' }))).toBe('De back-up backup-2026-12-07.json ontbreekt of is beschadigd; kies een andere.');
  });

  it('says that a newer Kroniek wrote a library or an archive, and which schema versions', () => {
    const library = new ServiceError('conflict', 'This library was written by a newer Kroniek.', { code: 'library.newer', what: 'library', found: 5, supported: 3 });
    expect(errorText('nl', library)).toBe('Deze bibliotheek is geschreven door een nieuwere Kroniek (schemaversie 5; deze versie leest tot en met 3). Werk Kroniek bij om haar te openen.');
    const archive = { ...library.toData(), reason: { code: 'library.newer' as const, what: 'archive' as const, found: 4, supported: 3 } };
    expect(errorText('en', archive)).toBe('This archive was written by a newer Kroniek (schema version 4; this version reads up to 3). Update Kroniek to import it.');
  });

  it('says why an import cannot be undone, and how many of its stories were worked on', () => {
    const touched = new ServiceError('conflict', 'Cannot undo the import: 1 of its 5 stories were tagged since.', { code: 'import.touched', count: 1, stories: 5 });
    expect(errorText('en', touched)).toBe(
      'Cannot undo the import: 1 of its 5 stories was tagged, dated, noted, linked or put in a dossier since. Delete the stories you do not want instead.',
    );
    expect(errorText('nl', { ...touched.toData(), reason: { code: 'import.touched', count: 2, stories: 1200 } })).toBe(
      'De import kan niet ongedaan worden gemaakt: 2 van de 1.200 berichten zijn intussen getagd, gedateerd, van een notitie voorzien, gekoppeld of in een dossier gezet. Verwijder in plaats daarvan de berichten die je niet wilt.',
    );
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
