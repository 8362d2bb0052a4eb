import parseSrcset from '@prettier/parse-srcset';
import { Parser } from 'htmlparser2';
import type { Image, Link, Nodes, Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { cutAutolink } from '../autolinks.ts';
import { describeUrlProblem, judgeUrl, URL_ATTRIBUTES } from '../urls.ts';
import type { HtmlImage, Problem, WrittenUrl } from './types.ts';
import { attributeValue } from './mdx-components.ts';

/** The folder part of a repository path, with its trailing slash ("content/posts/a/"). */
export function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** `relative` resolved against the folder `dir` (".." and "." followed), without a leading slash. */
export function joinPath(dir: string, relative: string): string {
  const parts = `${dir}${relative}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/**
 * A body as mdast, parsed by satteri (Astro's own Markdown and MDX parser, in Rust), with the text
 * it parsed (node offsets point into it). MDX is read as MDX, so links inside components count; if
 * it does not parse, Astro's build reports the syntax error, and the links are read with the
 * import/export lines blanked instead.
 */
function parseForLinks(body: string, isMdx: boolean): { tree: Root; text: string } {
  const markdown = (text: string) => ({ tree: markdownToMdast(text, { features: { gfm: false } }) as Root, text });
  if (!isMdx) return markdown(body);
  try {
    return { tree: mdxToMdast(body) as Root, text: body };
  } catch {
    return markdown(body.replace(/^(?:import|export)\s.*$/gm, ''));
  }
}

/**
 * The URLs in the opening tags of an HTML fragment (raw HTML in Markdown): every attribute of
 * URL_ATTRIBUTES, each srcset candidate on its own (read by the HTML standard's algorithm), with
 * the line each tag starts on. Entities are decoded first, as the browser does.
 */
function collectHtmlUrls(html: string, firstLine: number, images?: HtmlImage[]): WrittenUrl[] {
  const found: WrittenUrl[] = [];
  /** Inside a video player's link (see videoFacade), whose text names the video its poster shows. */
  let inPlayer = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const line = firstLine + (html.slice(0, parser.startIndex).match(/\n/g)?.length ?? 0);
        if (name === 'a' && attributes['data-video-embed'] !== undefined) inPlayer = true;
        if (name === 'img' && images && attributes.src?.trim()) {
          images.push({ src: attributes.src.trim(), alt: attributes.alt, line, ...(inPlayer ? { poster: true } : {}) });
        }
        for (const [attribute, use] of Object.entries(URL_ATTRIBUTES[name] ?? {})) {
          const value = attributes[attribute];
          if (value === undefined) continue;
          const what = `the ${attribute} of <${name}>`;
          if (attribute !== 'srcset') {
            found.push({ url: value, line, use, what: name === 'a' ? 'the link' : what });
            continue;
          }
          try {
            for (const { source } of parseSrcset(value)) found.push({ url: source.value, line, use, what });
          } catch (error) {
            const reason = (error as Error).message.replace(/\.$/, '');
            found.push({
              url: value,
              line,
              use,
              what,
              message: `${what} "${value}" is not a valid srcset (${reason}); write each image as its address and one width or density, e.g. "small.jpg 320w, large.jpg 640w"`,
            });
          }
        }
      },
      onclosetag(name) {
        if (name === 'a') inPlayer = false;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** What an address in a link starts with: a scheme, "www.", a path, a fragment. "(page 3)" is none. */
const ADDRESS_START = String.raw`(?:[a-z][a-z0-9+.-]*:|www\.|\.{0,2}/|#)`;
// "[text] (address)": a space between the brackets.
const SPACE_BETWEEN = new RegExp(String.raw`\[([^\[\]\n]+)\][ \t]+\((${ADDRESS_START}[^()\s]*)\)`, 'giu');
// "(text)[address]": the brackets the wrong way round.
const SWAPPED = new RegExp(String.raw`\(([^()\n]+)\)\[(${ADDRESS_START}[^\[\]\s]*)\]`, 'giu');
// "［text］（address）", "【text】(address)"...: at least one full-width bracket, which Markdown does not read.
const FULL_WIDTH = new RegExp(
  String.raw`[\[［【]([^\]］】\n]+)[\]］】][ \t]*[(（][ \t]*(${ADDRESS_START}[^()（）\s]*)[ \t]*[)）]`,
  'giu',
);
// "<https://exa mple.com>": an autolink with a space, which CommonMark does not read as one.
const SPACED_AUTOLINK = /<((?:[a-z][a-z0-9+.-]*:|www\.)[^\s<>]*[ \t\u00A0\u3000][^<>\n]*)>/giu;
// "[text][label]" whose label nothing defines ("a[i][j]" is no link: a word character before it).
const UNDEFINED_REFERENCE = /(?<![\w\]])\[([^[\]\n]+)\]\[([^[\]^\n][^[\]\n]*)?\]/gu;

/**
 * The link after "](" in text that Markdown left unread: where the address stops (at a space or the
 * end of the text) and how many ")" it still needs for its own "(" and those inside it to close.
 * Undefined when the address closes: then something else kept it from being a link.
 */
function readUnclosedAddress(text: string, from: number): { end: number; missing: number } | undefined {
  let depth = 0;
  let end = from;
  for (; end < text.length && !/\s/u.test(text[end]!); end++) {
    if (text[end] === '(') depth++;
    else if (text[end] === ')' && depth-- === 0) return undefined;
  }
  return { end, missing: depth + 1 };
}

/**
 * Links that Markdown shows as text, in the source of a text node (escaped characters such as "\["
 * do not count): `[a](https://exa mple.com)` (a space), `[a](https://x.org/Massage_(therapy)` (a
 * bracket without its pair), `[a] (https://…)`, `(a)[https://…]`, full-width `［a］（https://…）`,
 * `<https://exa mple.com>` (a space in an autolink), and `[a][label]` with no "[label]: address" line. Each comes with a message that says how to write it;
 * `maybeText` marks the two that people also write as plain text (a space between, full-width).
 * Rule: CommonMark 0.31, "Links" (an address without "<>" has balanced brackets and no spaces),
 * "Autolinks" (no spaces, "<" or ">" between the brackets) and "Link reference definitions"; `defined` holds the normalized labels of the body's definitions.
 */
export function findUnreadLinks(
  source: string,
  defined: ReadonlySet<string>,
): { index: number; written: string; message: string; maybeText?: boolean }[] {
  // Escaped characters are masked, so "\[not a link\](a b)" is left alone; lengths stay the same.
  const text = source.replace(/\\[\s\S]/gu, '\0\0');
  const found: { index: number; written: string; message: string; maybeText?: boolean }[] = [];
  const notLink = (written: string) => `"${written}" is not ${written.startsWith('!') ? 'an image' : 'a link'}`;
  for (const match of text.matchAll(/!?\[[^[\]\n]*\]\([ \t]*/gu)) {
    const start = match.index + match[0].length;
    const spaced = /^([^()\s<>]+\s[^()<>]*)\)/u.exec(text.slice(start));
    if (spaced) {
      const url = source.slice(start, start + spaced[1]!.length);
      const joined = url.replace(/\s+/gu, '');
      found.push({
        index: match.index,
        written: url,
        message: `"${url}" is not a link: Markdown ends an address at a space, so the page shows the brackets as text; remove the space${judgeUrl(joined).ok ? ` (${joined})` : ''}, or write the address between < and > if the space belongs in it`,
      });
      continue;
    }
    if (text[start] === '<') {
      if (/^<[^<>\n]*>\)/u.test(text.slice(start))) continue;
      const written = source.slice(match.index, start + (/^<\S*/u.exec(text.slice(start))?.[0].length ?? 1));
      found.push({
        index: match.index,
        written,
        message: `${notLink(written)}: an address that starts with "<" ends with ">)", so the page shows the brackets as text; write [text](<address>)`,
      });
      continue;
    }
    const unclosed = readUnclosedAddress(text, start);
    if (!unclosed) continue;
    const written = source.slice(match.index, unclosed.end);
    const opening = source.slice(match.index, start).trimEnd();
    // "[a](https://example.com/a\\)": the "\\" makes the ")" part of the address, so the link never ends.
    const escaped = /^[^\s()]*?\\\)/u.exec(source.slice(start, unclosed.end));
    if (escaped) {
      const meant = escaped[0].slice(0, -2);
      found.push({
        index: match.index,
        written,
        message: `${notLink(written)}: the "\\" before ")" makes Markdown read the ")" as part of the address, so the link never ends and the page shows the brackets as text; remove the "\\": write ${opening}${meant})`,
      });
      continue;
    }
    const address = source.slice(start, unclosed.end).replace(/[.,;:!?]+$/u, '');
    const inner = /[()]/u.test(address);
    const fix = address
      ? `write ${opening}${address}${')'.repeat(unclosed.missing)}${inner ? ', or write a bracket of the address as %28 or %29' : ''}`
      : `write the address and a ")" after the "(": ${opening}https://…)`;
    found.push({
      index: match.index,
      written,
      message: `${notLink(written)}: the "(" after "]" has no matching ")"${inner ? ' (brackets inside an address must pair up)' : ''}, so the page shows the brackets as text; ${fix}`,
    });
  }
  // maybeText: brackets that people also write as plain text, as citations or labels.
  const add = (pattern: RegExp, explain: (match: RegExpMatchArray) => string | undefined, maybeText = false) => {
    for (const match of text.matchAll(pattern)) {
      const why = explain(match);
      if (why === undefined || found.some((other) => other.index === match.index)) continue;
      const written = source.slice(match.index, match.index + match[0].length);
      const asText = maybeText ? ' (if the brackets are meant as text, leave it as it is)' : '';
      found.push({ index: match.index, written, message: `${notLink(written)}: ${why}${asText}`, maybeText });
    }
  };
  const write = (match: RegExpMatchArray) => `; write [${match[1]!.trim()}](${match[2]})`;
  add(
    SPACE_BETWEEN,
    (match) =>
      `Markdown reads a link only with nothing between "]" and "(", so the page shows the brackets as text${write(match)}`,
    true,
  );
  add(
    SWAPPED,
    (match) => `the text goes in [ ] and the address in ( ), so the page shows the brackets as text${write(match)}`,
  );
  add(
    FULL_WIDTH,
    (match) =>
      `Markdown reads only the plain brackets [ ] ( ), not the full-width ones (［ ］ 【 】 （ ）) a Chinese or Japanese keyboard types, so the page shows them as text${write(match)}`,
    true,
  );
  add(SPACED_AUTOLINK, (match) => {
    const inside = match[1]!.trim();
    // A space in the site's name is a slip (removed); one in the path is most likely meant (%20).
    const [, scheme = '', host = '', path = ''] = /^((?:[a-z][a-z0-9+.-]*:(?:\/\/)?)?)([^/?#]*)(.*)$/isu.exec(inside)!;
    const fixed = `${scheme || 'https://'}${host.replace(/\s+/gu, '')}${path.replace(/\s/gu, '%20')}`;
    const inHost = /\s/u.test(host);
    const inPath = /\s/u.test(path);
    const why = 'an address between < and > cannot have a space in it, so the page shows it as text, brackets and all';
    if (!judgeUrl(fixed).ok) return `${why}; remove the space, or write [text](<address>)`;
    if (!scheme) return `${why}; write <${fixed}> (without the space, and with https:// in front)`;
    if (inHost && inPath)
      return `${why}; write <${fixed}> (no space in the site's name, and %20 for a space in the rest)`;
    if (inHost) return `${why}; remove the space: <${fixed}>`;
    return `${why}; write the space as %20: <${fixed}>, or write [text](<${inside}>)`;
  });
  add(UNDEFINED_REFERENCE, (match) => {
    const label = (match[2] || match[1]!).trim();
    if (defined.has(normalizeLabel(label))) return undefined;
    return `no line of the post defines "[${label}]", so the page shows the brackets as text; add a line "[${label}]: https://…" after the paragraph, or write [${match[1]!.trim()}](address)`;
  });
  return found.sort((a, b) => a.index - b.index);
}

/** A link label as CommonMark matches it: case folded, inner white space collapsed, trimmed. */
function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** `what` of a WrittenUrl that is text meant as a link (see findUnreadLinks); its message says why. */
const UNREAD = 'unread';

/**
 * Every link, image and other URL in a Markdown or MDX body, with its line in the file: links and
 * images (for the checks of their own), and the URLs of link definitions, raw HTML tags, HTML
 * elements written in MDX, and text that was meant as a link but is not one.
 */
export function collectLinks(body: string, bodyLine: number, isMdx: boolean) {
  const links: { node: Link | Image; line: number }[] = [];
  const others: WrittenUrl[] = [];
  const htmlImages: HtmlImage[] = [];
  const lineOf = (node: Nodes) => (node.position?.start.line ?? 1) + bodyLine - 1;
  const walk = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'image') links.push({ node, line: lineOf(node) });
    else if (node.type === 'definition')
      others.push({ url: node.url, line: lineOf(node), use: 'link', what: 'the link' });
    else if (node.type === 'html') others.push(...collectHtmlUrls(node.value, lineOf(node), htmlImages));
    else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      for (const attribute of node.attributes) {
        const use = URL_ATTRIBUTES[node.name]?.[attribute.type === 'mdxJsxAttribute' ? attribute.name : ''];
        if (!use || attribute.type !== 'mdxJsxAttribute') continue;
        // href="…", or a literal the page will hold as it is: href={"…"}, href={'…'}, href={`…`}.
        const value = attributeValue(attribute.value);
        if (typeof value !== 'string') continue;
        const line = attribute.position ? attribute.position.start.line + bodyLine - 1 : lineOf(node);
        const what = node.name === 'a' ? 'the link' : `the ${attribute.name} of <${node.name}>`;
        if (attribute.name !== 'srcset') others.push({ url: value, line, use, what });
        else others.push(...collectHtmlUrls(`<${node.name} srcset="${value.replace(/"/g, '&quot;')}">`, line));
      }
    } else if (node.type === 'text') {
      // The text as written (escapes kept), or as read when the parser gave no offsets.
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const source = start !== undefined && end !== undefined ? parsed.text.slice(start, end) : node.value;
      for (const { index, written, message, maybeText } of findUnreadLinks(source, defined)) {
        const line = lineOf(node) + (source.slice(0, index).match(/\n/g)?.length ?? 0);
        others.push({ url: written, line, use: 'link', what: UNREAD, message, ...(maybeText ? { maybeText } : {}) });
      }
    }
    if ('children' in node) node.children.forEach(walk);
  };
  const parsed = parseForLinks(body, isMdx);
  const defined = new Set<string>();
  const define = (node: Nodes) => {
    if (node.type === 'definition') defined.add(normalizeLabel(node.label ?? node.identifier));
    if ('children' in node) node.children.forEach(define);
  };
  define(parsed.tree);
  walk(parsed.tree);
  if (!isMdx) others.push(...collectBareAddresses(body, bodyLine, others, links));
  return { links, others, htmlImages };
}

