/**
 * npm run setup: the owner's first step. Asks (in a terminal) or takes flags for the site's name,
 * address, description, language, time zone, author and comment channel; checks each; writes them
 * into src/site.config.ts (and the author's name into their file); and removes or keeps the sample
 * posts and comments. Without a terminal every setting must come as a flag.
 *
 *   npm run setup -- --title "My Blog" --url https://www.my-blog.co.uk --description "..." \
 *     --language en-GB --time-zone Europe/London --author "Ann Smith" \
 *     --comments ann@my-mail.co.uk --remove-samples        (or --keep-samples)
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { format, resolveConfig } from 'prettier';
import { readCommandLine } from '../src/lib/command-line.ts';
import { applySettings, SAMPLE_CONTENT, validate, type Checked, type SetupAnswers } from '../src/lib/setup.ts';
import { SITE } from '../src/site.config.ts';

const root = process.cwd();
const CONFIG = join(root, 'src/site.config.ts');

// The help is this file's header comment.
const USAGE = readFileSync(new URL(import.meta.url), 'utf8')
  .split('*/')[0]!
  .replace(/^\/\*\*|^ \* ?/gm, '')
  .trim();
const { values } = readCommandLine(
  {
    options: {
      title: { type: 'string' },
      url: { type: 'string' },
      description: { type: 'string' },
      language: { type: 'string' },
      'time-zone': { type: 'string' },
      author: { type: 'string' },
      comments: { type: 'string' },
      'remove-samples': { type: 'boolean' },
      'keep-samples': { type: 'boolean' },
    },
  },
  { usage: USAGE, name: 'npm run setup' },
);

const authorFile = join(root, 'content/authors', `${SITE.defaultAuthor}.yaml`);
const currentAuthor = existsSync(authorFile)
  ? (/^name:\s*(.+)$/m.exec(readFileSync(authorFile, 'utf8'))?.[1] ?? '')
  : '';
const current = SITE.comments;
const QUESTIONS: { key: keyof SetupAnswers; flag: string; question: string; now: string }[] = [
  { key: 'title', flag: 'title', question: 'Name of the site', now: SITE.title },
  { key: 'url', flag: 'url', question: 'Its address (https://...)', now: SITE.url },
  { key: 'description', flag: 'description', question: 'One sentence about it', now: SITE.description },
  { key: 'language', flag: 'language', question: 'Language of the posts (e.g. en-GB)', now: SITE.language },
  { key: 'timeZone', flag: 'time-zone', question: 'Time zone (e.g. Europe/London)', now: SITE.timeZone },
  { key: 'author', flag: 'author', question: 'Author name shown on posts', now: currentAuthor },
  {
    key: 'comments',
    flag: 'comments',
    question: 'Where readers send comments: an email address, or "inbox https://..." for your comment inbox',
    now: current.mode === 'mailto' ? current.address : `${current.mode} ${current.url}`,
  },
];

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
const prompt = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
prompt?.on('SIGINT', () => {
  console.log('\nCancelled; nothing was written.');
  process.exit(1);
});

const answers: Partial<SetupAnswers> = {};
const errors: string[] = [];
for (const { key, flag, question, now } of QUESTIONS) {
  const check = validate[key] as (text: string) => Checked<unknown>;
  const given = values[flag as keyof typeof values];
  if (typeof given === 'string') {
    const result = check(given);
    if (result.ok) Object.assign(answers, { [key]: result.value });
    else errors.push(`--${flag}: ${result.message}`);
    continue;
  }
  if (!prompt) {
    errors.push(`--${flag} is missing (${question.toLowerCase()})`);
    continue;
  }
  // Ask until the answer is good; Enter keeps the current value when it is good.
  for (;;) {
    const answer = (await prompt.question(`${question} [${now}]: `)).trim() || now;
    const result = check(answer);
    if (result.ok) {
      Object.assign(answers, { [key]: result.value });
      break;
    }
    console.log(`  ${result.message}`);
  }
}

let removeSamples = values['remove-samples'] === true;
if (values['remove-samples'] && values['keep-samples'])
  errors.push('choose --remove-samples or --keep-samples, not both');
const samplesLeft = SAMPLE_CONTENT.posts.some((path) => existsSync(join(root, path)));
if (!values['remove-samples'] && !values['keep-samples'] && samplesLeft) {
  if (prompt) {
    const answer = await prompt.question('Remove the sample posts and comments? (Y/n) ');
    removeSamples = !/^n/i.test(answer.trim());
  } else errors.push('--remove-samples or --keep-samples is missing (the sample posts and comments)');
}
prompt?.close();

if (errors.length > 0) {
  console.error(`Nothing was written:\n${errors.map((error) => `  ${error}`).join('\n')}`);
  console.error('Run npm run setup in a terminal to be asked, or see npm run setup -- --help.');
  process.exit(1);
}

const settings = answers as SetupAnswers;
const written = applySettings(readFileSync(CONFIG, 'utf8'), settings);
writeFileSync(CONFIG, await format(written, { ...(await resolveConfig(CONFIG)), filepath: CONFIG }));
if (existsSync(authorFile)) {
  const yamlName = JSON.stringify(settings.author);
  writeFileSync(authorFile, readFileSync(authorFile, 'utf8').replace(/^name:.*$/m, `name: ${yamlName}`));
}
console.log(
  `Wrote the settings to src/site.config.ts${existsSync(authorFile) ? ` and the author's name to content/authors/${SITE.defaultAuthor}.yaml` : ''}.`,
);

if (removeSamples) {
  for (const path of [...SAMPLE_CONTENT.posts, ...SAMPLE_CONTENT.comments]) {
    rmSync(join(root, path), { recursive: true, force: true });
  }
  writeFileSync(join(root, SAMPLE_CONTENT.pageViews), '{}\n');
  console.log('Removed the sample posts, their comments and the sample page views.');
} else if (samplesLeft) {
  console.log('Kept the sample posts and comments (npm run check:deploy refuses to deploy them).');
}
console.log('Next: npm run new -- "Your first post", then npm run dev to see it.');
