import { z } from 'astro/zod';
import { formatIssues } from './config-errors.ts';

const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])]).transform((value) => {
  return value === true || value === 'true' || value === '1' || value === 'yes';
});
const number = (min: number, max: number) => z.coerce.number().min(min).max(max);
const optionalString = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value ? value : undefined));

/**
 * The comment inbox's settings. Each comes from the environment variable of the same name, or from
 * the JSON file that COMMENTS_CONFIG names (same keys; the environment wins). README "Comments"
 * lists them; the defaults here are the ones documented there.
 */
export const inboxConfigSchema = z.object({
  /** TCP port to listen on. */
  PORT: number(0, 65535).int().default(8787),
  /** Address to listen on; behind nginx keep 127.0.0.1. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The SQLite database file (created with its folder if missing). */
  COMMENTS_DB: z.string().min(1).default('comments-inbox.sqlite'),
  /** The manifest the build writes: which posts exist and are open to comments. */
  COMMENTS_MANIFEST: z.string().min(1).default('dist/comments-manifest.json'),
  /** Where approved comments are written, one folder per post. */
  COMMENTS_CONTENT_DIR: z.string().min(1).default('content/comments'),
  /** The site's public address, where readers are sent back to; by default the manifest's. */
  COMMENTS_SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Key for signing form tokens; by default one is made once and kept in the database. */
  COMMENTS_SECRET: z.string().min(16, 'COMMENTS_SECRET must be at least 16 characters').optional(),
  /** scrypt hash of the moderation password (npm run comments -- hash-password); no page without it. */
  COMMENTS_ADMIN_PASSWORD_HASH: optionalString,
  /** Commit each approved comment's file with git. */
  COMMENTS_GIT_COMMIT: flag.default(false),
  /** A shell command run after each approval (e.g. "npm run build"), in the project folder. */
  COMMENTS_REBUILD_COMMAND: optionalString,
  /** A URL to POST to after each approval (a static host's build hook). */
  COMMENTS_REBUILD_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** SMTP server for new-comment emails, e.g. smtps://user:pass@mail.example:465; off when unset. */
  COMMENTS_SMTP_URL: optionalString,
  /** Who gets the new-comment emails. */
  COMMENTS_NOTIFY_TO: z.email().optional(),
  /** The sender of the new-comment emails. */
  COMMENTS_NOTIFY_FROM: z.email().optional(),
  /** Comments one address may send per window. */
  COMMENTS_RATE_LIMIT: number(1, 1_000_000).int().default(5),
  /** The rate-limit window, in seconds; hashed addresses are forgotten after it. */
  COMMENTS_RATE_WINDOW_SECONDS: number(1, 86_400).default(600),
  /** Login attempts one address may make per 15 minutes. */
  COMMENTS_LOGIN_LIMIT: number(1, 1000).int().default(5),
  /** The least time, in seconds, between a form being served and sent. */
  COMMENTS_MIN_FILL_SECONDS: number(0, 600).default(3),
  /** Seconds a client has to send a whole request; a slower one is cut off. */
  COMMENTS_REQUEST_TIMEOUT_SECONDS: number(0.2, 600).default(10),
  /** Read the reader's address from X-Forwarded-For (set it when behind nginx or another proxy). */
  COMMENTS_TRUST_PROXY: flag.default(false),
});

export type InboxConfig = z.infer<typeof inboxConfigSchema>;

/**
 * Merges the file's settings under the environment's and validates them; throws one sentence per
 * problem, naming the variable (and the file when it came from there).
 */
export function parseInboxConfig(
  env: Record<string, string | undefined>,
  file?: { path: string; values: Record<string, unknown> },
): InboxConfig {
  const keys = Object.keys(inboxConfigSchema.shape);
  const merged: Record<string, unknown> = {};
  for (const key of keys) {
    const fromEnv = env[key];
    if (fromEnv !== undefined && fromEnv !== '') merged[key] = fromEnv;
    else if (file && file.values[key] !== undefined) merged[key] = file.values[key];
  }
  const unknown = file ? Object.keys(file.values).filter((key) => !keys.includes(key)) : [];
  const result = inboxConfigSchema.safeParse(merged);
  const problems = [
    ...unknown.map((key) => `${file!.path}: ${key}: not a setting of the comment inbox; see README "Comments"`),
    ...(result.success
      ? []
      : formatIssues(file ? `settings (environment or ${file.path})` : 'environment', result.error.issues)),
  ];
  if (problems.length > 0 || !result.success) {
    throw new Error(['The comment inbox settings have problems:', ...problems].join('\n  '));
  }
  return result.data;
}
