import { describe, expect, it } from 'vitest';
import { StoryMap } from './story-map';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `s${i.toString(36)}-${(i * 7919) % 1000}`);

describe('StoryMap', () => {
  it('takes in a record checking each value, or names the first key it refuses', () => {
    const made = StoryMap.fromChecked<number>({ a: 1, __proto__x: 2, constructor: 3 }, (value) => (typeof value === 'number' ? null : ': expected a number'));
    expect(made.ok && [...made.map].sort()).toEqual([['__proto__x', 2], ['a', 1], ['constructor', 3]]);
    expect(made.ok && made.map.size).toBe(3);
    expect(StoryMap.fromChecked({ a: 1, b: 'twee', c: 'drie' }, (value) => (typeof value === 'number' ? null : ': expected a number'))).toEqual({ ok: false, key: 'b', problem: ': expected a number' });
  });

  it('holds entries, and a changed copy leaves the original as it was', () => {
    const base = StoryMap.from({ a1: ['t1'], a2: ['t2'] });
    const next = base.with([
      ['a1', undefined],
      ['a3', ['t3']],
      ['a2', ['t2', 't4']],
    ]);
    expect(base.toJSON()).toEqual({ a1: ['t1'], a2: ['t2'] });
    expect(base.size).toBe(2);
    expect(next.toJSON()).toEqual({ a2: ['t2', 't4'], a3: ['t3'] });
    expect(next.size).toBe(2);
    expect(next.has('a1')).toBe(false);
    expect(next.get('a3')).toEqual(['t3']);
    expect([...next.keys()].sort()).toEqual(['a2', 'a3']);
  });

  it('treats any id as a key: no prototype member is ever an entry', () => {
    const map = StoryMap.from<string[]>({}).with([['__proto__', ['t1']]]);
    expect(map.get('__proto__')).toEqual(['t1']);
    expect(map.get('constructor')).toBeUndefined();
    expect(map.has('toString')).toBe(false);
    const json = JSON.stringify(map);
    expect(json).toBe('{"__proto__":["t1"]}');
    const back = StoryMap.from(JSON.parse(json) as Record<string, string[]>);
    expect(back.get('__proto__')).toEqual(['t1']);
    expect(back.size).toBe(1);
  });

  it('counts entries through additions, replacements and removals, and a no-op change is a new map with the same entries', () => {
    let map = StoryMap.empty<number>();
    const keys = ids(5000);
    map = map.with(keys.map((key, i) => [key, i] as const));
    expect(map.size).toBe(5000);
    map = map.with(keys.slice(0, 100).map((key) => [key, -1] as const));
    expect(map.size).toBe(5000);
    map = map.without(keys.slice(0, 1000));
    expect(map.size).toBe(4000);
    expect(map.without(['nope']).size).toBe(4000);
    const same = map.with([]);
    expect(same).not.toBe(map);
    expect(StoryMap.changedKeys(map, same)).toEqual([]);
    let seen = 0;
    map.forEach(() => seen++);
    expect(seen).toBe(4000);
  });

  it('tells exactly which keys an edit changed, added or removed (by reference), whichever way the maps were made', () => {
    const keys = ids(3000);
    const base = StoryMap.from(keys.map((key) => [key, [key]] as const));
    const changed = base.with([
      [keys[10]!, ['x']],
      [keys[2000]!, undefined],
      ['new-one', ['y']],
      [keys[11]!, base.get(keys[11]!)], // the same value: not a change
    ]);
    expect(StoryMap.changedKeys(base, changed).sort()).toEqual([keys[10]!, keys[2000]!, 'new-one'].sort());
    // A map built anew from the same entries has no bucket in common: every entry is compared, by reference.
    const rebuilt = StoryMap.from([...changed]);
    expect(StoryMap.changedKeys(changed, rebuilt)).toEqual([]);
    expect(StoryMap.changedKeys(base, rebuilt).sort()).toEqual([keys[10]!, keys[2000]!, 'new-one'].sort());
    // With a comparison by value, an equal copy is no change.
    const copied = base.with([[keys[5]!, [...base.get(keys[5]!)!]]]);
    expect(StoryMap.changedKeys(base, copied)).toEqual([keys[5]!]);
    expect(StoryMap.changedKeys(base, copied, (a, b) => a.join() === b.join())).toEqual([]);
  });

  it('changes one entry of a large map without copying the others', () => {
    const keys = ids(50_000);
    const base = StoryMap.from(keys.map((key) => [key, [key]] as const));
    const next = base.with([[keys[0]!, ['edited']]]);
    // Every other entry is the very same value, reached through the unchanged buckets.
    let shared = 0;
    base.forEach((value, key) => {
      if (next.get(key) === value) shared++;
    });
    expect(shared).toBe(keys.length - 1);
    expect(StoryMap.changedKeys(base, next)).toEqual([keys[0]!]);
  });

  it('reads back as it was written, through JSON', () => {
    const map = StoryMap.from(ids(700).map((key, i) => [key, { note: `notitie ${i}` }] as const));
    const back = StoryMap.from(JSON.parse(JSON.stringify(map)) as Record<string, { note: string }>);
    expect(back.size).toBe(700);
    expect(back.toJSON()).toEqual(map.toJSON());
    expect(StoryMap.from(map)).toBe(map);
  });

  it('crosses to a worker thread as its buckets, and anything else in their place is read entry by entry', () => {
    const map = StoryMap.from(ids(700).map((key, i) => [key, [`t${i % 7}`]] as const));
    // What postMessage does to it: a structured clone.
    const back = StoryMap.fromMessage(structuredClone(map.toMessage()));
    expect(back.size).toBe(700);
    expect(back.toJSON()).toEqual(map.toJSON());
    expect(back.get(ids(700)[5]!)).toEqual(['t5']);
    // Buckets that are not this map's (another bucket count, a stray value): placed anew.
    const odd = StoryMap.fromMessage({ buckets: [new Map([['x1', ['a']]]), undefined, new Map([['x2', ['b']]])] });
    expect(odd.size).toBe(2);
    expect(odd.get('x1')).toEqual(['a']);
    expect(odd.get('x2')).toEqual(['b']);
  });
});
