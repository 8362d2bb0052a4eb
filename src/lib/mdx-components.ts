import { reviewDetailsSchema, type ReviewDetails } from './schemas/review.ts';
import { closestByEdits, isOneSwapAway } from './nearest.ts';

/**
 * The props of the MDX components an editor may use without importing them (src/components/mdx/),
 * and the rules on their values: stated once here, called by each component when it renders and
 * by the content check (rule mdx-components) before the build.
 */

/** One problem with one prop: `prop` is the prop's name, `message` says what is wrong and the fix. */
export interface PropProblem {
  prop: string;
  message: string;
}

/** The kinds of callout, in the order a message lists them. */
export const CALLOUT_TYPES = ['tip', 'note', 'caution'] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];

/** Words editors write for a callout kind, and the kind they mean. */
const CALLOUT_SYNONYMS: Record<string, CalloutType> = {
  warning: 'caution',
  warn: 'caution',
  danger: 'caution',
  alert: 'caution',
  important: 'caution',
  info: 'note',
  information: 'note',
  hint: 'tip',
  advice: 'tip',
};

/** Each component's props (a prop not listed is a mistake, e.g. `tyep`). */
export const MDX_COMPONENT_PROPS = {
  Callout: ['type', 'title'],
  Figure: ['caption'],
  ReviewSummary: ['subject', 'area', 'city', 'services', 'rating', 'visitDate'],
  Video: ['id'],
} as const satisfies Record<string, readonly string[]>;

export type MdxComponentName = keyof typeof MDX_COMPONENT_PROPS;

/** Whether `name` is one of the MDX components. */
export function isMdxComponent(name: string): name is MdxComponentName {
  return Object.hasOwn(MDX_COMPONENT_PROPS, name);
}

/** A value as an editor wrote it, for a message: strings in quotes, the rest as JSON. */
function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/**
 * The problems of `<Callout type title>`: `type` (default note) must be tip, note or caution; a
 * title, when given, is text. A known synonym ("warning") is fixed to its kind, others to note.
 */
export function calloutProblems(props: { type?: unknown; title?: unknown }): PropProblem[] {
  const problems: PropProblem[] = [];
  const { type, title } = props;
  if (type !== undefined && !(CALLOUT_TYPES as readonly unknown[]).includes(type)) {
    const lower = typeof type === 'string' ? type.trim().toLowerCase() : '';
    const meant = (CALLOUT_TYPES as readonly string[]).includes(lower) ? lower : (CALLOUT_SYNONYMS[lower] ?? 'note');
    problems.push({
      prop: 'type',
      message: `${shown(type)} is not one of ${CALLOUT_TYPES.join(', ')}; write type="${meant}"`,
    });
  }
  if (title !== undefined && typeof title !== 'string') {
    problems.push({ prop: 'title', message: `the title is text; write title="..." in quotes` });
  }
  return problems;
}

/** The problems of `<Figure caption>`: a figure needs a caption with some text. */
export function figureProblems(props: { caption?: unknown }): PropProblem[] {
  const { caption } = props;
  if (typeof caption === 'string' && caption.trim()) return [];
  return [
    {
      prop: 'caption',
      message:
        caption === undefined
          ? 'a figure needs a caption; write <Figure caption="What the picture shows.">, or use plain Markdown for an image without one'
          : 'the caption is empty; write what the picture shows in caption="...", or use plain Markdown for an image without one',
    },
  ];
}

/**
 * `<ReviewSummary>`'s props read by the review block's schema (reviewDetailsSchema, the same as a
 * review post's `review:` field); `services` may also be one comma-separated string. Either the
 * review details, or the problems by prop (the schema's messages, e.g. "the rating must be from 1 to 5").
 */
export function readReviewSummary(
  props: Record<string, unknown>,
  timeZone: string,
): { review: ReviewDetails; problems: [] } | { review?: undefined; problems: PropProblem[] } {
  const { services, ...rest } = props;
  const result = reviewDetailsSchema(timeZone).safeParse({
    ...rest,
    services: typeof services === 'string' ? services.split(',').map((service) => service.trim()) : services,
  });
  if (result.success) return { review: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => {
    const prop = String(issue.path[0] ?? '');
    const missing = issue.code === 'invalid_type' && props[prop] === undefined;
    return {
      prop,
      message: missing ? `missing; write ${prop}="..."` : issue.message,
    };
  });
  return { problems };
}

/**
 * The problems of `<Video id>`: an id is required and, when `videoIds` (file names in
 * content/videos/ without .yaml) is given, must be one of them; a near id is suggested.
 */
export function videoProblems(props: { id?: unknown }, videoIds?: readonly string[]): PropProblem[] {
  const { id } = props;
  const known = videoIds?.length ? `; the videos are ${videoIds.join(', ')}` : '';
  if (typeof id !== 'string' || !id.trim()) {
    return [{ prop: 'id', message: `a video needs the id of a file in content/videos/; write id="..."${known}` }];
  }
  if (!videoIds || videoIds.includes(id)) return [];
  const near = closestByEdits(id, videoIds);
  const fix =
    near && near.edits <= Math.max(2, Math.floor(id.length / 4))
      ? `write id="${near.candidate}"`
      : videoIds.length
        ? `use one of ${videoIds.map((video) => `"${video}"`).join(', ')}, or add content/videos/${id}.yaml`
        : `add content/videos/${id}.yaml`;
  return [{ prop: 'id', message: `there is no video "${id}" (no content/videos/${id}.yaml); ${fix}` }];
}

/** The name among `candidates` that `written` most likely means (a slip or a shared start), if any. */
export function suggestName(written: string, candidates: readonly string[]): string | undefined {
  const lower = written.toLowerCase();
  const near = closestByEdits(
    lower,
    candidates.map((candidate) => candidate.toLowerCase()),
  );
  const byEdits =
    near && near.edits <= Math.max(1, Math.floor(written.length / 3))
      ? candidates[candidates.findIndex((candidate) => candidate.toLowerCase() === near.candidate)]
      : undefined;
  if (byEdits) return byEdits;
  const swapped = candidates.find((candidate) => isOneSwapAway(lower, candidate.toLowerCase()));
  if (swapped) return swapped;
  // "ReviewBox" for ReviewSummary: the same first word (at least 5 letters in common at the start).
  return candidates.find((candidate) => {
    let same = 0;
    while (same < Math.min(lower.length, candidate.length) && lower[same] === candidate.toLowerCase()[same]) same++;
    return same >= 5;
  });
}
