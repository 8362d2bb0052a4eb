import parseSrcset from '@prettier/parse-srcset';
import { Parser } from 'htmlparser2';
import { URL_ATTRIBUTES } from './urls.ts';

/**
 * Resolves one URL against `base` for a feed, as a browser resolves it on the page, or returns it
 * as written: an absolute URL (any scheme: https:, mailto:, data:) is never touched, and a value
 * the URL parser cannot read is left alone rather than failing the whole feed.
 */
function resolveForFeed(value: string, base: string): string {
  const written = value.trim();
  if (written === '' || /^[a-z][a-z0-9+.-]*:/i.test(written)) return value;
  // The URL parser drops tabs and newlines ("java\nscript:" would come out as "javascript:").
  if (/[\u0000-\u001F\u007F]/.test(written)) return value;
  try {
    return new URL(written, base).href;
  } catch {
    return value;
  }
}

/**
 * A srcset with each candidate's URL resolved against `base`, everything else (descriptors,
 * commas, whitespace) kept byte for byte. Candidates are found by the HTML standard's srcset
 * algorithm (@prettier/parse-srcset), so a comma inside a URL
 * (https://cdn.example.com/fit=contain,width=320/a.jpg) or a data: URI stays inside it. A srcset
 * the algorithm refuses is returned as written.
 */
export function absolutizeSrcset(value: string, base: string): string {
  let candidates: ReturnType<typeof parseSrcset>;
  try {
    candidates = parseSrcset(value);
  } catch {
    return value;
  }
  let out = '';
  let from = 0;
  for (const { source } of candidates) {
    out += value.slice(from, source.startOffset) + resolveForFeed(source.value, base);
    from = source.startOffset + source.value.length;
  }
  return out + value.slice(from);
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Rewrites relative URLs in an HTML fragment to absolute URLs against `base`, for feeds: every
 * attribute of URL_ATTRIBUTES (a href, img src and srcset, video src and poster, audio, source,
 * track, iframe, embed, object data...). Absolute URLs are untouched; a value that cannot be
 * resolved is left as written (the content check reports it for posts); nothing here throws.
 * A tokenizer pass: only the opening tags that change are written anew, everything else is kept
 * byte for byte (a feed carries every post, so a full parse and re-serialisation of each body was
 * most of the feeds' cost).
 */
export function absolutizeHtmlUrls(html: string, base: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const names = URL_ATTRIBUTES[name];
        if (!names) return;
        let changed = false;
        for (const attribute of Object.keys(names)) {
          const value = attributes[attribute];
          if (value === undefined || value === '') continue;
          const absolute = attribute === 'srcset' ? absolutizeSrcset(value, base) : resolveForFeed(value, base);
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
