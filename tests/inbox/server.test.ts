import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createInboxServer, InboxStartError } from '../../src/inbox/server.ts';
import { createFormToken } from '../../src/lib/form-token.ts';
import { hashPassword } from '../../src/lib/password.ts';
import {
  CLOSED_POST,
  MANIFEST,
  makeInboxDir,
  OPEN_POST,
  postForm,
  rawRequest,
  SITE,
  sleep,
  tokenIn,
} from './helpers.ts';

const PASSWORD = 'correct horse battery staple';
const PASSWORD_HASH = hashPassword(PASSWORD);

async function start(overrides: Record<string, string> = {}) {
  const place = makeInboxDir({ COMMENTS_ADMIN_PASSWORD_HASH: PASSWORD_HASH, ...overrides });
  const inbox = await createInboxServer(place.config, () => {});
  await inbox.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (inbox.app.server.address() as AddressInfo).port;
  return { ...place, inbox, port, base: `http://127.0.0.1:${port}/` };
}

type Started = Awaited<ReturnType<typeof start>>;

const secretOf = (server: Started) => server.inbox.db.getOrCreateSetting('form-secret', () => 'unused');

/** A form for `post` as the inbox serves it (its token issued 5 s ago), filled in and sent. */
async function send(server: Started, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const token = createFormToken(secretOf(server), fields.post ?? OPEN_POST, Date.now() - 5000);
  return postForm(server.base, '/comments', { post: OPEN_POST, token, ...fields }, headers);
}

