import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam';

export interface StoredComment {
  id: string;
  post: string;
  replyTo: string | null;
  author: string;
  email: string | null;
  website: string | null;
  body: string;
  /** ISO 8601, UTC: when it arrived. */
  createdAt: string;
  status: CommentStatus;
  spamReason: string | null;
  decidedAt: string | null;
  /** The file it was written to, once approved. */
  file: string | null;
  /** Why the last approval failed, if it did. */
  lastError: string | null;
}

export type NewComment = Omit<StoredComment, 'decidedAt' | 'file' | 'lastError'>;

/**
 * The schema, one step per entry: a database at version n runs steps n+1... in one transaction each
 * and records the version in PRAGMA user_version. Never edit a step that has shipped; add one.
 */
const MIGRATIONS = [
  `CREATE TABLE comments (
     id TEXT PRIMARY KEY,
     post TEXT NOT NULL,
     reply_to TEXT,
     author TEXT NOT NULL,
     email TEXT,
     website TEXT,
     body TEXT NOT NULL,
     created_at TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
     spam_reason TEXT,
     fingerprint TEXT NOT NULL UNIQUE,
     decided_at TEXT,
     file TEXT,
     last_error TEXT
   );
   CREATE INDEX comments_by_status ON comments (status, created_at);
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);`,
];

const COLUMNS = `id, post, reply_to AS replyTo, author, email, website, body, created_at AS createdAt, status,
  spam_reason AS spamReason, decided_at AS decidedAt, file, last_error AS lastError`;

/** The inbox's database: one SQLite file in WAL mode, written by the server and the CLI. */
export class InboxDb {
  readonly db: DatabaseSync;
  private readonly file: string;

  constructor(file: string) {
    this.file = file;
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    // WAL lets the CLI read while the server writes; FULL syncs each commit to disk before the
    // reader is told the comment arrived; the CLI and server wait up to 5 s for each other's locks.
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
    this.migrate();
  }

  private migrate(): void {
    const { user_version: version } = this.db.prepare('PRAGMA user_version').get() as { user_version: number };
    for (let step = version; step < MIGRATIONS.length; step++) {
      this.transaction(() => {
        this.db.exec(MIGRATIONS[step]!);
        this.db.exec(`PRAGMA user_version = ${step + 1}`);
      });
    }
  }

  /** The schema version (the number of migrations applied). */
  get version(): number {
    return (this.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  }

  transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** A setting kept in the database, made with `create` the first time it is asked for. */
  getOrCreateSetting(key: string, create: () => string): string {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    if (row) return row.value;
    this.db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(key, create());
    return (this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string }).value;
  }

