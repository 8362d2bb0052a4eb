import type { Loader, LoaderContext } from 'astro/loaders';

/**
 * Wraps a content loader so that, under `astro dev` only, one bad file never stops the preview:
 * a file whose frontmatter does not parse, or whose data fails the collection's schema, is left
 * out of the collection (and taken out again if it was valid before) instead of throwing, and the
 * rest of the site keeps serving. The content check (src/integrations/content-check.ts) reports the
 * problem in the terminal and on every page; when the file is fixed, the loader's own watcher reads
 * it again and it comes back.
 *
 * In a build (no file watcher in the loader's context) the loader is used unchanged, so a bad file
 * still fails the build; the content check has stopped it earlier with a clearer message anyway.
 */
export function tolerantInDev(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => (context.watcher ? loader.load(tolerantContext(context)) : loader.load(context)),
  };
}

interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<{ data: Record<PropertyKey, unknown> } & object>;
}

/** Marks data whose file could not be read, so parseData leaves the entry out. */
const UNREADABLE = Symbol('unreadable content file');

function tolerantContext(context: LoaderContext): LoaderContext {
  // Ids whose latest parse failed: the next store.set for them removes the entry instead.
  const rejected = new Set<string>();
  const parseData: LoaderContext['parseData'] = async (props) => {
    try {
      if ((props.data as Record<symbol, unknown>)[UNREADABLE]) throw new Error('unreadable');
      const data = await context.parseData(props);
      rejected.delete(props.id);
      return data;
    } catch {
      rejected.add(props.id);
      return props.data;
    }
  };
  const store = new Proxy(context.store, {
    get(target, property, receiver) {
      if (property === 'set') {
        return (entry: Parameters<typeof target.set>[0]) => {
          if (!rejected.has(entry.id)) return target.set(entry);
          target.delete(entry.id);
          return false;
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  // Not in Astro's public type: the glob loader reads each file through its entry type (Markdown,
  // MDX, YAML...), and a file whose frontmatter does not parse throws there.
  const { entryTypes } = context as LoaderContext & { entryTypes?: Map<string, EntryType> };
  const tolerantEntryTypes =
    entryTypes &&
    new Map(
      [...entryTypes].map(([extension, entryType]): [string, EntryType] => [
        extension,
        {
          ...entryType,
          getEntryInfo: async (params) => {
            try {
              return await entryType.getEntryInfo(params);
            } catch {
              return { data: { [UNREADABLE]: true }, body: '', slug: '', rawData: '' };
            }
          },
        },
      ]),
    );
  return { ...context, parseData, store, ...(tolerantEntryTypes && { entryTypes: tolerantEntryTypes }) };
}