describe('the comment inbox, reader side', () => {
  let server: Started;
  beforeAll(async () => {
    server = await start({ COMMENTS_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    await server.inbox.close();
    server.remove();
  });

  test('the site form without a token gets a preview page that shows the Markdown rendered and inert, with a token', async () => {
    const pendingBefore = server.inbox.db.counts().pending;
    const result = await postForm(server.base, '/comments', {
      post: OPEN_POST,
      author: 'Zoë <b>Ortega</b>',
      body: '**Danke!** <script>alert(1)</script> [x](javascript:alert(1))',
    });
    expect(result.status).toBe(200);
    expect(result.html).toContain('<strong>Danke!</strong>');
    expect(result.html).not.toContain('<script>');
    expect(result.html).not.toContain('href="javascript:');
    expect(result.html).toContain('Zoë &#x3C;b>Ortega&#x3C;/b>');
    expect(tokenIn(result.html)).toMatch(/^v1\./);
    // A preview stores nothing.
    expect(server.inbox.db.counts().pending).toBe(pendingBefore);
  });

  test('the reply form page carries a token that is accepted once the minimum fill time has passed', async () => {
    const page = await fetch(new URL(`/comments?post=${encodeURIComponent(OPEN_POST)}&replyTo=01-ann`, server.base));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('name="replyTo" value="01-ann"');
    await sleep(400);
    const result = await postForm(server.base, '/comments', {
      post: OPEN_POST,
      replyTo: '01-ann',
      token: tokenIn(html),
      author: 'Uma',
      body: 'Replying from the form page.',
    });
    expect(result.status).toBe(303);
  });

  test('a comment sent from the inbox form is committed as pending and the reader is sent to the thank-you page', async () => {
    const result = await send(server, {
      author: 'Ann',
      email: 'ann@example.org',
      website: 'ann.example',
      body: 'Very helpful, thank you.',
    });
    expect(result.status).toBe(303);
    expect(result.location).toBe(`${SITE}comments/received/${encodeURIComponent(OPEN_POST)}/`);
    const [stored] = server.inbox.db.list('pending');
    expect(stored).toMatchObject({
      author: 'Ann',
      email: 'ann@example.org',
      website: 'https://ann.example/',
      post: OPEN_POST,
    });
  });

  test('with a manifest from a build without thank-you pages, the reader is sent to the post notice', async () => {
    const result = await send(server, { post: 'shiatsu-指圧', author: '花子', body: 'とても参考になりました。' });
    expect(result.status).toBe(303);
    expect(result.location).toBe(`${SITE}posts/shiatsu/#comment-sent`);
  });

  test('a form filled to every maxlength in Japanese fits the body limit and is stored', async () => {
    const result = await send(server, {
      author: '山'.repeat(80),
      website: `https://例え.jp/${'道'.repeat(280)}`,
      body: '指圧'.repeat(1000),
    });
    expect(result.status, result.html.slice(0, 300)).toBe(303);
  });

  test('a closed post offers no form: the form page says so with 403', async () => {
    const page = await fetch(new URL(`/comments?post=${CLOSED_POST}`, server.base));
    const html = await page.text();
    expect(page.status).toBe(403);
    expect(html).toContain('Comments on this post are closed.');
    expect(html).not.toContain('<form');
  });

  test('a reply to a published comment is stored with replyTo', async () => {
    const result = await send(server, { author: 'Sam', replyTo: '01-ann', body: 'Agreed — and stretch after.' });
    expect(result.status).toBe(303);
    expect(server.inbox.db.list('pending').find((comment) => comment.author === 'Sam')?.replyTo).toBe('01-ann');
  });

  test('the same comment sent twice is acknowledged twice and stored once', async () => {
    const fields = { author: 'Kwame', body: 'Double   click\n\nhappens.' };
    expect((await send(server, fields)).status).toBe(303);
    expect((await send(server, { ...fields, body: 'double click happens.' })).status).toBe(303);
    expect(server.inbox.db.list('pending').filter((comment) => comment.author === 'Kwame')).toHaveLength(1);
  });

  test.each([
    ['an empty comment', { author: 'Ann', body: '   \n ' }, 422, /the comment is empty/, 'Ann'],
    [
      'a comment without a name',
      { author: '', body: 'Nameless but kind words' },
      422,
      /write the name/,
      'Nameless but kind words',
    ],
    [
      'a comment that is too long',
      { author: 'Lee', body: `Lang${'ü'.repeat(1997)}` },
      422,
      /2001 characters long; shorten it to 2000/,
      'Langüüü',
    ],
    [
      'a comment with too many links',
      { author: 'Bo', body: 'a https://a.example b https://b.example c www.c.example d mailto:d@x.example' },
      422,
      /has 4 links; keep it to 3/,
      'www.c.example',
    ],
    [
      'a bad email address',
      { author: 'Ann', email: 'ann@', body: 'kept words' },
      422,
      /not an email address/,
      'kept words',
    ],
    [
      'a reply to a comment that is not on the post',
      { author: 'Ann', replyTo: '99-gone', body: 'my reply text' },
      404,
      /not on this post/,
      'my reply text',
    ],
  ])('%s comes back as a clear page that keeps what the reader wrote', async (_name, fields, status, message, kept) => {
    const result = await send(server, fields);
    expect(result.status).toBe(status);
    expect(result.html).toMatch(message);
    expect(result.html).toContain(kept);
    expect(result.html).toContain('There is a problem');
  });

  test('a comment on a closed post is refused with a page showing the words sent', async () => {
    const token = createFormToken(secretOf(server), CLOSED_POST, Date.now() - 5000);
    const result = await postForm(server.base, '/comments', {
      post: CLOSED_POST,
      token,
      author: 'Ann',
      body: 'late thoughts on this',
    });
    expect(result.status).toBe(403);
    expect(result.html).toMatch(/closed/);
    expect(result.html).toContain('late thoughts on this');
  });

  test.each([
    ['an unknown post', 'no-such-post', 404],
    ['a path-like post id', '../../etc', 400],
    ['a path-like post id with a backslash', '..\\..\\x', 400],
  ])('%s is refused with a 4xx and no file is written', async (_name, post, status) => {
    const result = await postForm(server.base, '/comments', { post, author: 'Eve', body: 'hello there friends' });
    expect(result.status).toBe(status);
    expect(result.html).toContain('Error');
    expect(existsSync(server.config.COMMENTS_CONTENT_DIR)).toBe(false);
  });

  test('a path-like reply id is refused with 400', async () => {
    const result = await send(server, { author: 'Eve', replyTo: '../../../etc/passwd', body: 'hello' });
    expect(result.status).toBe(400);
  });

  test('a forged token is refused and a token sent too fast asks to send again, keeping the words', async () => {
    const forged = await postForm(server.base, '/comments', {
      post: OPEN_POST,
      token: 'v1.mx2a83uq.AAAA',
      author: 'Bot',
      body: 'buy now',
    });
    expect(forged.status).toBe(400);
    const fast = await postForm(server.base, '/comments', {
      post: OPEN_POST,
      token: createFormToken(secretOf(server), OPEN_POST, Date.now()),
      author: 'Quick',
      body: 'typed at once',
    });
    expect(fast.status).toBe(422);
    expect(fast.html).toMatch(/quicker than a person/);
    expect(fast.html).toContain('typed at once');
  });

  test('a filled-in honeypot is acknowledged like any comment but filed as spam, off the first moderation page', async () => {
    const result = await send(server, {
      author: 'Cheap Pills',
      body: 'Great post, very informative indeed.',
      fax: 'http://pills.example',
    });
    expect(result.status).toBe(303);
    expect(server.inbox.db.list('spam').map((comment) => comment.author)).toContain('Cheap Pills');
    expect(server.inbox.db.list('pending').map((comment) => comment.author)).not.toContain('Cheap Pills');
  });

  test('a post from another site is refused with 403', async () => {
    const result = await send(server, { author: 'Ann', body: 'from elsewhere' }, { Origin: 'https://evil.example' });
    expect(result.status).toBe(403);
  });

  test('a body over 32 KB, more than the form can send, gets a 413 page', async () => {
    const result = await postForm(server.base, '/comments', {
      post: OPEN_POST,
      author: 'Ann',
      body: 'x'.repeat(33 * 1024),
    });
    expect(result.status).toBe(413);
    expect(result.html).toMatch(/too long/);
  });

  test('a body that is not UTF-8 (raw bytes or percent-escapes) gets a 400 page', async () => {
    for (const body of [
      Buffer.concat([Buffer.from(`post=${OPEN_POST}&author=`), Buffer.from([0xff, 0xfe]), Buffer.from('&body=x')]),
      Buffer.from(`post=x&author=%FF%FE&body=x`),
    ]) {
      const response = await fetch(new URL('/comments', server.base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/not in UTF-8/);
    }
  });

  test('a huge header gets 431 and the server keeps serving', async () => {
    const result = await rawRequest(server.port, [
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Junk: ${'a'.repeat(20_000)}\r\n\r\n`,
    ]);
    expect(result.response).toMatch(/^HTTP\/1\.1 431/);
    expect((await fetch(new URL('/health', server.base))).status).toBe(200);
  });

  test('a keep-alive connection is closed after 10 answers, so connections waiting to be accepted get their turn', async () => {
    const request = 'GET /health HTTP/1.1\r\nHost: x\r\n\r\n';
    const result = await rawRequest(server.port, [request.repeat(12)], { waitMs: 3000 });
    const answers = result.response.split('HTTP/1.1 200').slice(1);
    expect(answers).toHaveLength(10);
    expect(answers[8]).toMatch(/connection: keep-alive/i);
    expect(answers[9]).toMatch(/connection: close/i);
    expect(result.closed).toBe(true);
  });

  test('a client that sends its request too slowly is cut off', async () => {
    const chunks = [
      'POST /comments HTTP/1.1\r\n',
      'Host: x\r\n',
      'Content-Type: application/x-www-form-urlencoded\r\n',
      'Content-Length: 100\r\n\r\n',
      'post=',
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
    ];
    const result = await rawRequest(server.port, chunks, { gapMs: 400, waitMs: 6000 });
    expect(result.closed).toBe(true);
    expect(result.ms).toBeLessThan(4000);
    expect(result.response).not.toMatch(/^HTTP\/1\.1 5/);
  });

  test('the moderation pages do not exist for anyone not signed in', async () => {
    const response = await fetch(new URL('/moderate', server.base), { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/moderate/login');
  });
});

describe('the comment inbox, its manifest', () => {
  test.each([
    ['missing', undefined, /manifest\.json: the comment manifest does not exist; build the site \(npm run build/],
    ['not JSON', '{"version": 1, "posts": [', /manifest\.json: the comment manifest is not valid JSON/],
    ['of another version', JSON.stringify({ ...MANIFEST, version: 2 }), /manifest\.json: version: .*rebuild/],
  ])(
    'a manifest that is %s stops the start with a sentence naming the file and the fix',
    async (_name, text, message) => {
      const place = makeInboxDir();
      rmSync(place.config.COMMENTS_MANIFEST);
      if (text !== undefined) writeFileSync(place.config.COMMENTS_MANIFEST, text);
      const started = createInboxServer(place.config, () => {});
      await expect(started).rejects.toBeInstanceOf(InboxStartError);
      await expect(started).rejects.toThrow(message);
      place.remove();
    },
  );

  test('a manifest deleted or half-written after the start is logged once and the last good copy still serves', async () => {
    const logged: string[] = [];
    const place = makeInboxDir({ COMMENTS_RATE_LIMIT: '1000' });
    const inbox = await createInboxServer(place.config, (message) => logged.push(message));
    await inbox.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(inbox.app.server.address() as AddressInfo).port}/`;
    const secret = inbox.db.getOrCreateSetting('form-secret', () => 'unused');
    const token = createFormToken(secret, OPEN_POST, Date.now() - 5000);
    writeFileSync(place.config.COMMENTS_MANIFEST, '{"version": 1, "po');
    await sleep(1100);
    for (const body of ['first after the break', 'second after the break']) {
      const result = await postForm(base, '/comments', { post: OPEN_POST, token, author: 'Ann', body });
      expect(result.status).toBe(303);
    }
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      /manifest\.json: the comment manifest is not valid JSON.*goes on with the manifest it read before/,
    );
    await inbox.close();
    place.remove();
  });
});

describe('the comment inbox, rate limits', () => {
  test('more comments from one address than the limit get a 429 page with the words kept, and no address is stored', async () => {
    const server = await start({ COMMENTS_RATE_LIMIT: '2' });
    try {
      expect((await send(server, { author: 'A', body: 'first one here' })).status).toBe(303);
      expect((await send(server, { author: 'A', body: 'second one here' })).status).toBe(303);
      const third = await send(server, { author: 'A', body: 'third one here' });
      expect(third.status).toBe(429);
      expect(third.html).toContain('third one here');
      await server.inbox.close();
      const bytes = readdirSync(join(server.dir, 'db'))
        .map((file) => readFileSync(join(server.dir, 'db', file)).toString('latin1'))
        .join('');
      expect(bytes).not.toContain('127.0.0.1');
    } finally {
      server.remove();
    }
  });

  test('the login is rate limited', async () => {
    const server = await start({ COMMENTS_LOGIN_LIMIT: '2' });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 3; attempt++)
        statuses.push((await postForm(server.base, '/moderate/login', { password: 'guess' })).status);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await server.inbox.close();
      server.remove();
    }
  });
});

describe('the comment inbox, moderation', () => {
  let server: Started;
  let cookie: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await start({ COMMENTS_RATE_LIMIT: '1000' });
    await send(server, {
      author: 'Mallory <img src=x onerror=alert(1)>',
      body: '<script>alert("owner")</script> hi [x](javascript:alert(2))',
    });
    await send(server, { author: 'Nadia', body: 'Lovely article about Ölmassage.' });
    await send(server, { author: 'Git Refused', body: 'This one meets a pre-commit hook.' });
    await send(server, { author: 'Disk Full', body: 'This one meets a full disk.', post: 'shiatsu-指圧' });
    for (const comment of server.inbox.db.list('pending')) ids[comment.author.split(' ')[0]!] = comment.id;
    const login = await postForm(server.base, '/moderate/login', { password: PASSWORD });
    expect(login.status).toBe(303);
    cookie = login.headers.get('set-cookie') ?? '';
  });
  afterAll(async () => {
    await server.inbox.close();
    server.remove();
  });

  test('a wrong password is refused and the session cookie is HttpOnly, Secure and SameSite=Strict', async () => {
    expect((await postForm(server.base, '/moderate/login', { password: 'nope' })).status).toBe(401);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  test('comments on the moderation page are inert text', async () => {
    const headers = { cookie: cookie.split(';')[0]! };
    const list = await (await fetch(new URL('/moderate', server.base), { headers })).text();
    const one = await (await fetch(new URL(`/moderate/comments/${ids.Mallory}`, server.base), { headers })).text();
    for (const html of [list, one]) {
      expect(html).not.toMatch(/<script>alert/);
      expect(html).not.toMatch(/<img src=x/);
      expect(html).not.toContain('href="javascript:');
      expect(html).toContain('&#x3C;script>alert("owner")&#x3C;/script>');
    }
  });

  test('approving from the page writes the file once, in the schema the build reads, even when approved twice', async () => {
    const headers = { cookie: cookie.split(';')[0]!, 'content-type': 'application/x-www-form-urlencoded' };
    const folder = join(server.config.COMMENTS_CONTENT_DIR, OPEN_POST);
    // Other tests may have approved comments on the same post already.
    const before = existsSync(folder) ? readdirSync(folder) : [];
    for (let time = 0; time < 2; time++) {
      const response = await fetch(new URL(`/moderate/comments/${ids.Nadia}/approve`, server.base), {
        method: 'POST',
        headers,
        body: '',
        redirect: 'manual',
      });
      expect(response.status).toBe(303);
    }
    expect(readdirSync(folder).filter((name) => !before.includes(name))).toEqual([`${ids.Nadia}.md`]);
    expect(readFileSync(join(folder, `${ids.Nadia}.md`), 'utf8')).toMatch(
      /^---\nauthor: Nadia\ndate: \d{4}-\d\d-\d\dT[\d:.]+Z\n---\n\nLovely article about Ölmassage\.\n$/,
    );
    expect(server.inbox.db.get(ids.Nadia!)?.status).toBe('approved');
  });

  test('a moderation post from another site is refused', async () => {
    const response = await fetch(new URL(`/moderate/comments/${ids.Mallory}/spam`, server.base), {
      method: 'POST',
      headers: {
        cookie: cookie.split(';')[0]!,
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
    expect(server.inbox.db.get(ids.Mallory!)?.status).toBe('pending');
  });

  test('when git refuses the commit, the comment stays pending, its file is taken back, and the reason is kept', async () => {
    const repo = join(server.dir, 'content');
    spawnSync('git', ['init', '--quiet', repo]);
    spawnSync('git', ['-C', repo, 'config', 'user.name', 'Inbox Test']);
    spawnSync('git', ['-C', repo, 'config', 'user.email', 'inbox@test.example']);
    mkdirSync(join(repo, '.git', 'hooks'), { recursive: true });
    writeFileSync(join(repo, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\necho "no commits today" >&2\nexit 1\n', {
      mode: 0o755,
    });
    const config = { ...server.config, COMMENTS_GIT_COMMIT: true };
    const { approveComment } = await import('../../src/inbox/moderate.ts');
    const result = await approveComment(server.inbox.db, config, ids.Git!);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/git refused.*no commits today/s);
    expect(server.inbox.db.get(ids.Git!)).toMatchObject({
      status: 'pending',
      lastError: expect.stringMatching(/git refused/),
    });
    expect(existsSync(join(server.config.COMMENTS_CONTENT_DIR, OPEN_POST, `${ids.Git}.md`))).toBe(false);

    // Once git takes commits again, the same approval goes through and is committed.
    rmSync(join(repo, '.git', 'hooks', 'pre-commit'));
    expect((await approveComment(server.inbox.db, config, ids.Git!)).ok).toBe(true);
    const log = spawnSync('git', ['-C', repo, '-c', 'core.quotePath=false', 'log', '--name-only', '--format=%s'], {
      encoding: 'utf8',
    }).stdout;
    expect(log).toContain(`Comment by Git Refused on ${OPEN_POST}`);
    expect(log).toContain(`comments/${OPEN_POST}/${ids.Git}.md`);
    expect(server.inbox.db.get(ids.Git!)).toMatchObject({ status: 'approved', lastError: null });
  });

  test('when the file cannot be written, the comment stays pending and says why', async () => {
    // The post's folder is taken by a file: writing under it fails as a full or broken disk would.
    mkdirSync(server.config.COMMENTS_CONTENT_DIR, { recursive: true });
    writeFileSync(join(server.config.COMMENTS_CONTENT_DIR, 'shiatsu-指圧'), 'in the way');
    const { approveComment } = await import('../../src/inbox/moderate.ts');
    const result = await approveComment(server.inbox.db, server.config, ids.Disk!);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/could not write .*shiatsu-指圧/);
    expect(server.inbox.db.get(ids.Disk!)?.status).toBe('pending');
  });
});

describe('the comment inbox, notification', () => {
  test('each new comment is emailed to the owner through SMTP; spam is not', async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push(text);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    const server = await start({
      COMMENTS_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      COMMENTS_NOTIFY_TO: 'owner@blog.example',
      COMMENTS_NOTIFY_FROM: 'inbox@blog.example',
    });
    try {
      await send(server, { author: 'Ann', body: 'Tell the owner, please.' });
      await send(server, { author: 'Spammer', body: 'Spam body words here', fax: 'x' });
      for (let wait = 0; wait < 50 && received.length === 0; wait++) await sleep(100);
      await sleep(200);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatch(/To: owner@blog\.example/);
      expect(received[0]).toMatch(/Tell the owner, please\./);
    } finally {
      await server.inbox.close();
      server.remove();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