  /**
   * Stores a new comment, committed to disk when this returns. Returns false (and stores nothing)
   * when a comment with the same fingerprint is already there: a resend of the same comment.
   */
  insertComment(comment: NewComment, fingerprint: string): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO comments (id, post, reply_to, author, email, website, body, created_at, status, spam_reason, fingerprint)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING`,
      )
      .run(
        comment.id,
        comment.post,
        comment.replyTo,
        comment.author,
        comment.email,
        comment.website,
        comment.body,
        comment.createdAt,
        comment.status,
        comment.spamReason,
        fingerprint,
      );
    return Number(result.changes) === 1;
  }

  private queue: {
    comment: NewComment;
    fingerprint: string;
    done: (isNew: boolean) => void;
    fail: (error: unknown) => void;
  }[] = [];

  private writer: Worker | undefined;
  private writerJobs = new Map<number, { done: (isNew: boolean) => void; fail: (error: unknown) => void }>();
  private nextJob = 0;

  /**
   * Moves insertCommentSoon's commits to a worker thread with its own connection to the file
   * (src/inbox/db-writer.ts), so the disk syncs no longer block this thread. The server starts it;
   * the CLI, which writes one row at a time, does not. Resolves once the worker has the database open.
   */
  async startWriter(): Promise<void> {
    if (this.writer || this.file === ':memory:') return;
    const worker = new Worker(new URL('./db-writer.ts', import.meta.url), { workerData: { file: this.file } });
    worker.on('message', (answers: { id: number; isNew?: boolean; error?: string }[]) => {
      for (const answer of answers) {
        const job = this.writerJobs.get(answer.id);
        this.writerJobs.delete(answer.id);
        if (answer.error === undefined) job?.done(answer.isNew === true);
        else job?.fail(new Error(answer.error));
      }
    });
    const stopped = (error: Error) => {
      // Comments not yet answered are not acknowledged: their readers get an error page and can
      // send again. Later comments are written on this thread.
      if (this.writer === worker) this.writer = undefined;
      for (const job of this.writerJobs.values()) job.fail(error);
      this.writerJobs.clear();
    };
    worker.on('error', stopped);
    worker.on('exit', () => stopped(new Error('the comment writer stopped')));
    await new Promise<void>((resolve, reject) => {
      worker.once('online', resolve);
      worker.once('error', reject);
    });
    this.writer = worker;
  }

  /**
   * insertComment for a busy server: comments that arrive while one is being written are written
   * together, in one transaction and so one disk sync (group commit), instead of one sync each,
   * in the writer thread if one was started. Resolves once the comment is on disk, with
   * insertComment's answer.
   */
  insertCommentSoon(comment: NewComment, fingerprint: string): Promise<boolean> {
    const writer = this.writer;
    if (writer) {
      return new Promise((done, fail) => {
        const id = this.nextJob++;
        this.writerJobs.set(id, { done, fail });
        writer.postMessage({ id, comment, fingerprint });
      });
    }
    return new Promise((done, fail) => {
      if (this.queue.length === 0) setImmediate(() => this.flush());
      this.queue.push({ comment, fingerprint, done, fail });
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    let answers: boolean[];
    try {
      answers = this.transaction(() => batch.map((item) => this.insertComment(item.comment, item.fingerprint)));
    } catch (error) {
      for (const item of batch) item.fail(error);
      return;
    }
    batch.forEach((item, index) => item.done(answers[index]!));
  }

  /** Lets the writer thread finish what it was given, close its connection and stop. */
  async stopWriter(): Promise<void> {
    const writer = this.writer;
    if (!writer) return;
    this.writer = undefined;
    const exited = new Promise((resolve) => writer.once('exit', resolve));
    writer.postMessage({ close: true });
    await exited;
  }

  get(id: string): StoredComment | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM comments WHERE id = ?`).get(id) as StoredComment | undefined;
  }

  /** Comments with one status, newest first. */
  list(status: CommentStatus, limit = 50, offset = 0): StoredComment[] {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM comments WHERE status = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`)
      .all(status, limit, offset) as unknown as StoredComment[];
  }

  counts(): Record<CommentStatus, number> {
    const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, rejected: 0, spam: 0 };
    for (const row of this.db.prepare('SELECT status, count(*) AS n FROM comments GROUP BY status').all() as {
      status: CommentStatus;
      n: number;
    }[]) {
      counts[row.status] = row.n;
    }
    return counts;
  }

  /** Whether a comment on `post` was approved (so a reply may answer it before the next build). */
  isApproved(post: string, id: string): boolean {
    return Boolean(
      this.db.prepare("SELECT 1 FROM comments WHERE id = ? AND post = ? AND status = 'approved'").get(id, post),
    );
  }

  setStatus(id: string, status: CommentStatus, file: string | null = null): void {
    this.db
      .prepare(
        'UPDATE comments SET status = ?, decided_at = ?, file = coalesce(?, file), last_error = NULL WHERE id = ?',
      )
      .run(status, new Date().toISOString(), file, id);
  }

  setError(id: string, message: string): void {
    this.db.prepare('UPDATE comments SET last_error = ? WHERE id = ?').run(message, id);
  }

  /** A new moderation session; returns the token to put in the cookie (only its hash is kept). */
  createSession(hash: (token: string) => string, lifetimeMs: number): string {
    const token = randomBytes(32).toString('base64url');
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(Date.now());
    this.db
      .prepare('INSERT INTO sessions (token_hash, expires_at) VALUES (?, ?)')
      .run(hash(token), Date.now() + lifetimeMs);
    return token;
  }

  hasSession(tokenHash: string): boolean {
    return Boolean(
      this.db.prepare('SELECT 1 FROM sessions WHERE token_hash = ? AND expires_at > ?').get(tokenHash, Date.now()),
    );
  }

  deleteSession(tokenHash: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  close(): void {
    this.db.close();
  }
}
