// The parts of language-tags 2 (ESM, no bundled types) that src/lib/language.ts uses.
declare module 'language-tags' {
  export interface Subtag {
    type(): 'language' | 'extlang' | 'script' | 'region' | 'variant';
    format(): string;
    descriptions(): string[];
    /** The preferred value of a deprecated subtag, if the registry gives one. */
    preferred(): Subtag | null;
    /** A language's Suppress-Script: the script it is written in unless said otherwise. */
    script(): Subtag | null;
    deprecated(): string | null;
  }
  export interface Tag {
    valid(): boolean;
    errors(): { code: number; message: string }[];
    format(): string;
    subtags(): Subtag[];
    language(): Subtag | undefined;
    deprecated(): string | null;
    /** Only for grandfathered and redundant tags (whole-tag registry records). */
    preferred(): Tag | null;
  }
  export function tags(tag: string): Tag;
  export function search(query: string | RegExp, all?: boolean): (Subtag | Tag)[];
}
