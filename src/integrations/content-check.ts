import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent, formatProblem, type ContentInput, type Problem, type SourceFile } from '../lib/content-check.ts';
import { listFiles } from '../io/files.ts';
import { getDevProblems, setDevProblems } from './dev-problems.ts';
import { FIXED_ROUTES } from '../lib/routes.ts';
import { findPlaceholderSettings } from '../lib/setup.ts';
import { COMMENT_CHANNEL, SITE } from '../site.config.ts';

/** Reads the content tree at `contentDir` (and public/ beside the project) for checkContent. */
export function readContentTree(contentDir: string, publicDir: string): ContentInput {
  // Paths in messages start at the content folder's parent, e.g. "content/posts/x.md".
  const base = dirname(contentDir);
  const display = (file: string) => relative(base, file).split(sep).join('/');
  const read = (collection: string, pattern: RegExp): SourceFile[] =>
    listFiles(join(contentDir, collection), pattern).map((entry) => {
      const file = join(contentDir, collection, entry);
      return { path: display(file), entry, text: readFileSync(file, 'utf8') };
    });
  const ids = (collection: string, pattern: RegExp) =>
    listFiles(join(contentDir, collection), pattern).map((entry) => entry.replace(/\.[^.]+$/, ''));
  return {
    posts: read('posts', /\.mdx?$/i),
    comments: read('comments', /\.md$/i).filter((file) => file.entry.split('/').length === 2),
    authors: read('authors', /\.(ya?ml|json)$/i).filter((file) => !file.entry.includes('/')),
    pages: read('pages', /\.mdx?$/i).filter((file) => !file.entry.includes('/')),
    videos: read('videos', /\.ya?ml$/i).filter((file) => !file.entry.includes('/')),
    authorIds: ids('authors', /\.(ya?ml|json)$/i),
    pageIds: ids('pages', /\.mdx?$/i),
    pinned: SITE.popularPosts.pinned,
    settingsFiles: { favicon: SITE.favicon, 'logo.src': SITE.logo?.src },
    timeZone: SITE.timeZone,
    language: SITE.language,
    fileExists: (path) => existsSync(join(base, path)),
    staticPaths: new Set([...FIXED_ROUTES, ...listFiles(publicDir, /./).map((file) => `/${file}`)]),
  };
}

/** Runs the content checks on a content tree and returns every problem found. */
export function runContentCheck(contentDir: string, publicDir: string): Problem[] {
  return checkContent(readContentTree(contentDir, publicDir));
}

/** The line under the list: "The content has 3 problems in 2 files; fix each as described, then build again." */
export function summarizeProblems(errors: readonly Problem[]): string {
  const files = new Set(errors.map((error) => error.file)).size;
  return `The content has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}${
    files > 1 ? ` in ${files} files` : ''
  }; fix each as described, then build again.`;
}

/**
 * One line for the images imported posts still owe a description (see altTextPending in
 * schemas.ts), or undefined when there are none: a count and where to look, never a list.
 */
export function summariseAltToDos(problems: readonly Problem[]): string | undefined {
  const todos = problems.filter((problem) => problem.severity === 'todo');
  if (todos.length === 0) return undefined;
  const files = new Set(todos.map((todo) => todo.file));
  const pages = [...files].filter((file) => file.includes('content/pages/')).length;
  const posts = files.size - pages;
  // Imported pages owe descriptions the same way (see page-image-alt.ts).
  const where = [
    ...(posts ? [`${posts} imported post${posts === 1 ? '' : 's'}`] : []),
    ...(pages ? [`${pages} imported page${pages === 1 ? '' : 's'}`] : []),
  ].join(' and ');
  return `${todos.length} image${todos.length === 1 ? '' : 's'} in ${where} still ${todos.length === 1 ? 'has' : 'have'} no description (alt text); the list is in content/.imports/blogger-report.md, and the ${pages && !posts ? 'pages' : posts && !pages ? 'posts' : 'files'} are the ones marked altTextPending: true`;
}

/**
 * Checks the content before Astro reads it. In a build, any error stops it with one line per
 * problem, before anything is written to dist/; in dev the problems are logged and the server runs.
 */
export function contentCheck({ contentDir }: { contentDir: string }): AstroIntegration {
  let publicDir = '';
  let siteUrl = SITE.url;
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command === 'preview') return;
        publicDir = fileURLToPath(config.publicDir);
        siteUrl = config.site ?? SITE.url;
        const problems = runContentCheck(contentDir, publicDir);
        const errors = problems.filter((problem) => problem.severity === 'error');
        for (const notice of problems.filter((problem) => problem.severity === 'notice')) {
          logger.warn(formatProblem(notice));
        }
        const todos = summariseAltToDos(problems);
        if (todos) logger.warn(todos);
        if (command === 'dev') {
          setDevProblems(problems);
          for (const error of errors) logger.error(formatProblem(error));
          return;
        }
        if (errors.length === 0) return;
        // An editor's mistake, not a crash: the list alone and a summary, then a failed exit.
        console.error(`\n${errors.map(formatProblem).join('\n')}\n\n${summarizeProblems(errors)}\n`);
        process.exit(1);
      },
      'astro:build:done': ({ logger }) => {
        // Last words of the build, so they are seen: settings that would publish a wrong address.
        const placeholders = findPlaceholderSettings({ url: siteUrl, comments: COMMENT_CHANNEL });
        if (placeholders.length === 0) return;
        const rule = '!'.repeat(78);
        logger.warn(
          [
            rule,
            'THIS BUILD IS NOT READY TO DEPLOY: the settings still hold example addresses.',
            ...placeholders.map((problem) => `- ${problem}`),
            'npm run setup sets them all; npm run check:deploy says when the site is ready.',
            rule,
          ].join('\n'),
        );
      },
      'astro:server:setup': ({ server, logger }) => {
        // Checks again whenever a content file changes, prints what changed in the list, and hands
        // the list to the pages (see dev-problems.ts). Astro's loaders reload the files themselves.
        let printed = new Set(getDevProblems().map(formatProblem));
        let timer: NodeJS.Timeout | undefined;
        const recheck = () => {
          const problems = runContentCheck(contentDir, publicDir);
          setDevProblems(problems);
          const lines = new Set(problems.filter((problem) => problem.severity === 'error').map(formatProblem));
          for (const line of lines) if (!printed.has(line)) logger.error(line);
          if (lines.size === 0 && printed.size > 0) logger.info('the content has no problems left');
          printed = lines;
        };
        server.watcher.on('all', (_event, file) => {
          if (!file.startsWith(contentDir)) return;
          clearTimeout(timer);
          timer = setTimeout(recheck, 100);
        });
      },
    },
  };
}
