import { createHash, createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { createCommentId } from '../lib/comment-file.ts';
import { commentManifestSchema, type CommentManifest } from '../lib/comment-manifest.ts';
import {
  checkSubmission,
  detectSpam,
  FORM_BODY_LIMIT_BYTES,
  FORM_HEADER_LIMIT_BYTES,
  fingerprintComment,
  toDraft,
  type CommentDraft,
  type FieldErrors,
} from '../lib/comment-submission.ts';
import { checkFormToken, createFormToken } from '../lib/form-token.ts';
import type { InboxConfig } from '../lib/inbox-config.ts';
import { verifyPassword } from '../lib/password.ts';
import { InboxDb, type CommentStatus } from './db.ts';
import { approveComment, decideComment } from './moderate.ts';
import type * as Pages from './pages.ts';

let pagesModule: Promise<typeof Pages> | undefined;
/**
 * The inbox's page templates, loaded on first use: they bring the HTML tree and Markdown libraries,
 * a third of the start-up time, which a restarted inbox should spend taking comments instead.
 */
const loadPages = () => (pagesModule ??= import('./pages.ts'));

/** The largest form post accepted, in bytes (see FORM_BODY_LIMIT_BYTES). */
export const BODY_LIMIT = FORM_BODY_LIMIT_BYTES;
/** The largest request head (request line and headers), in bytes; a larger one gets 431. */
export const HEADER_LIMIT = FORM_HEADER_LIMIT_BYTES;
/** Answers on one connection before the inbox closes it, so that waiting connections get their turn. */
const REQUESTS_PER_CONNECTION = 10;
/** How often, at most, the manifest file is looked at for a newer build, in milliseconds. */
const MANIFEST_CHECK_MS = 1000;
const SESSION_COOKIE = 'inbox_session';
const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

class HttpProblem extends Error {
  readonly statusCode: number;
  readonly title: string;

  constructor(statusCode: number, title: string, message: string) {
    super(message);
    this.statusCode = statusCode;
    this.title = title;
  }
}

/**
 * Why the inbox cannot start: a sentence for the owner naming the file or setting and the fix.
 * scripts/comments-serve.ts prints it and exits with status 2.
 */
export class InboxStartError extends Error {}

/**
 * Reads the build's comment manifest, throwing an InboxStartError that names the file and the fix
 * when it is missing, unreadable, not JSON, or not a manifest of this version.
 */
export function readManifest(path: string): CommentManifest {
  const rebuild = `build the site (npm run build writes dist/comments-manifest.json) or set COMMENTS_MANIFEST to the manifest the build wrote`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'cannot be read (permission denied)'
          : code === 'EISDIR'
            ? 'is a folder, not a file'
            : `cannot be read (${code ?? (error as Error).message})`;
    throw new InboxStartError(`${path}: the comment manifest ${why}; ${rebuild}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InboxStartError(
      `${path}: the comment manifest is not valid JSON (${(error as Error).message}); ${rebuild}.`,
    );
  }
  const parsed = commentManifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InboxStartError(
      `${path}: ${issue.path.join('.') || 'the file'}: ${issue.message}. This is not a comment manifest this version of the inbox understands; rebuild the site with this version of the project (npm run build writes dist/comments-manifest.json).`,
    );
  }
  return parsed.data;
}

/**
 * The build's manifest, read at start (an InboxStartError if it cannot be) and read again when the
 * file changes (after each rebuild; looked at no more than once a second). A manifest that breaks
 * later, say half-written by a rebuild or deleted with dist/, is logged once and the last good copy
 * stays in use: readers are never turned away because of the owner's build.
 */
function createManifestSource(path: string, log: (message: string) => void): () => CommentManifest {
  let current = { mtimeMs: statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0, manifest: readManifest(path) };
  let checkedAt = Date.now();
  let lastProblem: string | undefined;
  return () => {
    const now = Date.now();
    if (now - checkedAt < MANIFEST_CHECK_MS) return current.manifest;
    checkedAt = now;
    try {
      const { mtimeMs } = statSync(path);
      if (mtimeMs !== current.mtimeMs) current = { mtimeMs, manifest: readManifest(path) };
      lastProblem = undefined;
    } catch (error) {
      const message = error instanceof InboxStartError ? error.message : `${path}: ${(error as Error).message}`;
      if (message !== lastProblem) log(`${message} The inbox goes on with the manifest it read before.`);
      lastProblem = message;
    }
    return current.manifest;
  };
}

/**
 * Parses an application/x-www-form-urlencoded body strictly: the bytes must be UTF-8 and every
 * percent-escape must decode to UTF-8 (browsers send both for an accept-charset="utf-8" form), else
 * a 400. The first value of a repeated field counts.
 */
function parseFormBody(body: Buffer): Record<string, string> {
  if (!isUtf8(body))
    throw new HttpProblem(
      400,
      'This text is not in UTF-8',
      'The form arrived in a character encoding other than UTF-8, so it could not be read. Send it from the form on the site.',
    );
  const fields: Record<string, string> = {};
  for (const pair of body.toString('utf8').split('&')) {
    if (pair === '') continue;
    const [name = '', value = ''] = pair.split(/=(.*)/s);
    let key: string;
    let text: string;
    try {
      key = decodeURIComponent(name.replaceAll('+', ' '));
      text = decodeURIComponent(value.replaceAll('+', ' '));
    } catch {
      throw new HttpProblem(
        400,
        'This text is not in UTF-8',
        'Part of the form was not valid UTF-8 text, so it could not be read. Send it from the form on the site.',
      );
    }
    if (!(key in fields)) fields[key] = text;
  }
  return fields;
}

export interface InboxServer {
  app: FastifyInstance;
  db: InboxDb;
  /** Stops taking requests and closes the database. */
  close(): Promise<void>;
}

/**
 * The comment inbox: takes the site's comment form posts, checks them against the build's
 * manifest and the spam rules, stores them (committed to SQLite before the reader is answered), and
 * serves the moderation pages. Listening is the caller's (app.listen).
 */
export async function createInboxServer(
  config: InboxConfig,
  log: (message: string) => void = console.error,
): Promise<InboxServer> {
  // Before the database: a missing manifest stops the start with a sentence, not a stack trace.
  const manifest = createManifestSource(config.COMMENTS_MANIFEST, log);
  const db = new InboxDb(config.COMMENTS_DB);
  // Comments are committed in a worker thread: the disk syncs never hold up requests and accepts.
  await db.startWriter();
  const secret =
    config.COMMENTS_SECRET ?? db.getOrCreateSetting('form-secret', () => randomBytes(32).toString('base64url'));
  const siteUrl = () => config.COMMENTS_SITE_URL ?? manifest().site;
  // nodemailer is loaded only when email is set up.
  const notifier =
    config.COMMENTS_SMTP_URL && config.COMMENTS_NOTIFY_TO
      ? (await import('./notify.ts')).createNotifier(config, log)
      : undefined;
  const timeoutMs = config.COMMENTS_REQUEST_TIMEOUT_SECONDS * 1000;
  // Addresses are only ever kept as this salted hash, in the rate limiter's memory, for one window;
  // the salt is new at each start.
  // (A KeyObject made once: making one from raw bytes at every request was a tenth of the CPU time.)
  const ipSalt = createSecretKey(randomBytes(32));
  const hashIp = (ip: string) => createHmac('sha256', ipSalt).update(ip).digest('base64url').slice(0, 22);
  const hashSession = (token: string) => createHash('sha256').update(token).digest('base64url');
  const tokenRules = { minFillMs: config.COMMENTS_MIN_FILL_SECONDS * 1000, maxAgeMs: 24 * 60 * 60 * 1000 };

  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    trustProxy: config.COMMENTS_TRUST_PROXY,
    requestTimeout: timeoutMs,
    // Idle keep-alive connections close after this; a slow request is cut off by requestTimeout.
    keepAliveTimeout: 5000,
    http: {
      maxHeaderSize: HEADER_LIMIT,
      headersTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      connectionsCheckingInterval: Math.min(1000, timeoutMs / 2),
    },
    logger: false,
  });

  // helmet's middleware made once and applied to every answer. (@fastify/helmet builds it again
  // for each request, which cost more CPU than storing the comment.)
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        // After sending, the reader is redirected to the site: form-action covers that redirect.
        formAction: ["'self'", new URL(siteUrl()).origin],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        // The inbox may run on http://127.0.0.1 behind a proxy: never rewrite its own form's address.
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
    // Not no-referrer: with it, browsers send "Origin: null" on form posts, which the origin check refuses.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );
  await app.register(cookie);
  await app.register(rateLimit, { global: false, keyGenerator: (request) => hashIp(request.ip) });

  // Fairness between connections. Node (libuv) accepts one new connection per turn of its event
  // loop, so under load a few busy keep-alive connections could keep newcomers waiting in the
  // queue for many seconds (the timeouts the load test once saw). After REQUESTS_PER_CONNECTION
  // answers a connection is closed ("Connection: close"); its client reconnects behind those waiting.
  const answered = new WeakMap<object, number>();
  app.addHook('onSend', (request, reply, payload, done) => {
    const socket = request.raw.socket;
    const count = (answered.get(socket) ?? 0) + 1;
    answered.set(socket, count);
    if (count >= REQUESTS_PER_CONNECTION) void reply.header('Connection', 'close');
    done(null, payload);
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer', bodyLimit: BODY_LIMIT },
    (_request, body, done) => {
      try {
        done(null, parseFormBody(body as Buffer));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );

  const sendHtml = async (reply: FastifyReply, status: number, render: (pages: typeof Pages) => string) => {
    const html = render(await loadPages());
    return reply.code(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(html);
  };

  const formPage = (reply: FastifyReply, status: number, draft: CommentDraft, errors: FieldErrors, preview = false) => {
    const post = draft.post ? manifest().posts.find((candidate) => candidate.id === draft.post) : undefined;
    const token = post ? createFormToken(secret, post.id, Date.now()) : undefined;
    return sendHtml(reply, status, (pages) =>
      pages.renderFormPage({ post, siteUrl: siteUrl(), draft, errors, token, preview }),
    );
  };

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof HttpProblem) {
      return sendHtml(reply, error.statusCode, (pages) =>
        pages.renderProblemPage(error.title, error.message, siteUrl()),
      );
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendHtml(reply, 413, (pages) =>
        pages.renderProblemPage(
          'Your comment is too long',
          `The form can carry at most ${BODY_LIMIT / 1024} KB. Go back (your browser keeps what you wrote), shorten the comment and send it again.`,
          siteUrl(),
        ),
      );
    }
    if (error.statusCode === 429) {
      const draft = toDraft((request.body ?? {}) as Record<string, unknown>);
      if (request.url.startsWith('/comments') && draft.post) {
        return formPage(reply, 429, draft, {
          form: 'Too many comments have come from your network in a short time. Wait a few minutes, then send this one again; your words are kept below.',
        });
      }
      return sendHtml(reply, 429, (pages) =>
        pages.renderProblemPage('Too many attempts', 'Wait a few minutes, then try again.', siteUrl()),
      );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendHtml(reply, error.statusCode, (pages) =>
        pages.renderProblemPage('The request could not be read', error.message, siteUrl()),
      );
    }
    log(`inbox error on ${request.method} ${request.url}: ${error.stack ?? error.message}`);
    return sendHtml(reply, 500, (pages) =>
      pages.renderProblemPage(
        'Something went wrong',
        'The comment inbox could not take this request. Try again in a minute.',
        siteUrl(),
      ),
    );
  });
  app.setNotFoundHandler((_request, reply) =>
    sendHtml(reply, 404, (pages) =>
      pages.renderProblemPage('Not found', 'There is nothing at this address of the comment inbox.', siteUrl()),
    ),
  );

  app.get('/inbox.css', async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('Cache-Control', 'public, max-age=3600')
      .send((await loadPages()).INBOX_CSS),
  );
  // Once listening, load the page templates in the background, ready for the first page asked for.
  app.server.once('listening', () => setImmediate(() => void loadPages()));
  app.get('/health', () => ({ ok: true }));

  /** A cross-site post must come from the site's own pages (or this inbox's); absent Origin is allowed. */
  const checkOrigin = (request: FastifyRequest, allowSite: boolean) => {
    const origin = request.headers.origin;
    if (origin === undefined) return;
    const own = `${request.protocol}://${request.host}`;
    if (origin === own || (allowSite && origin === new URL(siteUrl()).origin)) return;
    throw new HttpProblem(
      403,
      'Sent from another site',
      'This form was sent from a page that is not part of the site, so it was refused.',
    );
  };

  // The form page for a reply (the site's Reply links open it), with a fresh token.
  app.get<{ Querystring: { post?: string; replyTo?: string } }>('/comments', (request, reply) => {
    const { post: postId, replyTo } = request.query;
    const post = manifest().posts.find((candidate) => candidate.id === postId);
    if (!post)
      return sendHtml(reply, 404, (pages) =>
        pages.renderProblemPage('No such post', 'There is no post here to comment on; it may have moved.', siteUrl()),
      );
    const errors: FieldErrors = {};
    if (post.comments === 'closed') errors.form = 'Comments on this post are closed.';
    else if (replyTo && !post.commentIds.includes(replyTo) && !db.isApproved(post.id, replyTo)) {
      return sendHtml(reply, 404, (pages) =>
        pages.renderProblemPage(
          'No such comment',
          'The comment you want to answer is not on this post; it may have been removed.',
          new URL(post.path, siteUrl()).href,
        ),
      );
    }
    const token = createFormToken(secret, post.id, Date.now());
    const draft: CommentDraft = { post: post.id, ...(replyTo ? { replyTo } : {}) };
    return sendHtml(reply, post.comments === 'closed' ? 403 : 200, (pages) =>
      pages.renderFormPage({ post, siteUrl: siteUrl(), draft, errors, token, preview: false, replyingTo: replyTo }),
    );
  });

  app.post(
    '/comments',
    {
      config: {
        rateLimit: {
          max: config.COMMENTS_RATE_LIMIT,
          timeWindow: config.COMMENTS_RATE_WINDOW_SECONDS * 1000,
          // After the body is read, so a limited reader still gets the page with their words.
          hook: 'preHandler',
          // A post without a token only asks for the preview page; nothing is stored.
          allowList: (request: FastifyRequest) => !(request.body as Record<string, unknown> | undefined)?.token,
        },
      },
    },
    async (request, reply) => {
      checkOrigin(request, true);
      const fields = (request.body ?? {}) as Record<string, unknown>;
      const draft = toDraft(fields);
      const check = checkSubmission(fields, manifest(), (post, id) => db.isApproved(post, id));
      if (!check.ok) return formPage(reply, check.status, draft, check.errors);
      const { comment, post } = check;
      const token = checkFormToken(secret, comment.token, post.id, Date.now(), tokenRules);
      if (!token.ok) {
        // The site's own form carries no token: its first post shows the preview, with one.
        if (token.reason === 'missing') return formPage(reply, 200, draft, {}, true);
        const why = {
          invalid: 'This form was not one the site made. Check your comment and send it again.',
          'too-fast': 'That was sent quicker than a person types. Check your comment and send it again.',
          expired: 'This form was open for more than a day. Check your comment and send it again.',
        }[token.reason];
        return formPage(reply, token.reason === 'invalid' ? 400 : 422, draft, { form: why }, true);
      }
      const spam = detectSpam(comment);
      const stored = {
        id: createCommentId(new Date()),
        post: post.id,
        replyTo: comment.replyTo ?? null,
        author: comment.author,
        email: comment.email ?? null,
        website: comment.website ?? null,
        body: comment.body,
        createdAt: new Date().toISOString(),
        status: (spam ? 'spam' : 'pending') as CommentStatus,
        spamReason: spam ?? null,
      };
      // Committed (synchronous=FULL, with the others arriving meanwhile) before the reader is
      // answered; a resend of the same comment is answered the same way and stored once.
      const isNew = await db.insertCommentSoon(stored, fingerprintComment(comment));
      if (isNew && !spam && notifier) void notifier.notify({ ...stored, decidedAt: null, file: null, lastError: null });
      return reply
        .code(303)
        .header('Cache-Control', 'no-store')
        .redirect(new URL(post.received ?? `${post.path}#comment-sent`, siteUrl()).href, 303);
    },
  );

  // Moderation: behind a password, if one is set.
  const passwordHash = config.COMMENTS_ADMIN_PASSWORD_HASH;
  const signedIn = (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    return token !== undefined && db.hasSession(hashSession(token));
  };
  const requireSession = (request: FastifyRequest, reply: FastifyReply) => {
    if (!passwordHash)
      throw new HttpProblem(
        404,
        'Not found',
        'Moderation is done with npm run comments; this inbox has no moderation page (no password is set).',
      );
    if (!signedIn(request)) {
      void reply.redirect('/moderate/login', 303);
      return false;
    }
    return true;
  };

  app.get('/moderate/login', (_request, reply) => {
    if (!passwordHash)
      throw new HttpProblem(404, 'Not found', 'This inbox has no moderation page (no password is set).');
    return sendHtml(reply, 200, (pages) => pages.renderLoginPage());
  });
  app.post(
    '/moderate/login',
    { config: { rateLimit: { max: config.COMMENTS_LOGIN_LIMIT, timeWindow: 15 * 60 * 1000 } } },
    async (request, reply) => {
      if (!passwordHash)
        throw new HttpProblem(404, 'Not found', 'This inbox has no moderation page (no password is set).');
      checkOrigin(request, false);
      const password = (request.body as Record<string, string> | undefined)?.password ?? '';
      if (!(await verifyPassword(password, passwordHash)))
        return sendHtml(reply, 401, (pages) => pages.renderLoginPage('That password is not right.'));
      const token = db.createSession(hashSession, SESSION_LIFETIME_MS);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        secure: true,
        sameSite: 'strict',
        path: '/moderate',
        maxAge: SESSION_LIFETIME_MS / 1000,
      });
      return reply.redirect('/moderate', 303);
    },
  );
  app.post('/moderate/logout', (request, reply) => {
    checkOrigin(request, false);
    const token = request.cookies[SESSION_COOKIE];
    if (token) db.deleteSession(hashSession(token));
    reply.clearCookie(SESSION_COOKIE, { path: '/moderate' });
    return reply.redirect('/moderate/login', 303);
  });
  app.get<{ Querystring: { status?: string; notice?: string } }>('/moderate', (request, reply) => {
    if (!requireSession(request, reply)) return reply;
    const status =
      (['pending', 'spam', 'approved', 'rejected'] as const).find((name) => name === request.query.status) ?? 'pending';
    return sendHtml(reply, 200, (pages) =>
      pages.renderModerationList(db.list(status), status, db.counts(), request.query.notice),
    );
  });
  app.get<{ Params: { id: string } }>('/moderate/comments/:id', (request, reply) => {
    if (!requireSession(request, reply)) return reply;
    const comment = db.get(request.params.id);
    if (!comment) throw new HttpProblem(404, 'No such comment', `There is no comment ${request.params.id}.`);
    return sendHtml(reply, 200, (pages) => pages.renderModerationComment(comment));
  });
  app.post<{ Params: { id: string; action: string } }>('/moderate/comments/:id/:action', async (request, reply) => {
    if (!requireSession(request, reply)) return reply;
    checkOrigin(request, false);
    const { id, action } = request.params;
    const result =
      action === 'approve'
        ? await approveComment(db, config, id)
        : action === 'reject' || action === 'spam'
          ? decideComment(db, id, action === 'reject' ? 'rejected' : 'spam')
          : undefined;
    if (!result) throw new HttpProblem(404, 'Not found', `"${action}" is not something a comment can be.`);
    return reply.redirect(`/moderate?notice=${encodeURIComponent(result.message)}`, 303);
  });

  return {
    app,
    db,
    async close() {
      await app.close();
      notifier?.close();
      await db.stopWriter();
      db.close();
    },
  };
}
