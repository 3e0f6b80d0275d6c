import { describe, expect, it } from 'vitest';
import { emptyMeta } from '../../store/meta';
import { applyRecord, changedRecordIds, recordOf, validateDoc } from './docs';

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
      taggings: { s1: ['t1'] },
      storyEdits: { s1: { note: 'Bron: ANP' } },
    };
    expect(changedRecordIds(before, after).sort()).toEqual(['note:s1', 'tag:t1', 'tagging:s1:t1']);
    let meta = before;
    for (const id of ['tag:t1', 'tagging:s1:t1', 'note:s1']) meta = applyRecord(meta, id, recordOf(after, id), () => true).meta;
    expect(meta.tags).toEqual(after.tags);
    expect(meta.taggings).toEqual(after.taggings);
    expect(meta.storyEdits).toEqual(after.storyEdits);
    // A tagging of a story this library does not have waits.
    expect(applyRecord(before, 'tagging:s9:t1', { present: true }, () => false).waiting).toBe(true);
  });
});
