import type { ParsedFrontmatter } from '../frontmatter.ts';
import type { Image, Link } from 'mdast';
import type { UrlUse } from '../urls.ts';

/** One problem in one file: printed as "file:line: field: message". */
export interface Problem {
  file: string;
  line?: number | undefined;
  field?: string | undefined;
  message: string;
  /**
   * Errors stop the build; notices are printed and the build goes on; to-dos (images an imported
   * post still owes a description) are counted in one summary line.
   */
  severity: 'error' | 'notice' | 'todo';
}

/** A content file as read from disk: its path relative to the repository, and its text. */
export interface SourceFile {
  path: string;
  /** Path relative to its collection folder, e.g. "my-post/index.md". */
  entry: string;
  text: string;
}

/** Everything the content check reads: the files, and the facts about the site it needs. */
export interface ContentInput {
  posts: SourceFile[];
  comments: SourceFile[];
  /** The files in content/authors/, content/pages/ and content/videos/ (checked when given). */
  authors?: SourceFile[] | undefined;
  pages?: SourceFile[] | undefined;
  videos?: SourceFile[] | undefined;
  /** Ids of the files in content/authors/. */
  authorIds: string[];
  /** Ids of the files in content/pages/. */
  pageIds: string[];
  /** Files the site settings name in public/ (favicon, logo), by setting: checked to exist. */
  settingsFiles?: Record<string, string | undefined> | undefined;
  /** Slugs the site settings pin to the top of popular posts. */
  pinned: string[];
  timeZone: string;
  /** The site's language (BCP 47), which posts that name none are written in. */
  language: string;
  /** Whether a file exists, for a path relative to the repository. */
  fileExists(path: string): boolean;
  /** Site paths that are always there (/, /archive/, /rss.xml, files in public/ ...). */
  staticPaths: ReadonlySet<string>;
}

/** A post file read once for every rule: its frontmatter, its id (slug) and whether it is a draft. */
export interface CheckedPost {
  file: SourceFile;
  id: string;
  draft: boolean;
  fm: ParsedFrontmatter;
  /** Its YAML and schema problems, found while reading it (see readPost). */
  fieldProblems: Problem[];
  /** False when its frontmatter is not YAML: then only rules marked `unreadableToo` run on it. */
  readable: boolean;
  /** The links and other URLs of its body, read on first use (see collectLinks). */
  links(): { links: { node: Link | Image; line: number }[]; others: WrittenUrl[]; htmlImages: HtmlImage[] };
}

/** A comment file read once for every rule. */
export interface CheckedComment {
  file: SourceFile;
  /** The folder it is filed under: the slug of the post it belongs to. */
  postSlug: string;
  fm: ParsedFrontmatter;
  /** Its YAML and schema problems (see readComment). */
  fieldProblems: Problem[];
  /** Its replyTo when the file passed its schema, else undefined. */
  replyTo?: string | undefined;
  /** Whether the file parsed and passed its schema (the rules on its values only run then). */
  valid: boolean;
}

/** The whole content tree as the rules see it: the input, its posts and comments read once. */
export interface CheckedContent {
  input: ContentInput;
  /** The posts whose frontmatter is YAML (the others count neither as published nor as drafts). */
  posts: CheckedPost[];
  /** Every post file, in the order given, readable or not. */
  allPosts: CheckedPost[];
  comments: CheckedComment[];
  /** Ids of published posts (not drafts). */
  published: ReadonlySet<string>;
  /** Ids of drafts. */
  drafts: ReadonlySet<string>;
  /** The address slugs of every tag used in a post. */
  tagSlugs: ReadonlySet<string>;
  /** Comment ids (file names without .md) by the post folder they are filed under. */
  commentIds: ReadonlyMap<string, ReadonlySet<string>>;
}

interface RuleBase {
  /** Kebab-case, as its file name: "pinned-posts". */
  name: string;
  /** One sentence: what it checks, for the list of rules. */
  checks: string;
  /** A post rule that also runs on a post whose frontmatter is not YAML (the one reporting it). */
  unreadableToo?: boolean;
}

/**
 * One rule of the content check. A post or comment rule runs on each file in turn (so each
 * file's problems are reported together); a site rule runs once over the whole tree.
 */
export type ContentRule =
  | (RuleBase & { scope: 'post'; check(post: CheckedPost, content: CheckedContent): Problem[] })
  | (RuleBase & { scope: 'comment'; check(comment: CheckedComment, content: CheckedContent): Problem[] })
  | (RuleBase & { scope: 'site'; check(content: CheckedContent): Problem[] });

/** A problem as one line: "file:line: field: message" (line and field when known). */
export function formatProblem({ file, line, field, message }: Problem): string {
  return `${file}${line ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${message}`;
}

/** An `<img>` written in a body's raw HTML, with its line: its description and file are checked. */
export interface HtmlImage {
  src: string;
  /** The alt attribute as written (entities decoded), or undefined when there is none. */
  alt: string | undefined;
  line: number;
  /** The poster of a video player (an `<img>` in `<a data-video-embed>`): decorative, the link names the video. */
  poster?: boolean;
}

/** A URL written somewhere in a body other than a Markdown link or image, with its line in the file. */
export interface WrittenUrl {
  url: string;
  line: number;
  use: UrlUse;
  /** How the message names it: 'the link', 'the srcset of <img>'... */
  what: string;
  /** A problem found while reading it (a srcset that does not parse), reported as it is. */
  message?: string;
  /** Text that may be meant as it stands ("【按摩】（https://…）"): reported as a notice, never an error. */
  maybeText?: boolean;
}
