/**
 * The `errors` namespace in English: what a failed call says, from its reason
 * (`reason.<code>`, see ErrorReasonParams in shared/messages.ts) or its error code.
 * English falls back to the service's own message, which is more specific than
 * the per-code sentences; those are what other languages show.
 */
export const errorsEn = {
  'invalid-input': 'The input is not valid.',
  'unknown-method': 'This version of Kroniek does not know that action.',
  'not-found': 'That is not (or no longer) in the library.',
  conflict: 'That clashes with the current state of the library.',
  'read-only': 'The library is open read-only; nothing can be changed.',
  unsupported: 'That is not possible here.',
  'too-large': 'That is too large.',
  forbidden: 'That is not allowed.',
  locked: 'Another Kroniek is using this library.',
  internal: 'Something went wrong inside Kroniek.',
  'reason.library.readOnly': 'The library is open read-only; nothing can be changed.',
  'reason.history.changedSince_undo': 'Cannot undo “{{label}}”: that part of the library changed since.',
  'reason.history.changedSince_redo': 'Cannot redo “{{label}}”: that part of the library changed since.',
  'reason.stories.missing_one': 'The chosen story is no longer in the library.',
  'reason.stories.missing_other': '{{count, number}} of the chosen stories are no longer in the library.',
  'reason.export.withdrawn_one': 'This dossier holds a story the agency withdrew: leave it out, or include it with a note that it was withdrawn.',
  'reason.export.withdrawn_other': 'This dossier holds {{count, number}} stories the agency withdrew: leave them out, or include them with a note that they were withdrawn.',
  'reason.export.embargoed_one': 'A story in this dossier is under embargo until {{until}}. Export after that, or override the embargo.',
  'reason.export.embargoed_other': '{{count, number}} stories in this dossier are under embargo, the last until {{until}}. Export after that, or override the embargo.',
  'reason.import.touched_one': 'Cannot undo the import: {{count, number}} of its {{stories, number}} stories was tagged, dated, noted, linked or put in a dossier since. Delete the stories you do not want instead.',
  'reason.import.touched_other': 'Cannot undo the import: {{count, number}} of its {{stories, number}} stories were tagged, dated, noted, linked or put in a dossier since. Delete the stories you do not want instead.',
  'reason.watch.notAbsolute': 'Give the folder as a full path (starting at the root of the disk), not “{{path}}”.',
  'reason.watch.notAFolder_missing': 'There is no folder at {{path}}.',
  'reason.watch.notAFolder_file': '{{path}} is a file, not a folder: give the drop folder it is in.',
  'reason.export.pdfLimit_pages': 'The PDF would have {{found, number}} pages; at most {{max, number}} are printed. Split the dossier or leave out its longest stories.',
  'reason.export.pdfLimit_time': 'Printing the PDF took longer than {{max, number}} minutes and was stopped. Split the dossier or leave out its longest stories.',
  'reason.export.pdfLimit_size': 'The dossier holds {{found, number}} characters of text; a PDF is made of at most {{max, number}}. Split the dossier or leave out its longest stories.',
  'reason.export.cancelled': 'The export was cancelled.',
  'reason.service.unreachable': 'Kroniek’s service cannot be reached right now; nothing was changed.',
  'reason.export.incomplete_one': 'The text of a story cannot be read (a damaged content file): the export would be incomplete. Export without it only if you choose to.',
  'reason.export.incomplete_other': 'The text of {{count, number}} stories cannot be read (damaged content files): the export would be incomplete. Export without them only if you choose to.',
} as const;
