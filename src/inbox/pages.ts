import type { ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { ManifestPost } from '../lib/comment-manifest.ts';
import { HONEYPOT_FIELD, MAX_COMMENT_CHARS, type CommentDraft, type FieldErrors } from '../lib/comment-submission.ts';
import { renderCommentMarkdown } from '../lib/comments.ts';
import type { StoredComment } from './db.ts';

/*
 * The inbox's own pages, built as HTML trees (hastscript) and serialised by hast-util-to-html, so
 * every string a reader sent is escaped as text. The only markup taken as is comes from
 * renderCommentMarkdown, the site's sanitiser.
 */

export const INBOX_CSS = `
:root { color-scheme: light dark; --text: light-dark(#1d2420, #e6ebe7); --bg: light-dark(#fbfaf6, #121614);
  --muted: light-dark(#4f5953, #a9b4ae); --accent: light-dark(#2b6b57, #8fd3b8); --error: light-dark(#a4271b, #ff9c8f);
  --soft: light-dark(#f2efe7, #1b211e); }
body { margin: 0; font: 1.0625rem/1.6 system-ui, sans-serif; color: var(--text); background: var(--bg); }
main { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
label { font-weight: 600; display: block; }
.field { display: grid; gap: .25rem; margin: 0 0 1rem; }
input, textarea { width: 100%; box-sizing: border-box; font: inherit; padding: .45rem .6rem; color: var(--text);
  background: var(--bg); border: 1px solid var(--muted); border-radius: .5rem; }
[aria-invalid="true"] { border: 2px solid var(--error); }
.error { color: var(--error); font-weight: 600; margin: 0; }
.summary { border: 3px solid var(--error); padding: .5rem 1rem; border-radius: .5rem; margin-bottom: 1.5rem; }
.meta { color: var(--muted); font-size: .9375rem; font-weight: 400; }
.preview, .comment { background: var(--soft); padding: .5rem 1rem; border-radius: .5rem; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
button { font: 600 1rem/1.2 system-ui, sans-serif; padding: .55em 1em; border-radius: 999px; border: 1px solid var(--accent);
  background: var(--accent); color: var(--bg); cursor: pointer; }
.trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--muted); vertical-align: top; }
.actions { display: flex; gap: .5rem; flex-wrap: wrap; } .actions form { margin: 0; }
`;

function page(title: string, content: ElementContent[]): string {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'robots', content: 'noindex' }),
          h('title', title),
          h('link', { rel: 'stylesheet', href: '/inbox.css' }),
        ]),
        h('body', [h('main', content)]),
      ]),
    ],
  };
  // Raw nodes hold only renderCommentMarkdown's sanitised output.
  return toHtml(tree, { allowDangerousHtml: true });
}

const raw = (html: string): ElementContent => ({ type: 'raw', value: html }) as unknown as ElementContent;

export interface FormPageOptions {
  post: ManifestPost | undefined;
  siteUrl: string;
  draft: CommentDraft;
  errors: FieldErrors;
  /** A fresh form token for the post. */
  token: string | undefined;
  /** Show the rendered comment and a Send button (the first post from the site's form). */
  preview: boolean;
  /** The comment being answered, when known. */
  replyingTo?: string | undefined;
}

const FIELDS = [
  { name: 'author', label: 'Name', hint: 'shown with your comment', type: 'text', autocomplete: 'name', max: 80 },
  { name: 'email', label: 'Email', hint: 'optional, never shown', type: 'email', autocomplete: 'email', max: 254 },
  {
    name: 'website',
    label: 'Website',
    hint: 'optional, linked from your name',
    type: 'text',
    autocomplete: 'url',
    max: 300,
  },
] as const;

/**
 * The comment form as the inbox serves it: for a reply, as a preview before sending, or again
 * after an error, with what the reader wrote kept in every field and each problem named beside its
 * field and in a summary at the top.
 */
