/**
 * npm run comments -- list [pending|spam|approved|rejected] | show ID | approve ID | reject ID | spam ID
 *                   | hash-password
 * Moderates the comment inbox's database (COMMENTS_DB, same settings as comments:serve). It may run
 * while the server runs.
 */
import { createInterface } from 'node:readline/promises';
import { loadInboxConfig } from '../src/inbox/config.ts';
import { InboxDb, type CommentStatus } from '../src/inbox/db.ts';
import { approveComment, decideComment } from '../src/inbox/moderate.ts';
import { readCommandLine } from '../src/lib/command-line.ts';
import { hashPassword } from '../src/lib/password.ts';

const USAGE =
  'usage: npm run comments -- list [pending|spam|approved|rejected] | show ID | approve ID | reject ID | spam ID | hash-password';
const [command, argument] = readCommandLine(
  { allowPositionals: true },
  {
    name: 'npm run comments',
    usage: `${USAGE}

Moderates the comment inbox's database (COMMENTS_DB, the same settings as comments:serve); it may
run while the server runs.
  list [status]     the comments with that status (pending by default), newest first
  show ID           one comment, whole
  approve ID        publish it on the site (see docs/comment-inbox.md)
  reject ID         refuse it
  spam ID           mark it as spam
  hash-password     reads a password on stdin and prints its hash for the moderation page
  -h, --help        show this help`,
  },
).positionals;

if (command === 'hash-password') {
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write('Password for the moderation page: ');
  const password = (await lines[Symbol.asyncIterator]().next()).value as string | undefined;
  lines.close();
  if (!password) {
    console.error('No password given.');
    process.exit(2);
  }
  console.log(hashPassword(password));
  process.exit(0);
}

let config;
try {
  config = loadInboxConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const db = new InboxDb(config.COMMENTS_DB);
const oneLine = (text: string, max = 70) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

let status = 0;
switch (command) {
  case 'list': {
    const which = (argument ?? 'pending') as CommentStatus;
    if (!['pending', 'spam', 'approved', 'rejected'].includes(which)) {
      console.error(`"${which}" is not a list; use pending, spam, approved or rejected.`);
      status = 2;
      break;
    }
    const counts = db.counts();
    console.log(
      `${which}: ${counts[which]} (pending ${counts.pending}, spam ${counts.spam}, approved ${counts.approved}, rejected ${counts.rejected})`,
    );
    for (const comment of db.list(which, 100)) {
      console.log(
        `${comment.id}  ${comment.post}  ${oneLine(comment.author, 24)}: ${oneLine(comment.body)}${comment.lastError ? `  [last approval failed: ${comment.lastError}]` : ''}`,
      );
    }
    break;
  }
  case 'show': {
    const comment = argument ? db.get(argument) : undefined;
    if (!comment) {
      console.error(argument ? `There is no comment ${argument}.` : USAGE);
      status = 1;
      break;
    }
    for (const [name, value] of Object.entries(comment)) {
      if (name !== 'body') console.log(`${name}: ${value ?? '—'}`);
    }
    console.log(`\n${comment.body}`);
    break;
  }
  case 'approve':
  case 'reject':
  case 'spam': {
    if (!argument) {
      console.error(USAGE);
      status = 2;
      break;
    }
    const result =
      command === 'approve'
        ? await approveComment(db, config, argument)
        : decideComment(db, argument, command === 'reject' ? 'rejected' : 'spam');
    (result.ok ? console.log : console.error)(result.message);
    status = result.ok ? 0 : 1;
    break;
  }
  default:
    console.error(USAGE);
    status = 2;
}
db.close();
process.exit(status);
