/**
 * The `notices` namespace in English: what the library tells the editor once after
 * opening it, keyed by the core's notice code (`shared/messages.ts`), and a heading
 * for the notices about damage (`heading.<code>`).
 */
export const noticesEn = {
  label: 'Notices',
  dismiss: 'Dismiss',
  seeded: 'This library was empty, so Kroniek imported the sample library: {{stories, number}} articles and {{briefs, number}} briefs.',
  /** A seeded notice written before notices were data (no counts). */
  seededUncounted: 'This library was empty, so Kroniek imported the sample library.',
  recovered:
    'The library file was damaged; Kroniek restored the backup from {{when, datetime(dateStyle: long; timeStyle: short)}}. Edits made after that backup are lost. The damaged file was kept as {{keptAs}}.',
  'read-only':
    'The library file library.json is damaged and no valid backup was found. It was kept as {{keptAs}}; Kroniek opened read-only so nothing is overwritten.',
  'content-damaged': 'Some story files could not be read and their stories are not shown: {{segments}}. They were left untouched on disk.',
  migrated: 'The library was upgraded from schema version {{fromVersion}}; the old file was kept as {{keptAs}}.',
  'heading.recovered': 'Library recovered from a backup',
  'heading.read-only': 'Library opened read-only',
  'heading.content-damaged': 'Some stories could not be read',
  'heading.migrated': 'Library upgraded',
  'meta-missing':
    'The library file library.json could not be used, although this folder holds stories or backups. Kroniek restored the backup from {{when, datetime(dateStyle: long; timeStyle: short)}}; edits made after that backup are lost.',
  'meta-missing.readOnly':
    'The library file library.json could not be used, although this folder holds stories or backups, and no valid backup was found. Kroniek opened the library read-only with the stories it found, so nothing is overwritten.',
  'heading.meta-missing': 'Library file missing',
  damagedHeading: 'Some stories cannot be read',
  damaged_one: 'The text of {{count, number}} story cannot be read from the library\'s content files: it is damaged, not empty. Exports that would leave it out ask first. The files were left untouched on disk.',
  damaged_other: 'The text of {{count, number}} stories cannot be read from the library\'s content files: they are damaged, not empty. Exports that would leave them out ask first. The files were left untouched on disk.',
  damagedFile: '{{file}}: {{problem}}',
  'problem.missing': 'the file is missing',
  'problem.empty': 'the file is empty',
  'problem.not-a-file': 'not a regular file',
  'problem.too-large': 'larger than any file Kroniek writes',
  'problem.unreadable': 'the file cannot be read',
  'problem.not-json': 'damaged (not JSON)',
  'problem.wrong-shape': 'damaged (unexpected content)',
  'problem.entry-missing': 'stories missing from the file',
  'problem.entry-damaged': 'stories damaged in the file',
  oversized: 'library.json holds values longer than Kroniek takes ({{what}}). They are kept as they are, and shown and searched only up to the limit; shorten them to edit them.',
  'heading.oversized': 'Values longer than Kroniek takes',
  'edits-damaged_one':
    "The library's log of recent edits was damaged: {{count, number}} edit could not be restored. Everything before it is in the library. The log was kept as {{keptAs}}.",
  'edits-damaged_other':
    "The library's log of recent edits was damaged: {{count, number}} edits could not be restored. Everything before them is in the library. The log was kept as {{keptAs}}.",
  'heading.edits-damaged': 'Recent edits lost',
  'oversized.note_one': '{{count, number}} story note',
  'oversized.note_other': '{{count, number}} story notes',
  'oversized.tag_one': '{{count, number}} tag name',
  'oversized.tag_other': '{{count, number}} tag names',
  'oversized.link.note_one': '{{count, number}} link note',
  'oversized.link.note_other': '{{count, number}} link notes',
  'oversized.dossier.text_one': '{{count, number}} dossier',
  'oversized.dossier.text_other': '{{count, number}} dossiers',
  'oversized.search_one': '{{count, number}} saved search name',
  'oversized.search_other': '{{count, number}} saved search names',
  'oversized.seriesName_one': '{{count, number}} series name',
  'oversized.seriesName_other': '{{count, number}} series names',
} as const;
