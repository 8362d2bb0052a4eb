import { spawn, spawnSync } from 'node:child_process';
import { afterEach, expect, test } from 'vitest';
import { cleanEnv, ProjectCopy } from './project-copy.ts';

const SAMPLE_POST = 'content/posts/shepherds-bush-freelance-massage-review';
const SAMPLE_COMMENTS = 'content/comments/comprehensive-overview-of-reflexology-massage';

let project: ProjectCopy;
afterEach(() => project?.remove());

test('check:deploy refuses a fresh copy, naming the example addresses and the sample content', () => {
  project = new ProjectCopy();
  const { status, output } = project.run('node', ['scripts/check-deploy.ts']);
  expect(status, output).toBe(1);
  expect(output).toContain('src/site.config.ts: url: https://massage-wellness.example is the example address');
  expect(output).toContain('src/site.config.ts: comments: comments@massage-wellness.example is an example address');
  expect(output).toMatch(/the sample content is still in: .*content\/posts\/shepherds-bush-freelance-massage-review/);
  expect(output).toContain('Not ready to deploy: 3 problems above.');
});

test('setup with flags writes the settings and the author, removes the samples, and check:deploy then passes', () => {
  project = new ProjectCopy();
  const setup = project.run('node', [
    'scripts/setup.ts',
    '--title',
    'Fußpflege & Massage: Notizen',
    '--url',
    'https://www.fusspflege-notizen.de/',
    '--description',
    'Notes on foot care and massage, from a small practice in Köln.',
    '--language',
    'de-de',
    '--time-zone',
    'Europe/Berlin',
    '--author',
    'Jördis Ó Briain',
    '--comments',
    'inbox https://kommentare.fusspflege-notizen.de/',
    '--remove-samples',
  ]);
  expect(setup.status, setup.output).toBe(0);
  const config = project.read('src/site.config.ts');
  expect(config).toContain("url: 'https://www.fusspflege-notizen.de',");
  expect(config).toContain("title: 'Fußpflege & Massage: Notizen',");
  expect(config).toContain("language: 'de-DE',");
  expect(config).toContain("timeZone: 'Europe/Berlin',");
  expect(config).toContain("comments: { mode: 'inbox', url: 'https://kommentare.fusspflege-notizen.de/' },");
  expect(project.read('content/authors/editorial.yaml')).toContain('name: "Jördis Ó Briain"');
  expect(project.exists(SAMPLE_POST)).toBe(false);
  expect(project.exists(SAMPLE_COMMENTS)).toBe(false);
  expect(project.read('content/stats/pageviews.json').trim()).toBe('{}');
  expect(
    project.run('npx', ['prettier', '--check', 'src/site.config.ts']).status,
    'the settings file stays formatted',
  ).toBe(0);

  const check = project.run('node', ['scripts/check-deploy.ts']);
  expect(check.status, check.output).toBe(0);
  expect(check.output).toContain('Ready to deploy https://www.fusspflege-notizen.de');
});

test('setup refuses a wrong flag or a missing one without a terminal, and writes nothing', () => {
  project = new ProjectCopy();
  const before = project.read('src/site.config.ts');
  const { status, output } = project.run('node', [
    'scripts/setup.ts',
    '--url',
    'https://blog.example.com',
    '--time-zone',
    'London',
  ]);
  expect(status).toBe(1);
  expect(output).toContain('--url: blog.example.com is an example address');
  expect(output).toContain('--time-zone: "London" is not a time zone');
  expect(output).toContain('--title is missing');
  expect(output).toContain('Nothing was written');
  expect(project.read('src/site.config.ts')).toBe(before);
  expect(project.exists(SAMPLE_POST)).toBe(true);
});

test('setup in a terminal asks each question, asks again after a wrong answer, and keeps the samples on "n"', async () => {
  if (spawnSync('script', ['--version']).status !== 0) throw new Error('util-linux "script" is needed for a terminal');
  project = new ProjectCopy();
  const child = spawn('script', ['-qec', 'node scripts/setup.ts', '/dev/null'], { cwd: project.dir, env: cleanEnv() });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const answer = async (waitFor: string, text: string) => {
    for (let i = 0; i < 200 && !output.includes(waitFor); i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(output, `waiting for "${waitFor}"`).toContain(waitFor);
    child.stdin.write(`${text}\r`);
  };
  await answer('Name of the site [Massage & Wellness]:', '');
  await answer('Its address (https://...)', 'https://massage-wellness.example');
  await answer('is an example address', 'https://www.massage-wellness.co.uk');
  await answer('One sentence about it', '');
  await answer('Language of the posts', 'en-gb');
  await answer('Time zone', '');
  await answer('Author name shown on posts [The Editors]:', '');
  await answer('Where readers send comments', 'editors@massage-wellness.co.uk');
  await answer('Remove the sample posts and comments? (Y/n)', 'n');
  const status = await new Promise((resolve) => child.on('close', resolve));
  expect(status, output).toBe(0);
  const config = project.read('src/site.config.ts');
  expect(config).toContain("title: 'Massage & Wellness',");
  expect(config).toContain("url: 'https://www.massage-wellness.co.uk',");
  expect(config).toContain("comments: { mode: 'mailto', address: 'editors@massage-wellness.co.uk' },");
  expect(project.exists(SAMPLE_POST)).toBe(true);

  // Settings done, samples kept: check:deploy now names the samples alone.
  const check = project.run('node', ['scripts/check-deploy.ts']);
  expect(check.status).toBe(1);
  expect(check.output).toContain('Not ready to deploy: a problem above.');
  expect(check.output).toContain('the sample content is still in');
});