export function renderFormPage(options: FormPageOptions): string {
  const { post, siteUrl, draft, errors, token, preview, replyingTo } = options;
  const problems = Object.entries(errors) as [keyof FieldErrors, string][];
  const postLink = post ? new URL(post.path, siteUrl).href : siteUrl;
  const heading =
    problems.length > 0
      ? 'Your comment was not sent yet'
      : preview
        ? 'Check your comment, then send it'
        : replyingTo
          ? `Reply to ${replyingTo}`
          : 'Leave a comment';
  const describedBy = (name: string) => (errors[name as keyof FieldErrors] ? `${name}-error` : undefined);
  const errorLine = (name: string) =>
    errors[name as keyof FieldErrors]
      ? [h('p.error', { id: `${name}-error` }, `Error: ${errors[name as keyof FieldErrors]}`)]
      : [];
  const canSend = post !== undefined && post.comments === 'open' && token !== undefined;
  const content: ElementContent[] = [
    h('h1', heading),
    h(
      'p',
      [post ? ['On ', h('a', { href: postLink }, post.title)] : h('a', { href: siteUrl }, 'Back to the site')].flat(),
    ),
  ];
  if (problems.length > 0) {
    content.push(
      h('div.summary', { role: 'alert', 'aria-labelledby': 'summary-heading' }, [
        h('h2#summary-heading', 'There is a problem'),
        h(
          'ul',
          problems.map(([field, message]) =>
            h('li', field === 'form' || field === 'post' ? message : h('a', { href: `#comment-${field}` }, message)),
          ),
        ),
        h('p', 'Everything you wrote is kept below.'),
      ]),
    );
  }
  if (preview && problems.length === 0 && draft.body) {
    content.push(
      h('h2', 'How it will look'),
      h('div.preview', [h('p', h('strong', draft.author ?? '')), raw(renderCommentMarkdown(draft.body))]),
      h('p.meta', 'It appears on the post once the owner approves it. You can still change it below.'),
    );
  }
  const fields: ElementContent[] = [
    h('input', { type: 'hidden', name: 'post', value: draft.post ?? '' }),
    ...(draft.replyTo ? [h('input', { type: 'hidden', name: 'replyTo', value: draft.replyTo })] : []),
    ...(token ? [h('input', { type: 'hidden', name: 'token', value: token })] : []),
    ...FIELDS.map((field) =>
      h('p.field', [
        h('label', { for: `comment-${field.name}` }, [field.label, ' ', h('span.meta', `(${field.hint})`)]),
        ...errorLine(field.name),
        h('input', {
          id: `comment-${field.name}`,
          name: field.name,
          type: field.type,
          autocomplete: field.autocomplete,
          maxlength: field.max,
          required: field.name === 'author',
          value: draft[field.name] ?? '',
          'aria-invalid': errors[field.name] ? 'true' : undefined,
          'aria-describedby': describedBy(field.name),
        }),
      ]),
    ),
    h('p.field', [
      h('label', { for: 'comment-body' }, [
        'Comment ',
        h('span.meta', `(Markdown; up to ${MAX_COMMENT_CHARS} characters)`),
      ]),
      ...errorLine('body'),
      h(
        'textarea',
        {
          id: 'comment-body',
          name: 'body',
          rows: 8,
          required: true,
          'aria-invalid': errors.body ? 'true' : undefined,
          'aria-describedby': describedBy('body'),
        },
        draft.body ?? '',
      ),
    ]),
    h('div.trap', { 'aria-hidden': 'true' }, [
      h('label', { for: 'comment-fax' }, 'Leave this field empty'),
      h('input', { id: 'comment-fax', name: HONEYPOT_FIELD, type: 'text', tabindex: -1, autocomplete: 'off' }),
    ]),
    h(
      'p.meta',
      'By sending, you agree that we keep your name, comment, website and email (to answer you, never shown or shared) and publish the name, website and comment once approved. Your network address is not stored.',
    ),
    h('p', h('button', { type: 'submit' }, 'Send comment')),
  ];
  if (canSend) {
    content.push(h('form#comment-form', { method: 'post', action: '/comments', 'accept-charset': 'utf-8' }, fields));
  } else if (post?.comments === 'closed') {
    content.push(h('h2', 'What you wrote'), h('pre.comment', draft.body ?? ''));
  }
  return page(`${problems.length > 0 ? 'Error: ' : ''}${heading}`, content);
}

/** A short page for a request the inbox cannot take (too large, bad encoding, unknown address...). */
export function renderProblemPage(title: string, message: string, siteUrl: string | undefined): string {
  return page(`Error: ${title}`, [
    h('h1', title),
    h('p', message),
    ...(siteUrl ? [h('p', h('a', { href: siteUrl }, 'Back to the site'))] : []),
  ]);
}

