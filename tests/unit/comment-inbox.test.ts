import { describe, expect, test } from 'vitest';
import { createCommentId, getCommentFilePath, renderCommentFile } from '../../src/lib/comment-file.ts';
import type { CommentManifest } from '../../src/lib/comment-manifest.ts';
import { checkSubmission, countLinks, detectSpam, fingerprintComment } from '../../src/lib/comment-submission.ts';
import { getFormActionSources, getReplyUrl, resolveCommentChannel } from '../../src/lib/comments.ts';
import { checkFormToken, createFormToken } from '../../src/lib/form-token.ts';
import { parseInboxConfig } from '../../src/lib/inbox-config.ts';
import { hashPassword, verifyPassword } from '../../src/lib/password.ts';
import { commentSchema } from '../../src/lib/schemas.ts';
import { getSecurityHeaders } from '../../src/lib/security-headers.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';

const manifest: CommentManifest = {
  version: 1,
  site: 'https://blog.example/',
  posts: [
    { id: 'deep-tissue', title: 'Deep tissue', path: '/posts/deep-tissue/', comments: 'open', commentIds: ['01-ann'] },
    { id: 'closed-one', title: 'Closed', path: '/posts/closed-one/', comments: 'closed', commentIds: [] },
  ],
};

describe('resolveCommentChannel', () => {
  const mailto = { mode: 'mailto', address: 'c@blog.example' } as const;

  test('COMMENTS_INBOX_URL switches the inbox on whatever the settings say', () => {
    expect(resolveCommentChannel(mailto, 'https://inbox.blog.example')).toEqual({
      mode: 'inbox',
      url: 'https://inbox.blog.example/',
    });
  });

  test('without the variable the settings decide', () => {
    expect(resolveCommentChannel(mailto, undefined)).toBe(mailto);
    expect(resolveCommentChannel(mailto, '  ')).toBe(mailto);
  });

  test('a variable that is not a web address stops the build with a sentence naming it', () => {
    expect(() => resolveCommentChannel(mailto, 'inbox.example')).toThrow(
      /COMMENTS_INBOX_URL="inbox.example" is not a web address/,
    );
    expect(() => resolveCommentChannel(mailto, 'javascript:alert(1)')).toThrow(/not a web address/);
  });

  test('the CSP form-action allows exactly the site and the inbox origin', () => {
    const channel = resolveCommentChannel(mailto, 'https://inbox.blog.example:8443/sub/path/');
    expect(getSecurityHeaders([], getFormActionSources(channel))['Content-Security-Policy']).toContain(
      "form-action 'self' https://inbox.blog.example:8443;",
    );
    expect(getSecurityHeaders([], getFormActionSources(mailto))['Content-Security-Policy']).toContain(
      "form-action 'self';",
    );
  });

  test('a reply link opens the inbox form for that comment', () => {
    expect(getReplyUrl('https://blog.example/inbox', 'deep-tissue', '01-ann')).toBe(
      'https://blog.example/inbox/comments?post=deep-tissue&replyTo=01-ann#comment-form',
    );
  });
});

