// Values remembered on the object they were computed from (an analysis on its page, findings on their analysis).
//
// A WeakMap would do, but not in V8's young-generation collections: measured on 2,000 pages checked a worklog at a
// time, a minor collection between two worklogs kept the last worklog's pages alive (2 MB each time) while their
// analyses sat in module-level WeakMaps, and 0.4 MB without them; everything kept was then copied to the old
// generation. A slot on the object itself (a non-enumerable symbol property) dies with the object.

export interface MemoSlot<K extends object, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

export function memoSlot<K extends object, V>(name: string): MemoSlot<K, V> {
  const slot = Symbol(name);
  return {
    get: (key) => (key as { [slot]?: V })[slot],
    set: (key, value) => {
      if (Object.isExtensible(key)) Object.defineProperty(key, slot, { value, writable: true, configurable: true, enumerable: false });
    },
  };
}

/**
 * A pure function of a string, remembered per argument: for facts worked out from a page's path, asked again for every
 * page of a worklog on every change in the editor. At most `max` entries: past that the memory starts over.
 */
export function memoByString<V>(fn: (key: string) => V, max = 20_000): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined && !known.has(key)) {
      if (known.size >= max) known.clear();
      value = fn(key);
      known.set(key, value);
    }
    return value as V;
  };
}
