import type { Nodes, Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import {
  MDX_COMPONENT_PROPS,
  calloutProblems,
  figureProblems,
  isMdxComponent,
  readReviewSummary,
  suggestName,
  videoProblems,
  type PropProblem,
} from '../mdx-components.ts';
import type { ContentRule, Problem } from './types.ts';

/** A JSX element written in MDX (mdast's types as remark-mdx extends them). */
type MdxJsxFlowElement = Extract<Nodes, { type: 'mdxJsxFlowElement' }>;
type MdxJsxTextElement = Extract<Nodes, { type: 'mdxJsxTextElement' }>;

/** A prop value the check cannot know before the page renders (`rating={someVar}`): left to the component. */
const UNKNOWN = Symbol('unknown');

/**
 * The value of a JSX attribute as written: a quoted string, `true` for a bare prop, or a JSON-like
 * literal between braces (`{5}`, `{"a"}`, `{'a'}`, `` {`a`} `` without `${`, `{["a", "b"]}`);
 * anything else is UNKNOWN.
 */
export function attributeValue(value: MdxJsxFlowElement['attributes'][number]['value']): unknown {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value;
  const source = value.value.trim();
  const single = /^'((?:[^'\\\n]|\\.)*)'$/su.exec(source) ?? /^`((?:[^`\\$]|\\.)*)`$/su.exec(source);
  if (single) return single[1]!.replace(/\\(.)/gsu, '$1');
  try {
    return JSON.parse(source) as unknown;
  } catch {
    return UNKNOWN;
  }
}

/** Every JSX element of a tree, with its start line (elements inside others included). */
function jsxElements(tree: Root): { node: MdxJsxFlowElement | MdxJsxTextElement; line: number }[] {
  const found: { node: MdxJsxFlowElement | MdxJsxTextElement; line: number }[] = [];
  const walk = (node: Nodes) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      found.push({ node, line: node.position?.start.line ?? 0 });
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return found;
}

/**
 * The problems of the MDX components in one .mdx file (its whole text, frontmatter included, so
 * lines are the file's): names that look like ours but are not (`<Callot>`), unknown props
 * (`tyep`), and values the component would refuse (the rules of src/lib/mdx-components.ts). Props
 * written as expressions the check cannot evaluate, and spread props, are left to the component.
 * A file that is not valid MDX gives none: Astro's build names its syntax error.
 */
export function findComponentProblems(
  file: string,
  text: string,
  { timeZone, videoIds }: { timeZone: string; videoIds?: readonly string[] | undefined },
): Problem[] {
  let tree: Root;
  try {
    tree = mdxToMdast(text) as Root;
  } catch {
    return [];
  }
  const imported = new Set(
    [...text.matchAll(/^import\s+(?:\{([^}]*)\}|(\w+))/gmu)].flatMap((match) =>
      (match[2] ?? match[1] ?? '').split(',').map((name) => name.replace(/^.*\bas\s+/u, '').trim()),
    ),
  );
  const names = Object.keys(MDX_COMPONENT_PROPS);
  const problems: Problem[] = [];
  for (const { node, line } of jsxElements(tree)) {
    const name = node.name!;
    const problem = (field: string, message: string) =>
      problems.push({ file, line, field, message, severity: 'error' });
    if (!isMdxComponent(name)) {
      if (!/^[A-Z]/u.test(name) || imported.has(name)) continue;
      const meant = suggestName(name, names);
      if (meant) {
        problem(
          `<${name}>`,
          `there is no component ${name}; write <${meant}> (the components are ${names.join(', ')})`,
        );
      }
      continue;
    }
    const allowed: readonly string[] = MDX_COMPONENT_PROPS[name];
    const props: Record<string, unknown> = {};
    let spread = false;
    for (const attribute of node.attributes) {
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        spread = true;
        continue;
      }
      if (!allowed.includes(attribute.name)) {
        const meant = suggestName(attribute.name, allowed);
        problem(
          `<${name} ${attribute.name}>`,
          `${name} has no prop "${attribute.name}"; ${meant ? `write ${meant}=` : `its props are ${allowed.join(', ')}`}`,
        );
        continue;
      }
      props[attribute.name] = attributeValue(attribute.value);
    }
    const unknown = Object.keys(props).filter((prop) => props[prop] === UNKNOWN);
    for (const prop of unknown) delete props[prop];
    // What the check cannot see (an expression, a spread) may supply a missing prop: not reported.
    const seen = (found: PropProblem) => !unknown.includes(found.prop) && !(spread && props[found.prop] === undefined);
    const found: PropProblem[] =
      name === 'Callout'
        ? calloutProblems(props)
        : name === 'Figure'
          ? figureProblems(props)
          : name === 'Video'
            ? videoProblems(props, videoIds)
            : readReviewSummary(props, timeZone).problems;
    for (const { prop, message } of found.filter(seen)) problem(`<${name} ${prop}>`, message);
  }
  return problems;
}

/** The MDX components of a .mdx post are written as they take them, before the build renders them. */
export const mdxComponents: ContentRule = {
  name: 'mdx-components',
  checks: 'the components of an .mdx post (Callout, Figure, ReviewSummary, Video) have the props they take',
  scope: 'post',
  check(post, { input }) {
    if (!/\.mdx$/iu.test(post.file.path)) return [];
    const videoIds = input.videos?.map((video) => video.entry.replace(/\.ya?ml$/iu, ''));
    return findComponentProblems(post.file.path, post.file.text, { timeZone: input.timeZone, videoIds });
  },
};
