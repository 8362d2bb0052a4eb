/**
 * `load`, run once per build and its promise shared by every page that asks; in `npm run dev`
 * run on every call, so a saved file shows at once. Every cache of data/ goes through this.
 */
export function cacheUnlessDev<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (import.meta.env.DEV ? load() : (cached ??= load()));
}

/** The same for a loader with one key (e.g. the site's address): one promise per key and build. */
export function cacheByKeyUnlessDev<K, T>(load: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const cached = new Map<K, Promise<T>>();
  return (key) => {
    if (import.meta.env.DEV) return load(key);
    let value = cached.get(key);
    if (!value) cached.set(key, (value = load(key)));
    return value;
  };
}
