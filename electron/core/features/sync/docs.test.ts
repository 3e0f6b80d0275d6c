import { describe, expect, it } from 'vitest';
import { emptyMeta } from '../../store/meta';
import { applyRecord, changedRecordIds, parseDocId, recordOf, validateDoc } from './docs';
import { StoryMap } from '../../store/story-map';

// The team library's documents: what an incoming document may hold, and how records map
// to documents and back (pure; the replication itself is tested in sync.test.ts).

const stamp = { v: 1, author: 'anna', at: '2026-03-01T10:00:00.000Z', origin: 'abc' };

describe('sync documents', () => {
  it('accepts a well-formed document and cleans its text like imported text', () => {
    const result = validateDoc({ _id: 'tag:t1', _rev: '1-a', kind: 'tag', ...stamp, author: 'anna\u202E', content: { name: '  Defensie ', color: '#112233', parentId: null, mediaTopic: null } });
    expect(result).toEqual({ ok: true, doc: { _id: 'tag:t1', kind: 'tag', ...stamp, content: { name: 'Defensie', color: '#112233', parentId: null, mediaTopic: null } } });
  });

  it('refuses prototype keys, wrong types, huge strings, bad ids and kinds that do not match the id', () => {
    const proto = JSON.parse(`{"_id":"tag:t1","kind":"tag","v":1,"author":"a","at":"2026-03-01T10:00:00.000Z","origin":"x","content":{"__proto__":{"polluted":true},"name":"P","color":null,"parentId":null,"mediaTopic":null}}`);
    expect(validateDoc(proto)).toEqual({ ok: false, reason: 'prototype' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(validateDoc({ _id: 'note:s1', kind: 'note', ...stamp, content: { note: 42 } })).toEqual({ ok: false, reason: 'content' });
    expect(validateDoc({ _id: 'note:s1', kind: 'note', ...stamp, content: { note: 'x'.repeat(3_000_000) } })).toEqual({ ok: false, reason: 'size' });
    expect(validateDoc({ _id: 'tag:../x', kind: 'tag', ...stamp, content: {} })).toEqual({ ok: false, reason: 'id' });
    expect(validateDoc({ _id: 'note:s1', kind: 'tag', ...stamp, content: {} })).toEqual({ ok: false, reason: 'id' });
    expect(validateDoc({ _id: 'note:s1', kind: 'note', ...stamp, v: 2, content: { note: '' } })).toEqual({ ok: false, reason: 'shape' });
    expect(validateDoc('not an object')).toEqual({ ok: false, reason: 'shape' });
  });

  it('maps a commit to the records it changed and applies them back', () => {
    const before = emptyMeta('2026-01-01T00:00:00.000Z');
    const after = {
      ...before,
      tags: [{ id: 't1', name: 'Defensie', color: null, parentId: null, mediaTopic: null }],
      taggings: StoryMap.from({ s1: ['t1'] }),
      storyEdits: StoryMap.from({ s1: { note: 'Bron: ANP' } }),
    };
    expect(changedRecordIds(before, after).sort()).toEqual(['note:s1', 'tag:t1', 'tagging:s1:t1']);
    let meta = before;
    for (const id of ['tag:t1', 'tagging:s1:t1', 'note:s1']) meta = applyRecord(meta, id, recordOf(after, id), () => true).meta;
    expect(meta.tags).toEqual(after.tags);
    expect(meta.taggings.toJSON()).toEqual(after.taggings.toJSON());
    expect(meta.storyEdits.toJSON()).toEqual(after.storyEdits.toJSON());
    // A batch (one ApplyBatch) copies each map once and never touches the document it started from.
    const start = structuredClone(before);
    const batch = new WeakSet<object>();
    let batched = before;
    for (const id of ['tag:t1', 'tagging:s1:t1', 'note:s1', 'note:s2', 'tagging:s2:t1']) {
      batched = applyRecord(batched, id, id === 'note:s2' ? { note: 'Tweede' } : id === 'tagging:s2:t1' ? { present: true } : recordOf(after, id), () => true, batch).meta;
    }
    expect(before).toEqual(start);
    expect(batched.storyEdits.toJSON()).toEqual({ s1: { note: 'Bron: ANP' }, s2: { note: 'Tweede' } });
    expect(batched.taggings.toJSON()).toEqual({ s1: ['t1'], s2: ['t1'] });
    // A tagging of a story this library does not have waits.
    expect(applyRecord(before, 'tagging:s9:t1', { present: true }, () => false).waiting).toBe(true);
  });

  it('the newer kinds: chronology ids keep their line key, hostile versions and proposals are refused, the Trash maps both ways', () => {
    expect(parseDocId('chronology:d1:s1:0:12')).toEqual({ kind: 'chronology', parts: ['d1', 's1:0:12'] });
    expect(parseDocId('chronology:d1:../x')).toBeNull();
    expect(parseDocId('version:s1v2')).toEqual({ kind: 'version', parts: ['s1v2'] });
    // A version whose head is not its id, or without its agency facts, or with a wrong status.
    const head = { id: 'v1', kind: 'article', headline: 'Kop', dateline: { place: '', agencies: [] }, section: null, ageLabel: null, pageId: null, fileName: 'v.json', sha256: 'a', importedAt: stamp.at, contentHash: 'b', warnings: [] };
    expect(validateDoc({ _id: 'version:v2', kind: 'version', ...stamp, content: { head, body: [] } })).toEqual({ ok: false, reason: 'content' });
    expect(validateDoc({ _id: 'version:v1', kind: 'version', ...stamp, content: { head: { ...head, wire: { storyId: 's1', status: 'pwned' } }, body: [] } })).toEqual({ ok: false, reason: 'content' });
    const proposal = { storyId: 's1', candidateId: 's1', status: 'accepted', headlineSimilarity: 1, leadSimilarity: 1, proposedAt: stamp.at };
    expect(validateDoc({ _id: 'proposal:p1', kind: 'proposal', ...stamp, content: proposal })).toEqual({ ok: false, reason: 'content' });
    expect(validateDoc({ _id: 'trash:s1', kind: 'trash', ...stamp, content: { state: 'gone' } })).toEqual({ ok: false, reason: 'content' });
    expect(validateDoc({ _id: 'series:s1', kind: 'series', ...stamp, content: { name: '<b>Reeks</b>' } })).toMatchObject({ ok: true, doc: { content: { name: '<b>Reeks</b>' } } });

    const before = { ...emptyMeta('2026-01-01T00:00:00.000Z'), taggings: StoryMap.from({ s1: ['t1'] }), tags: [{ id: 't1', name: 'T', color: null, parentId: null, mediaTopic: null }] };
    const trashed = applyRecord(before, 'trash:s1', { state: 'trashed' }, () => true).meta;
    expect(trashed.deleted).toEqual(['s1']);
    expect(changedRecordIds(before, trashed)).toEqual(['trash:s1']);
    const purged = applyRecord(trashed, 'trash:s1', { state: 'purged' }, () => true).meta;
    expect(purged.purged).toEqual(['s1']);
    expect(purged.taggings.toJSON()).toEqual({});
    // A purged story is never brought back by a restore.
    expect(applyRecord(purged, 'trash:s1', null, () => true).meta).toBe(purged);
    expect(applyRecord(trashed, 'trash:s1', null, () => true).meta.deleted).toEqual([]);
  });
});
