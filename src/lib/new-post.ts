import { slugify } from './slugs.ts';

export type PostKind = 'article' | 'review';

export interface NewPostOptions {
  title: string;
  kind: PostKind;
  /** Today's date in the site's time zone, as YYYY-MM-DD. */
  today: string;
  author: string;
  description?: string | undefined;
  tags?: string[] | undefined;
}

/** A YAML string that survives any title: quotes, colons, emoji, right-to-left text. */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** The slug a new post gets from its title: ASCII letters and digits joined by hyphens. */
export function slugFromTitle(title: string): string {
  const ascii = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return slugify(ascii)
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');
}

/**
 * The text of a new post: every field filled in or shown commented out with an example, as a
 * draft dated today. A placeholder description ("TODO: ...") fails the build once draft is false.
 */
export function renderNewPost({ title, kind, today, author, description, tags = [] }: NewPostOptions): string {
  const lines = [
    '---',
    `title: ${yamlString(title)}`,
    `description: ${yamlString(description?.trim() || 'TODO: one or two sentences that sum up the post for lists, search engines and feeds.')}`,
    `pubDate: ${today}`,
    '# updatedDate: 2030-01-31      # add when you revise the post after publishing',
    'draft: true                    # change to false to publish; a future pubDate schedules it',
    `tags: [${tags.map((tag) => yamlString(tag.trim())).join(', ')}]${tags.length ? '' : '                       # e.g. [reflexology, stress]'}`,
    `author: ${author}              # a file in content/authors/, without .yaml`,
    `kind: ${kind}`,
  ];
  if (kind === 'review') {
    lines.push(
      'review:',
      '  subject: "TODO: the therapist or business"',
      '  area: "TODO: the neighbourhood"',
      '  city: London',
      '  services: [Massage]          # e.g. [Mobile massage, Deep tissue massage]',
      '  rating: 3                    # a whole number from 1 to 5',
      `  visitDate: ${today}`,
    );
  } else {
    lines.push('# health: false                # articles show the health disclaimer; false hides it');
  }
  lines.push(
    '# hero:                        # an image at the top, stored in this folder',
    '#   image: ./hero.jpg',
    '#   alt: Describe what the image shows, for readers who cannot see it',
    'sources: []',
    '# sources:                     # the pages this post relies on',
    '#   - title: Title of the page',
    '#     publisher: Who published it',
    '#     url: https://example.org/the-page',
    '---',
    '',
    'Write the post here, in Markdown. Start each section with ## (the title above is the only # heading).',
    '',
  );
  return lines.join('\n');
}