describe('checkSubmission', () => {
  const base = { post: 'deep-tissue', author: 'Ann', body: 'Thanks, this helped my calves.' };

  test('a good comment passes, with empty optional fields left out and a bare website read as https', () => {
    const result = checkSubmission({ ...base, email: '', website: 'ann.example', replyTo: '' }, manifest);
    expect(result.ok && result.comment).toMatchObject({
      author: 'Ann',
      website: 'https://ann.example/',
      email: undefined,
      replyTo: undefined,
    });
  });

  test('a name sent with bidi controls is stored without them (an override would turn the feed title after it around); a name of controls alone is refused', () => {
    const result = checkSubmission({ ...base, author: 'Ann\u202E' }, manifest);
    expect(result.ok && result.comment.author).toBe('Ann');
    const none = checkSubmission({ ...base, author: '\u202E\u2066' }, manifest);
    expect(!none.ok && Object.keys(none.errors)).toContain('author');
  });

  test.each([
    ['an unknown post', { post: 'nope' }, 404, 'form'],
    ['a closed post', { post: 'closed-one' }, 403, 'form'],
    ['a path-like post', { post: '../secrets' }, 400, 'post'],
    ['a dot file post', { post: '.git' }, 400, 'post'],
    ['a reply to a missing comment', { replyTo: '02-gone' }, 404, 'replyTo'],
    ['a path-like reply', { replyTo: '../x' }, 400, 'replyTo'],
    ['an empty body', { body: ' \n' }, 422, 'body'],
    ['a name of 81 letters', { author: 'A'.repeat(81) }, 422, 'author'],
    ['a javascript: website', { website: 'javascript:alert(1)' }, 422, 'website'],
  ])('%s is refused', (_name, change, status, field) => {
    const result = checkSubmission({ ...base, ...change }, manifest);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.status).toBe(status);
      expect(Object.keys(result.errors)).toContain(field);
    }
  });

  test('a reply to a comment approved since the last build is accepted', () => {
    expect(
      checkSubmission(
        { ...base, replyTo: 'new-one' },
        manifest,
        (post, id) => post === 'deep-tissue' && id === 'new-one',
      ).ok,
    ).toBe(true);
  });

  test('links are counted in every form a spammer writes them', () => {
    expect(countLinks('see https://a.example and [b](http://b.example), www.c.example, mailto:d@e.example')).toBe(4);
    expect(countLinks('no links: example dot com')).toBe(0);
  });

  test('a honeypot or a bare link is spam; a person with one link is not', () => {
    const check = (fields: Record<string, string>) => {
      const result = checkSubmission({ ...base, ...fields }, manifest);
      if (!result.ok) throw new Error('invalid');
      return detectSpam(result.comment);
    };
    expect(check({ fax: '555-0100' })).toMatch(/hidden field/);
    expect(check({ body: 'https://pills.example' })).toMatch(/links/);
    expect(check({ body: 'I wrote more on this at https://ann.example/calves, with photos.' })).toBeUndefined();
  });

  test('a resend with other spacing or case has the same fingerprint', () => {
    expect(fingerprintComment({ ...base, body: 'Thanks,  THIS helped\nmy calves.' })).toBe(fingerprintComment(base));
    expect(fingerprintComment({ ...base, author: 'Bo' })).not.toBe(fingerprintComment(base));
  });
});

