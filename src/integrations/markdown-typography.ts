/**
 * Typography per entry: Markdown is rendered with smart punctuation (straight quotes curled, "..."
 * as one ellipsis character) unless the entry's frontmatter says `typography: false`, in which case
 * every character stays as typed. The Blogger importer writes that line, because an imported post
 * must keep the characters its author wrote (issue 19: "imported text keeps the characters its
 * author wrote"); an editor may write it in any post or page.
 *
 * Why a second renderer: satteri's smart punctuation is a parser feature set once per processor
 * (`features.smartPunctuation`), and Astro creates one renderer for all Markdown. Astro hands each
 * entry's parsed frontmatter to `render` (astro/dist/content/content-layer.js and
 * vite-plugin-markdown), so the choice is made there.
 */
import { satteri } from '@astrojs/markdown-satteri';

type SatteriProcessor = ReturnType<typeof satteri>;

/** Whether an entry's frontmatter (as Astro passes it to the renderer) turns typography off. */
export function wantsPlainPunctuation(frontmatter: unknown): boolean {
  return (
    typeof frontmatter === 'object' &&
    frontmatter !== null &&
    (frontmatter as { typography?: unknown }).typography === false
  );
}

/**
 * The processor, its Markdown and MDX renderers changed so that entries marked `typography: false`
 * are rendered with smart punctuation off. The other renderer is a satteri processor made, when
 * Astro asks for a renderer, from this one's options at that moment (plugins that integrations
 * added included) with only `features.smartPunctuation` set to false. Returns the same object, so
 * Astro and the other wrappers still see satteri and its options. Errors from either renderer are
 * passed on as they are.
 */
export function withTypographyChoice(processor: SatteriProcessor): SatteriProcessor {
  const plainCopy = (): SatteriProcessor =>
    satteri({ ...processor.options, features: { ...processor.options.features, smartPunctuation: false } });
  const createRenderer = processor.createRenderer.bind(processor);
  processor.createRenderer = async (shared) => {
    const [smart, plain] = await Promise.all([createRenderer(shared), plainCopy().createRenderer(shared)]);
    return {
      ...smart,
      render: (content, options) =>
        (wantsPlainPunctuation(options?.frontmatter) ? plain : smart).render(content, options),
    };
  };
  const createMdxRenderer = processor.createMdxRenderer?.bind(processor);
  if (!createMdxRenderer) return processor;
  processor.createMdxRenderer = async (shared, mdx) => {
    const [smart, plain] = await Promise.all([
      createMdxRenderer(shared, mdx),
      plainCopy().createMdxRenderer!(shared, mdx),
    ]);
    return {
      ...smart,
      process: (content, filePath, frontmatter) =>
        (wantsPlainPunctuation(frontmatter) ? plain : smart).process(content, filePath, frontmatter),
    };
  };
  return processor;
}