export function renderLoginPage(error?: string): string {
  return page(error ? 'Error: Moderation: sign in' : 'Moderation: sign in', [
    h('h1', 'Moderation: sign in'),
    ...(error ? [h('p.error', { role: 'alert' }, error)] : []),
    h('form', { method: 'post', action: '/moderate/login' }, [
      h('p.field', [
        h('label', { for: 'password' }, 'Password'),
        h('input#password', { type: 'password', name: 'password', autocomplete: 'current-password', required: true }),
      ]),
      h('p', h('button', { type: 'submit' }, 'Sign in')),
    ]),
  ]);
}

function actionButtons(comment: StoredComment): ElementContent {
  const actions = (['approve', 'reject', 'spam'] as const).filter(
    (action) => !(comment.status === 'approved' && action === 'approve'),
  );
  return h(
    'div.actions',
    actions.map((action) =>
      h('form', { method: 'post', action: `/moderate/comments/${encodeURIComponent(comment.id)}/${action}` }, [
        h('button', { type: 'submit' }, [
          { approve: 'Approve', reject: 'Reject', spam: 'Spam' }[action],
          h('span.trap', ` comment by ${comment.author}`),
        ]),
      ]),
    ),
  );
}

/**
 * The moderation list: one status at a time (pending by default, so spam never shows on the
 * first page), newest first, each comment's text shown as the literal characters sent.
 */
export function renderModerationList(
  comments: StoredComment[],
  status: string,
  counts: Record<string, number>,
  notice?: string,
): string {
  return page(`Moderation: ${status}`, [
    h('h1', `Comments: ${status} (${counts[status] ?? 0})`),
    ...(notice ? [h('p', { role: 'status' }, notice)] : []),
    h(
      'nav',
      { 'aria-label': 'Comment lists' },
      h(
        'ul',
        ['pending', 'spam', 'approved', 'rejected'].map((name) =>
          h(
            'li',
            h(
              'a',
              { href: `/moderate?status=${name}`, 'aria-current': name === status ? 'page' : undefined },
              `${name} (${counts[name] ?? 0})`,
            ),
          ),
        ),
      ),
    ),
    comments.length === 0
      ? h('p', 'Nothing here.')
      : h(
          'ol',
          comments.map((comment) =>
            h('li', [
              h('p', [
                h('a', { href: `/moderate/comments/${encodeURIComponent(comment.id)}` }, comment.author),
                ` on ${comment.post}`,
                comment.replyTo ? ` (reply to ${comment.replyTo})` : '',
                h('span.meta', ` · ${comment.createdAt}`),
                comment.spamReason ? h('span.meta', ` · spam: ${comment.spamReason}`) : '',
              ]),
              h('pre.comment', comment.body.length > 600 ? `${comment.body.slice(0, 600)}…` : comment.body),
              ...(comment.lastError ? [h('p.error', `Last approval failed: ${comment.lastError}`)] : []),
              actionButtons(comment),
            ]),
          ),
        ),
    h('form', { method: 'post', action: '/moderate/logout' }, h('button', { type: 'submit' }, 'Sign out')),
  ]);
}

/** One comment in full: its fields, the text as sent, and how the site will show it. */
export function renderModerationComment(comment: StoredComment): string {
  const rows: [string, string][] = [
    ['Id', comment.id],
    ['Post', comment.post],
    ['Reply to', comment.replyTo ?? '—'],
    ['Name', comment.author],
    ['Email', comment.email ?? '—'],
    ['Website', comment.website ?? '—'],
    ['Sent', comment.createdAt],
    ['Status', comment.status + (comment.spamReason ? ` (${comment.spamReason})` : '')],
    ['File', comment.file ?? '—'],
  ];
  return page(`Comment by ${comment.author}`, [
    h('p', h('a', { href: '/moderate' }, 'All pending comments')),
    h('h1', `Comment by ${comment.author}`),
    h('table', [
      h(
        'tbody',
        rows.map(([name, value]) => h('tr', [h('th', { scope: 'row' }, name), h('td', value)])),
      ),
    ]),
    ...(comment.lastError ? [h('p.error', `Last approval failed: ${comment.lastError}`)] : []),
    h('h2', 'As sent'),
    h('pre.comment', comment.body),
    h('h2', 'As the site will show it'),
    h('div.preview', [raw(renderCommentMarkdown(comment.body))]),
    actionButtons(comment),
  ]);
}
