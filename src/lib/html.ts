import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  img: ['src', 'srcSet'],
  source: ['src', 'srcSet'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
};

function absolutizeSrcsetCandidate(candidate: string, base: string): string {
  const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
  return [new URL(url, base).href, ...descriptor].join(' ');
}

/** Rewrites relative links and image sources in an HTML fragment to absolute URLs against `base`. */
export function absolutizeHtmlUrls(html: string, base: string): string {
  return String(
    unified()
      .use(rehypeParse, { fragment: true })
      .use(() => (tree: Root) => {
        visit(tree, 'element', (node: Element) => {
          for (const attribute of URL_ATTRIBUTES[node.tagName] ?? []) {
            const value = node.properties[attribute];
            if (attribute === 'srcSet' && (typeof value === 'string' || Array.isArray(value))) {
              const candidates = Array.isArray(value) ? value.map(String) : value.split(',');
              node.properties[attribute] = candidates
                .map((candidate) => absolutizeSrcsetCandidate(candidate, base))
                .join(', ');
            } else if (typeof value === 'string' && value !== '') {
              node.properties[attribute] = new URL(value, base).href;
            }
          }
        });
      })
      .use(rehypeStringify)
      .processSync(html),
  );
}
