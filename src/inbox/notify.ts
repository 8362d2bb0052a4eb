import nodemailer, { type Transporter } from 'nodemailer';
import type { InboxConfig } from '../lib/inbox-config.ts';
import type { StoredComment } from './db.ts';

export interface Notifier {
  /** Sends the owner an email about a new comment; resolves false (logged) when it fails. */
  notify(comment: StoredComment): Promise<boolean>;
  close(): void;
}

/**
 * The new-comment email, through SMTP with nodemailer, or undefined when COMMENTS_SMTP_URL or
 * COMMENTS_NOTIFY_TO is unset (off by default). The email is plain text: the comment as sent.
 */
export function createNotifier(config: InboxConfig, log: (message: string) => void): Notifier | undefined {
  if (!config.COMMENTS_SMTP_URL || !config.COMMENTS_NOTIFY_TO) return undefined;
  const transport: Transporter = nodemailer.createTransport(config.COMMENTS_SMTP_URL);
  const to = config.COMMENTS_NOTIFY_TO;
  const from = config.COMMENTS_NOTIFY_FROM ?? to;
  return {
    async notify(comment) {
      try {
        await transport.sendMail({
          from,
          to,
          subject: `New comment by ${comment.author} on ${comment.post}`,
          text: [
            `${comment.author}${comment.email ? ` <${comment.email}>` : ''} commented on ${comment.post}${comment.replyTo ? ` (reply to ${comment.replyTo})` : ''}:`,
            '',
            comment.body,
            '',
            `Moderate: npm run comments -- show ${comment.id}`,
          ].join('\n'),
          ...(comment.email ? { replyTo: comment.email } : {}),
        });
        return true;
      } catch (error) {
        log(`could not email the owner about comment ${comment.id}: ${(error as Error).message}`);
        return false;
      }
    },
    close: () => transport.close(),
  };
}