/**
 * Addresses written bare in Markdown text, which the site's Markdown (GFM) turns into links on its
 * own: "https://exa mple.com" becomes a link to "https://exa". Only those the site would publish
 * broken are kept; one already reported as a link Markdown left unread (same line) is not repeated.
 */
function collectBareAddresses(
  body: string,
  bodyLine: number,
  known: readonly WrittenUrl[],
  links: readonly { node: Link | Image; line: number }[],
): WrittenUrl[] {
  if (!/https?:\/\/|www\./i.test(body)) return [];
  const spacedLines = new Set(known.filter((other) => other.what === UNREAD).map((other) => other.line));
  // Autolinks in angle brackets (<https://...>) are links without GFM too, and checked as links.
  const linked = new Set(links.map(({ node, line }) => `${line} ${node.url}`));
  const found: WrittenUrl[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'link' && node.children.length === 1 && node.children[0]!.type === 'text') {
      const text = node.children[0]!.value;
      const line = (node.position?.start.line ?? 1) + bodyLine - 1;
      const isBare = node.url === text || node.url === `http://${text}` || node.url === `mailto:${text}`;
      // "www." in a sentence is no address: the page shows it as text (src/integrations/markdown-autolinks.ts).
      if (/^www$/i.test(text)) return;
      // The address the page links: it ends before a curly quote or a Chinese full stop (lib/autolinks.ts).
      const url = cutAutolink(node.url, text)?.href ?? node.url;
      if (isBare && !spacedLines.has(line) && !linked.has(`${line} ${node.url}`) && !judgeUrl(url, 'link').ok) {
        found.push({ url, line, use: 'link', what: 'the address written in the text' });
      }
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(markdownToMdast(body, { features: { gfm: true } }) as Root);
  return found;
}

/**
 * Problems with the URLs of `collectLinks(...).others`, as errors or, in a draft, as notices; text
 * that may be meant as it stands (`maybeText`) is always a notice.
 */
export function otherUrlProblems(
  file: string,
  others: readonly WrittenUrl[],
  severity: Problem['severity'],
): Problem[] {
  const problems: Problem[] = [];
  for (const { url, line, use, what, message, maybeText } of others) {
    if (message) {
      problems.push({ file, line, message, severity: maybeText ? 'notice' : severity });
      continue;
    }
    const verdict = judgeUrl(url, use);
    if (!verdict.ok) problems.push({ file, line, message: describeUrlProblem(what, url, verdict), severity });
  }
  return problems;
}
