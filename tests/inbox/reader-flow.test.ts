import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, expect as expectPage, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createInboxServer, type InboxServer } from '../../src/inbox/server.ts';
import { parseInboxConfig } from '../../src/lib/inbox-config.ts';
import { hashPassword } from '../../src/lib/password.ts';
import { TEST_CHROMIUM } from '../browser.ts';
import { cleanEnv, ProjectCopy } from '../build/project-copy.ts';
import { axeViolations } from '../e2e/axe.ts';
import { sleep } from './helpers.ts';

/**
 * The whole road, as a reader and the owner take it: a tiny copy of the project built with
 * COMMENTS_INBOX_URL, served as a static host would; the inbox server on 127.0.0.1; Chromium with
 * JavaScript off. The reader comments and replies; the owner approves one from the moderation page
 * and one from the CLI, whose rebuild hook rebuilds the site; the page then shows both.
 */

const POST = 'shepherds-bush-freelance-massage-review';
const CLOSED = 'gift-vouchers-2019';
const PASSWORD = 'Entspannung für alle 2026';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** axe runs in the page, so it needs a page with JavaScript on (the pages themselves need none). */
async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('a reader comments with JavaScript off and the owner publishes it', { timeout: 240_000 }, () => {
  const project = new ProjectCopy();
  let inbox: InboxServer;
  let preview: ChildProcess;
  let browser: Browser;
  let siteUrl: string;
  let inboxUrl: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    // Tiny: one post (no hero image to optimise) with one published comment.
    for (const entry of readdirSync(join(project.dir, 'content/posts'))) {
      if (entry !== POST) rmSync(join(project.dir, 'content/posts', entry), { recursive: true });
    }
    rmSync(join(project.dir, 'content/comments'), { recursive: true });
    project.write('content/.keep', '');
    spawnSync('mkdir', ['-p', join(project.dir, 'content/comments', POST)]);
    project.write(
      `content/comments/${POST}/01-priya.md`,
      '---\nauthor: Priya N.\ndate: 2026-03-02T09:15\n---\n\nBooked her after reading this — spot on about the **pressure**.\n',
    );
    // A second, short post whose comments are closed.
    project.write(
      `content/posts/${CLOSED}.md`,
      '---\ntitle: Gift vouchers for Christmas 2019\ndescription: Our vouchers for the 2019 holidays, now long sold out.\npubDate: 2019-11-20\ntags: [news]\nauthor: editorial\nkind: article\ncomments: closed\n---\n\nThe 2019 vouchers sold out on 20 December. Thank you all!\n',
    );
    const [sitePort, inboxPort] = [await freePort(), await freePort()];
    siteUrl = `http://127.0.0.1:${sitePort}/`;
    inboxUrl = `http://127.0.0.1:${inboxPort}/`;
    env = {
      COMMENTS_DB: join(project.dir, 'inbox.sqlite'),
      COMMENTS_MANIFEST: join(project.dir, 'dist/comments-manifest.json'),
      COMMENTS_CONTENT_DIR: join(project.dir, 'content/comments'),
      COMMENTS_SITE_URL: siteUrl,
      COMMENTS_MIN_FILL_SECONDS: '1',
      COMMENTS_ADMIN_PASSWORD_HASH: hashPassword(PASSWORD),
    };
    const build = project.build({ SITE_URL: siteUrl, COMMENTS_INBOX_URL: inboxUrl });
    expect(build.status, build.output).toBe(0);
    inbox = await createInboxServer(parseInboxConfig(env), () => {});
    await inbox.app.listen({ port: inboxPort, host: '127.0.0.1' });
    preview = spawn('astro', ['preview', '--host', '127.0.0.1', '--port', String(sitePort)], {
      cwd: project.dir,
      env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    });
    // astro preview starts in about a second on a quiet machine and took over 20 s at load 28: wait
    // for it, and say so if it never answers instead of failing later with a refused connection.
    const deadline = Date.now() + 90_000;
    let ready = false;
    while (!ready && Date.now() < deadline) {
      ready = await fetch(siteUrl).then(
        (response) => response.ok,
        () => false,
      );
      if (!ready) await sleep(200);
    }
    if (!ready) throw new Error(`astro preview did not answer at ${siteUrl} within 90 s`);
    browser = await chromium.launch({
      executablePath: TEST_CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    // A build, the inbox and the preview: room for a machine under load beyond the project's 120 s.
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    preview?.kill();
    await inbox?.close();
    project.remove();
  });

  test('the post page has an accessible form posting to the inbox, a Reply link and the CSP for it', async () => {
    const html = project.read(`dist/posts/${POST}/index.html`);
    expect(html).toContain(`action="${inboxUrl}comments"`);
    expect(html).toContain(`href="${inboxUrl}comments?post=${POST}&amp;replyTo=01-priya#comment-form"`);
    expect(project.read('dist/_headers')).toContain(`form-action 'self' ${inboxUrl.replace(/\/$/, '')};`);
    const manifest = JSON.parse(project.read('dist/comments-manifest.json'));
    expect(manifest.posts).toEqual([
      expect.objectContaining({
        id: POST,
        comments: 'open',
        // The approved comment of the first build (and those the flow test approves, if it ran first).
        commentIds: expect.arrayContaining(['01-priya']),
        received: `/comments/received/${POST}/`,
      }),
      expect.not.objectContaining({ received: expect.anything() }),
    ]);
    expect(manifest.posts[1]).toMatchObject({ id: CLOSED, comments: 'closed' });
    // The thank-you page links back to the post, in plain HTML; it is kept out of the sitemap.
    const received = project.read(`dist/comments/received/${POST}/index.html`);
    expect(received).toContain('<meta name="robots" content="noindex">');
    expect(received).toContain(`href="/posts/${POST}/"`);
    expect(project.read('dist/sitemap-0.xml')).not.toContain('/comments/received/');
    // A closed post: no form, no Reply links, no thank-you page.
    const closed = project.read(`dist/posts/${CLOSED}/index.html`);
    expect(closed).toContain('Comments on this post are closed.');
    expect(closed).not.toContain('id="comment-form"');
    expect(closed).not.toContain(`${inboxUrl}comments`);
    expect(existsSync(join(project.dir, `dist/comments/received/${CLOSED}`))).toBe(false);
  });

  test('the form, its preview and its error page pass axe', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}posts/${POST}/`);
    await expectAccessible(page);
    await page.getByLabel(/^Name/).fill('Ana');
    await page.getByRole('textbox', { name: /^Comment/ }).fill('Just checking how this looks.');
    await page.getByRole('button', { name: 'Preview your comment' }).click();
    await expectPage(page.getByRole('heading', { level: 1 })).toHaveText('Check your comment, then send it');
    await expectAccessible(page);
    // Four links: the error page comes back with the words kept.
    const linky = 'See https://a.example, https://b.example, https://c.example and https://d.example';
    await page.goto(`${siteUrl}posts/${POST}/`);
    await page.getByLabel(/^Name/).fill('Ana');
    await page.getByRole('textbox', { name: /^Comment/ }).fill(linky);
    await page.getByRole('button', { name: 'Preview your comment' }).click();
    await expectPage(page.getByRole('heading', { level: 1 })).toHaveText('Your comment was not sent yet');
    await expectPage(page.getByRole('alert')).toContainText('the comment has 4 links; keep it to 3 or fewer');
    await expectPage(page.getByRole('textbox', { name: /^Comment/ })).toHaveValue(linky);
    await expectAccessible(page);
    await page.goto(`${siteUrl}comments/received/${POST}/`);
    await expectAccessible(page);
    await page.goto(`${inboxUrl}comments?post=${POST}&replyTo=01-priya`);
    await expectAccessible(page);
    await page.goto(`${inboxUrl}moderate/login`);
    await expectAccessible(page);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPage(page.getByRole('heading', { level: 1 })).toHaveText(/^Comments: pending/);
    await expectAccessible(page);
    await context.close();
  });

  test('the reader previews, sends, replies, and the owner approves from the page and the CLI; the rebuilt page shows both', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}posts/${POST}/`);
    const form = page.getByRole('form', { name: 'Leave a comment' });
    await form.getByLabel(/^Name/).fill('Zoë Ortega-Smith');
    await form.getByLabel(/^Email/).fill('zoe@example.org');
    await form
      .getByRole('textbox', { name: /^Comment/ })
      .fill('Grazie! Went on Tuesday — *exactly* as described. <b>bold?</b>');
    await form.getByRole('button', { name: 'Preview your comment' }).click();
    await expect.poll(() => page.url()).toBe(`${inboxUrl}comments`);
    expect(await page.locator('.preview em').textContent()).toBe('exactly');
    await sleep(1100);
    await page.getByRole('button', { name: 'Send comment' }).click();
    await page.waitForLoadState();
    // The site's thank-you page for this post, and its link back.
    expect(page.url(), await page.locator('main').innerText()).toBe(`${siteUrl}comments/received/${POST}/`);
    await expectPage(page.getByRole('heading', { level: 1 })).toHaveText('Thank you: your comment has arrived');
    await expectPage(page.locator('main')).toContainText('waiting for moderation');
    await page.getByRole('link', { name: /^Back to “/ }).click();
    await expect.poll(() => page.url()).toBe(`${siteUrl}posts/${POST}/`);

    // A reply to the published comment, through its Reply link.
    await page.getByRole('link', { name: 'Reply to Priya N.' }).click();
    await expectPage(page.getByRole('heading', { level: 1 })).toHaveText('Reply to 01-priya');
    await page.getByLabel(/^Name/).fill('Tomás');
    await page.getByRole('textbox', { name: /^Comment/ }).fill('Same experience here.');
    await sleep(1100);
    await page.getByRole('button', { name: 'Send comment' }).click();
    await expect.poll(() => page.url()).toBe(`${siteUrl}comments/received/${POST}/`);

    const pending = inbox.db.list('pending');
    const top = pending.find((comment) => comment.author === 'Zoë Ortega-Smith')!;
    const reply = pending.find((comment) => comment.author === 'Tomás')!;
    expect(reply.replyTo).toBe('01-priya');

    // The owner approves the reply from the moderation page.
    await page.goto(`${inboxUrl}moderate`);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPage(page.getByRole('heading', { level: 1 })).toHaveText('Comments: pending (2)');
    await page.getByRole('button', { name: `Approve comment by Tomás` }).click();
    await expectPage(page.getByRole('status')).toContainText(`Approved comment ${reply.id}`);
    await context.close();

    // ...and the other from the CLI, whose rebuild hook builds the site again.
    const cli = project.run('node', ['scripts/comments.ts', 'approve', top.id], {
      ...env,
      COMMENTS_REBUILD_COMMAND: `SITE_URL=${siteUrl} COMMENTS_INBOX_URL=${inboxUrl} astro build`,
    });
    expect(cli.output).toContain(`Approved comment ${top.id}`);
    expect(cli.output).toContain('Rebuild command succeeded.');
    expect(cli.status).toBe(0);

    const rebuilt = await browser.newPage({ javaScriptEnabled: false });
    await rebuilt.goto(`${siteUrl}posts/${POST}/`);
    const comment = rebuilt.locator(`#comment-${top.id}`);
    await expectPage(comment).toContainText('Grazie! Went on Tuesday — exactly as described. <b>bold?</b>');
    await expectPage(comment.locator('em')).toHaveText('exactly');
    await expectPage(rebuilt.locator(`#comment-${reply.id}`)).toContainText('in reply to Priya N.');
    await expectPage(rebuilt.locator(`#comment-${top.id}`)).not.toContainText('zoe@example.org');
    await rebuilt.close();
  });
});
