import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { Link } from '../../../../shared/types';
import { emptyMeta, type MetaDoc } from '../../store/meta';
import { createLinks, describeLink, pairKey, removeLink, removeLinksBetween, updateLink } from './ops';

const NOW = '2026-01-01T00:00:00.000Z';

function errorOf(run: () => unknown): ServiceError {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

function link(meta: MetaDoc, from: string, to: string, type: Link['type'], id = `${from}-${to}`): MetaDoc {
  return createLinks(meta, { from, targets: [{ id, to }], type, now: NOW }).meta;
}

describe('creating links', () => {
  it('stores one link from → to with type, cleaned note and time', () => {
    const { meta, created, skipped } = createLinks(emptyMeta(), {
      from: 'a',
      targets: [{ id: 'l1', to: 'b' }],
      type: 'follow-up',
      note: '  Tweede dag van het bezoek\r\n',
      now: NOW,
    });
    expect(created).toEqual([{ id: 'l1', from: 'a', to: 'b', type: 'follow-up', note: 'Tweede dag van het bezoek', createdAt: NOW }]);
    expect(meta.links).toEqual(created);
    expect(skipped).toEqual([]);
  });

  it('refuses a self-link', () => {
    const error = errorOf(() => link(emptyMeta(), 'a', 'a', 'related'));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe('A story cannot be linked to itself.');
  });

  it('refuses a duplicate in either direction, and a second type between the same pair', () => {
    const meta = link(emptyMeta(), 'a', 'b', 'series');
    expect(errorOf(() => link(meta, 'a', 'b', 'series', 'x')).code).toBe('conflict');
    expect(errorOf(() => link(meta, 'b', 'a', 'series', 'x')).code).toBe('conflict');
    const second = errorOf(() => link(meta, 'b', 'a', 'follow-up', 'x'));
    expect(second.code).toBe('conflict');
    expect(second.message).toContain('change that link\'s type');
  });

  it('links one story to several at once, skipping itself and stories already linked', () => {
    const meta = link(emptyMeta(), 'a', 'c', 'related');
    const outcome = createLinks(meta, {
      from: 'a',
      targets: ['b', 'a', 'c', 'd', 'b'].map((to, i) => ({ id: `n${i}`, to })),
      type: 'same-event',
      now: NOW,
    });
    expect(outcome.created.map((made) => made.to)).toEqual(['b', 'd']);
    expect(outcome.skipped).toEqual([
      { storyId: 'a', reason: 'self' },
      { storyId: 'c', reason: 'linkedOtherwise', linkedAs: 'related' },
    ]);
    expect(outcome.meta.links).toHaveLength(3);
  });

  it('is a conflict when nothing in a batch can be linked', () => {
    const meta = link(emptyMeta(), 'a', 'c', 'related');
    const error = errorOf(() => createLinks(meta, { from: 'a', targets: [{ id: 'x', to: 'a' }, { id: 'y', to: 'c' }], type: 'related', now: NOW }));
    expect(error.code).toBe('conflict');
    expect(error.reason).toEqual({ code: 'link.nothing', why: 'several' });
    // One story asked for: why it was not linked, as data.
    expect(errorOf(() => createLinks(meta, { from: 'a', targets: [{ id: 'x', to: 'a' }], type: 'related', now: NOW })).reason).toEqual({ code: 'link.nothing', why: 'self' });
    expect(errorOf(() => createLinks(meta, { from: 'a', targets: [{ id: 'y', to: 'c' }], type: 'related', now: NOW })).reason).toEqual({ code: 'link.nothing', why: 'linked' });
    expect(errorOf(() => createLinks(meta, { from: 'c', targets: [{ id: 'y', to: 'a' }], type: 'series', now: NOW })).reason).toEqual({ code: 'link.nothing', why: 'linkedOtherwise' });
  });
});

describe('editing and removing links', () => {
  it('changes type and note, reverses direction, and returns the same document for no change', () => {
    let meta = link(emptyMeta(), 'a', 'b', 'related', 'l1');
    expect(updateLink(meta, 'l1', { type: 'related', note: '' })).toBe(meta);
    meta = updateLink(meta, 'l1', { type: 'follow-up', note: 'Zie ook' });
    expect(meta.links[0]).toMatchObject({ from: 'a', to: 'b', type: 'follow-up', note: 'Zie ook' });
    meta = updateLink(meta, 'l1', { reverse: true });
    expect(meta.links[0]).toMatchObject({ from: 'b', to: 'a', type: 'follow-up' });
    expect(errorOf(() => updateLink(meta, 'nope', { note: 'x' })).code).toBe('not-found');
  });

  it('removes one link by id, or every link between a pair in either order', () => {
    let meta = link(emptyMeta(), 'a', 'b', 'series', 'l1');
    meta = link(meta, 'b', 'c', 'series', 'l2');
    expect(removeLink(meta, 'l1').links.map((l) => l.id)).toEqual(['l2']);
    expect(errorOf(() => removeLink(meta, 'l9')).code).toBe('not-found');
    // Old data may hold two links between a pair: unlinking removes both.
    const doubled: MetaDoc = { ...meta, links: [...meta.links, { ...meta.links[0]!, id: 'l3', from: 'b', to: 'a', type: 'related' }] };
    const result = removeLinksBetween(doubled, 'b', 'a');
    expect(result.removed).toBe(2);
    expect(result.meta.links.map((l) => l.id)).toEqual(['l2']);
    const none = removeLinksBetween(meta, 'a', 'c');
    expect(none).toEqual({ meta, removed: 0 });
  });
});

describe('reading a link from both ends', () => {
  const base = { id: 'l', note: '', createdAt: NOW };
  it('reads follow-up and background with direction', () => {
    const followUp: Link = { ...base, from: 'early', to: 'later', type: 'follow-up' };
    expect(describeLink(followUp, 'early')).toEqual({ label: 'followed-by', otherId: 'later' });
    expect(describeLink(followUp, 'later')).toEqual({ label: 'follow-up-of', otherId: 'early' });
    const background: Link = { ...base, from: 'explainer', to: 'news', type: 'background' };
    expect(describeLink(background, 'explainer')).toEqual({ label: 'background-to', otherId: 'news' });
    expect(describeLink(background, 'news')).toEqual({ label: 'has-background', otherId: 'explainer' });
  });

  it('reads the symmetric types the same from both ends', () => {
    for (const type of ['series', 'same-event', 'related'] as const) {
      const symmetric: Link = { ...base, from: 'a', to: 'b', type };
      expect(describeLink(symmetric, 'a')).toEqual({ label: type, otherId: 'b' });
      expect(describeLink(symmetric, 'b')).toEqual({ label: type, otherId: 'a' });
    }
  });

  it('keys a pair the same way in both orders', () => {
    expect(pairKey('b', 'a')).toBe('a|b');
    expect(pairKey('a', 'b')).toBe('a|b');
  });
});
