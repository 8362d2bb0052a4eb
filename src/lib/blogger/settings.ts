import type { BloggerSettings } from './parse.ts';

/** The site settings a Blogger blog has an equivalent of. */
export type ImportableSettings = Required<Pick<BloggerSettings, 'title' | 'description' | 'language' | 'timeZone'>>;

/**
 * The values src/site.config.ts ships with. A setting that still has its shipped value has not
 * been chosen by the owner, so the blog's own value replaces it; one the owner changed is left as
 * it is and the difference is printed instead.
 */
export const STARTER_SETTINGS: ImportableSettings = {
  title: 'Massage & Wellness',
  description:
    'Massage, reflexology and wellbeing: plain-spoken articles on how touch may support health, and honest reviews of therapists in London.',
  language: 'en-GB',
  timeZone: 'Europe/London',
};

export interface SettingChange {
  key: keyof ImportableSettings;
  from: string;
  to: string;
  /** True when the site still had the shipped value, so the import writes the blog's. */
  write: boolean;
}

/**
 * The blog's settings that differ from the site's, each marked to be written (the site still has
 * the shipped value) or only shown (the owner chose another). `blog` holds what the export (or a
 * command-line flag) says; a setting the blog does not state is left alone.
 */
export function compareSettings(blog: BloggerSettings, site: ImportableSettings): SettingChange[] {
  const changes: SettingChange[] = [];
  for (const key of ['title', 'description', 'language', 'timeZone'] as const) {
    const wanted = blog[key]?.trim();
    if (!wanted || wanted === site[key]) continue;
    changes.push({ key, from: site[key], to: wanted, write: site[key] === STARTER_SETTINGS[key] });
  }
  return changes;
}

const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

/**
 * src/site.config.ts with the given settings written in place of their current single-quoted
 * values (the file's own layout and comments kept). Throws when a setting cannot be found, which
 * means the file was rewritten in a shape this does not know; the caller prints the change instead.
 */
export function writeSettings(source: string, changes: readonly SettingChange[]): string {
  let result = source;
  for (const change of changes) {
    const pattern = new RegExp(`(\\n\\s*${change.key}:\\s*)'(?:[^'\\\\\\n]|\\\\.)*'`);
    if (!pattern.test(result)) throw new Error(`src/site.config.ts has no ${change.key}: '...' line to change`);
    result = result.replace(pattern, (_match, prefix: string) => `${prefix}${quote(change.to)}`);
  }
  return result;
}
