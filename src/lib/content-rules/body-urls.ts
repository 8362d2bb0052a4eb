import parseSrcset from '@prettier/parse-srcset';
import { Parser } from 'htmlparser2';
import type { Image, Link, Nodes, Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { describeUrlProblem, judgeUrl, URL_ATTRIBUTES } from '../urls.ts';
import type { HtmlImage, Problem, WrittenUrl } from './types.ts';

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
 * A body as mdast, parsed by satteri (Astro's own Markdown and MDX parser, in Rust). MDX is read as
 * MDX, so links inside components count; if it does not parse, Astro's build reports the syntax
 * error, and the links are read with the import/export lines blanked instead.
 */
function parseForLinks(body: string, isMdx: boolean): Root {
  const markdown = (text: string) => markdownToMdast(text, { features: { gfm: false } }) as Root;
  if (!isMdx) return markdown(body);
  try {
    return mdxToMdast(body) as Root;
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

// A Markdown link that did not become one because its address has a space: "[text](https://exa mple.com)".
const SPACED_LINK = /\]\(([^()\s<>]+\s[^()<>]*)\)/g;

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
        if (!use || attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
        const line = attribute.position ? attribute.position.start.line + bodyLine - 1 : lineOf(node);
        const what = node.name === 'a' ? 'the link' : `the ${attribute.name} of <${node.name}>`;
        if (attribute.name !== 'srcset') others.push({ url: attribute.value, line, use, what });
        else
          others.push(...collectHtmlUrls(`<${node.name} srcset="${attribute.value.replace(/"/g, '&quot;')}">`, line));
      }
    } else if (node.type === 'text') {
      for (const match of node.value.matchAll(SPACED_LINK)) {
        const line = lineOf(node) + (node.value.slice(0, match.index).match(/\n/g)?.length ?? 0);
        others.push({ url: match[1]!, line, use: 'link', what: 'spaced' });
      }
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(parseForLinks(body, isMdx));
  if (!isMdx) others.push(...collectBareAddresses(body, bodyLine, others, links));
  return { links, others, htmlImages };
}

/**
 * Addresses written bare in Markdown text, which the site's Markdown (GFM) turns into links on its
 * own: "https://exa mple.com" becomes a link to "https://exa". Only those the site would publish
 * broken are kept; one already reported as a link broken by a space (same line) is not repeated.
 */
function collectBareAddresses(
  body: string,
  bodyLine: number,
  known: readonly WrittenUrl[],
  links: readonly { node: Link | Image; line: number }[],
): WrittenUrl[] {
  if (!/https?:\/\/|www\./i.test(body)) return [];
  const spacedLines = new Set(known.filter((other) => other.what === 'spaced').map((other) => other.line));
  // Autolinks in angle brackets (<https://...>) are links without GFM too, and checked as links.
  const linked = new Set(links.map(({ node, line }) => `${line} ${node.url}`));
  const found: WrittenUrl[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'link' && node.children.length === 1 && node.children[0]!.type === 'text') {
      const text = node.children[0]!.value;
      const line = (node.position?.start.line ?? 1) + bodyLine - 1;
      const isBare = node.url === text || node.url === `http://${text}` || node.url === `mailto:${text}`;
      // "www." in a sentence is no address: the page shows it as text (src/integrations/markdown-bare-www.ts).
      if (/^www$/i.test(text)) return;
      if (isBare && !spacedLines.has(line) && !linked.has(`${line} ${node.url}`) && !judgeUrl(node.url, 'link').ok) {
        found.push({ url: node.url, line, use: 'link', what: 'the address written in the text' });
      }
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(markdownToMdast(body, { features: { gfm: true } }) as Root);
  return found;
}

/** Problems with the URLs of `collectLinks(...).others`, as errors or, in a draft, as notices. */
export function otherUrlProblems(
  file: string,
  others: readonly WrittenUrl[],
  severity: Problem['severity'],
): Problem[] {
  const problems: Problem[] = [];
  for (const { url, line, use, what, message } of others) {
    if (message) {
      problems.push({ file, line, message, severity });
      continue;
    }
    if (what === 'spaced') {
      const joined = url.replace(/\s+/g, '');
      problems.push({
        file,
        line,
        message: `"${url}" is not a link: Markdown ends an address at a space, so the page shows the brackets as text; remove the space${judgeUrl(joined).ok ? ` (${joined})` : ''}, or write the address between < and > if the space belongs in it`,
        severity,
      });
      continue;
    }
    const verdict = judgeUrl(url, use);
    if (!verdict.ok) problems.push({ file, line, message: describeUrlProblem(what, url, verdict), severity });
  }
  return problems;
}
