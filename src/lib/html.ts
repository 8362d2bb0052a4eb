import { Parser } from 'htmlparser2';

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
};

function absolutizeSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      return [new URL(url, base).href, ...descriptor].join(' ');
    })
    .join(', ');
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Rewrites relative links and image sources in an HTML fragment to absolute URLs against `base`,
 * for feeds. A tokenizer pass: only the opening tags that change are written anew, everything else
 * is kept byte for byte (a feed carries every post, so a full parse and re-serialisation of each
 * body was most of the feeds' cost).
 */
export function absolutizeHtmlUrls(html: string, base: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const names = URL_ATTRIBUTES[name];
        if (!names) return;
        let changed = false;
        for (const attribute of names) {
          const value = attributes[attribute];
          if (value === undefined || value === '') continue;
          const absolute = attribute === 'srcset' ? absolutizeSrcset(value, base) : new URL(value, base).href;
          if (absolute !== value) {
            attributes[attribute] = absolute;
            changed = true;
          }
        }
        if (!changed) return;
        const written = Object.entries(attributes)
          .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
          .join('');
        edits.push({ start: parser.startIndex, end: parser.endIndex, text: `<${name}${written}>` });
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  let out = '';
  let from = 0;
  for (const { start, end, text } of edits) {
    out += html.slice(from, start) + text;
    from = end + 1;
  }
  return out + html.slice(from);
}
