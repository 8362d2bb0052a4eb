import Callout from './Callout.astro';
import Figure from './Figure.astro';
import ReviewSummary from './ReviewSummary.astro';
import Video from './Video.astro';

/** The components an editor can use in any .mdx post without importing them (see README). */
export const MDX_COMPONENTS = { Callout, Figure, ReviewSummary, Video };