describe('form tokens', () => {
  const rules = { minFillMs: 3000, maxAgeMs: 86_400_000 };
  const now = 1_780_000_000_000;

  test('a token is good for its post after the minimum fill time and until it expires', () => {
    const token = createFormToken('s3cret-s3cret-s3cret', 'deep-tissue', now);
    expect(checkFormToken('s3cret-s3cret-s3cret', token, 'deep-tissue', now + 5000, rules)).toEqual({ ok: true });
    expect(checkFormToken('s3cret-s3cret-s3cret', token, 'deep-tissue', now + 1000, rules)).toEqual({
      ok: false,
      reason: 'too-fast',
    });
    expect(checkFormToken('s3cret-s3cret-s3cret', token, 'deep-tissue', now + 90_000_000, rules)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  test('a token for another post, with another key or tampered with is invalid', () => {
    const token = createFormToken('s3cret-s3cret-s3cret', 'deep-tissue', now);
    expect(checkFormToken('s3cret-s3cret-s3cret', token, 'closed-one', now + 5000, rules).ok).toBe(false);
    expect(checkFormToken('other-other-other-other', token, 'deep-tissue', now + 5000, rules).ok).toBe(false);
    expect(
      checkFormToken('s3cret-s3cret-s3cret', token.replace('v1.', 'v1.1'), 'deep-tissue', now + 5000, rules).ok,
    ).toBe(false);
    expect(checkFormToken('s3cret-s3cret-s3cret', undefined, 'deep-tissue', now, rules)).toEqual({
      ok: false,
      reason: 'missing',
    });
  });
});

describe('comment files', () => {
  test('an id is the UTC arrival time and six base-32 characters', () => {
    expect(createCommentId(new Date('2026-11-29T14:32:05.123Z'), Buffer.from([0, 1, 2, 3, 31, 32]))).toBe(
      '20261129-143205-abcd7a',
    );
  });

  test('the file is read back by the build schema with the fields as sent and no email', () => {
    const text = renderCommentFile({
      id: 'x',
      post: 'deep-tissue',
      author: 'Zoë: "the reader" #1',
      date: new Date('2026-11-29T14:32:05.123Z'),
      website: 'https://zoe.example/',
      replyTo: '02',
      body: '---\nnot: frontmatter\n---\n<script>x</script>',
    });
    const { data, body } = parseFrontmatter(text);
    const parsed = commentSchema('Europe/London').parse(data);
    expect(parsed).toMatchObject({ author: 'Zoë: "the reader" #1', website: 'https://zoe.example/', replyTo: '02' });
    expect(parsed.date.toISOString()).toBe('2026-11-29T14:32:05.123Z');
    expect(body.trim()).toBe('---\nnot: frontmatter\n---\n<script>x</script>');
    expect(text).not.toMatch(/email/);
  });

  test('a path outside the comments folder is refused', () => {
    expect(getCommentFilePath('/srv/blog/content/comments', 'deep-tissue', '01-ann')).toBe(
      '/srv/blog/content/comments/deep-tissue/01-ann.md',
    );
    for (const [post, id] of [
      ['..', 'x'],
      ['../..', 'x'],
      ['a/b', 'x'],
      ['ok', '../x'],
      ['ok', '..'],
      ['.git', 'x'],
    ]) {
      expect(() => getCommentFilePath('/srv/blog/content/comments', post!, id!)).toThrow(/refusing/);
    }
  });
});

describe('inbox settings', () => {
  test('defaults are documented values', () => {
    expect(parseInboxConfig({})).toMatchObject({
      PORT: 8787,
      HOST: '127.0.0.1',
      COMMENTS_DB: 'comments-inbox.sqlite',
      COMMENTS_RATE_LIMIT: 5,
      COMMENTS_GIT_COMMIT: false,
    });
  });

  test('the environment wins over the file, and bad values are named', () => {
    expect(
      parseInboxConfig({ PORT: '9000' }, { path: 'inbox.json', values: { PORT: 1, HOST: '0.0.0.0' } }),
    ).toMatchObject({ PORT: 9000, HOST: '0.0.0.0' });
    expect(() => parseInboxConfig({ PORT: 'eighty' })).toThrow(/environment: PORT:/);
    expect(() => parseInboxConfig({}, { path: 'inbox.json', values: { PROT: 1 } })).toThrow(
      /inbox.json: PROT: not a setting/,
    );
  });
});

describe('moderation password', () => {
  test('scrypt hashes verify the right password only', async () => {
    const hash = hashPassword('Passwort mit Ümlauten');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('Passwort mit Ümlauten', hash)).toBe(true);
    expect(await verifyPassword('passwort mit ümlauten', hash)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('renderNginxInboxServer', () => {
  test('proxies to the inbox with its body cap and timeouts, replacing X-Forwarded-For', async () => {
    const { renderNginxInboxServer } = await import('../../src/lib/security-headers.ts');
    const block = renderNginxInboxServer({
      upstream: 'http://127.0.0.1:8787',
      port: 80,
      serverName: 'comments.blog.example',
    });
    expect(block).toContain('server_name comments.blog.example;');
    expect(block).toContain('client_max_body_size 32k;');
    expect(block).toContain('large_client_header_buffers 4 8k;');
    expect(block).toContain('proxy_pass http://127.0.0.1:8787;');
    expect(block).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(block).not.toContain('$proxy_add_x_forwarded_for');
  });
});
