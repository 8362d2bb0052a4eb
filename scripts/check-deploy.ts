/**
 * npm run check:deploy: refuses to deploy a site that is not ready, listing each reason: the example
 * address or comment address still in the settings, the sample posts and comments still in
 * content/, a default author with no file, and any content problem a build would stop on. Exits 0
 * with "ready to deploy" otherwise. Reads the settings as a build would (SITE_URL and
 * COMMENTS_INBOX_URL included).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readCommandLine } from '../src/lib/command-line.ts';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { runContentCheck } from '../src/integrations/content-check.ts';
import { formatProblem } from '../src/lib/content-check.ts';
import { findPlaceholderSettings, SAMPLE_CONTENT } from '../src/lib/setup.ts';
import { COMMENT_CHANNEL, SITE } from '../src/site.config.ts';

readCommandLine(
  {},
  {
    name: 'npm run check:deploy',
    usage: `Usage: npm run check:deploy

Refuses to deploy a site that is not ready, listing each reason (example settings, sample content,
content problems); says "Ready to deploy" and exits 0 otherwise. Takes no options but -h, --help.
SITE_URL and COMMENTS_INBOX_URL in the environment count, as in a build.`,
  },
);
const root = process.cwd();
const contentDir = resolveContentDir(process.env, root);
const problems = findPlaceholderSettings({ url: process.env.SITE_URL || SITE.url, comments: COMMENT_CHANNEL }).map(
  (problem) => `src/site.config.ts: ${problem}`,
);
const samples = [...SAMPLE_CONTENT.posts, ...SAMPLE_CONTENT.comments].filter((path) => existsSync(join(root, path)));
if (samples.length > 0) {
  problems.push(
    `the sample content is still in: ${samples.join(', ')}; remove it with npm run setup -- --remove-samples (or delete the folders)`,
  );
}
if (!existsSync(join(contentDir, 'authors', `${SITE.defaultAuthor}.yaml`))) {
  problems.push(
    `src/site.config.ts: defaultAuthor: there is no content/authors/${SITE.defaultAuthor}.yaml; add it or name another author`,
  );
}
const contentErrors = runContentCheck(contentDir, join(root, 'public')).filter(
  (problem) => problem.severity === 'error',
);
problems.push(...contentErrors.map(formatProblem));

if (problems.length > 0) {
  console.error(
    `\n${problems.join('\n')}\n\nNot ready to deploy: ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} above.`,
  );
  process.exit(1);
}
console.log(
  `Ready to deploy ${process.env.SITE_URL || SITE.url}: settings set, no sample content, no content problem.`,
);
