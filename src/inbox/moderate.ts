import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { getCommentFilePath, renderCommentFile } from '../lib/comment-file.ts';
import type { InboxConfig } from '../lib/inbox-config.ts';
import type { CommentStatus, InboxDb } from './db.ts';

export interface ModerationResult {
  ok: boolean;
  /** One or more sentences for the owner: what happened, and what to do when it failed. */
  message: string;
}

function run(command: string, args: string[], cwd: string): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? result.error.message : ''}`.trim();
  return { ok: result.status === 0, output };
}

/** Runs the rebuild hook (a command, then a URL, whichever are set); a failure is reported, not thrown. */
async function runRebuildHook(config: InboxConfig): Promise<string> {
  const notes: string[] = [];
  if (config.COMMENTS_REBUILD_COMMAND) {
    const result = spawnSync(config.COMMENTS_REBUILD_COMMAND, {
      shell: true,
      encoding: 'utf8',
      timeout: 10 * 60_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    notes.push(
      result.status === 0
        ? `Rebuild command succeeded.`
        : `The rebuild command failed (exit ${result.status ?? result.signal}): ${`${result.stderr}`.trim().slice(-500)}; run it by hand.`,
    );
  }
  if (config.COMMENTS_REBUILD_URL) {
    try {
      const response = await fetch(config.COMMENTS_REBUILD_URL, {
        method: 'POST',
        signal: AbortSignal.timeout(30_000),
      });
      notes.push(
        response.ok
          ? `Rebuild hook answered ${response.status}.`
          : `The rebuild hook answered ${response.status}; start a build by hand.`,
      );
    } catch (error) {
      notes.push(`The rebuild hook could not be reached (${(error as Error).message}); start a build by hand.`);
    }
  }
  return notes.join(' ');
}

/**
 * Publishes a comment: writes content/comments/<post>/<id>.md (to a temporary file, then renamed
 * into place), commits it with git when COMMENTS_GIT_COMMIT is on, marks it approved, then runs the
 * rebuild hook. If writing or committing fails, the file is taken back, the comment stays as it was
 * (pending) with the reason kept, and the result says why. Approving an approved comment whose file
 * is in place changes nothing.
 */
export async function approveComment(db: InboxDb, config: InboxConfig, id: string): Promise<ModerationResult> {
  const comment = db.get(id);
  if (!comment) return { ok: false, message: `There is no comment ${id}.` };
  let file: string;
  try {
    file = getCommentFilePath(config.COMMENTS_CONTENT_DIR, comment.post, comment.id);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const text = renderCommentFile({
    id: comment.id,
    post: comment.post,
    author: comment.author,
    date: new Date(comment.createdAt),
    website: comment.website ?? undefined,
    replyTo: comment.replyTo ?? undefined,
    body: comment.body,
  });
  const existed = existsSync(file);
  if (comment.status === 'approved' && existed && readFileSync(file, 'utf8') === text) {
    return { ok: true, message: `Comment ${id} was already approved; ${file} is in place.` };
  }
  const failed = (why: string): ModerationResult => {
    db.setError(id, why);
    return { ok: false, message: `Comment ${id} was not approved: ${why}. It stays ${comment.status}.` };
  };
  const partial = `${file}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(partial, text, { flush: true });
    renameSync(partial, file);
  } catch (error) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing was written where nothing could be.
    }
    return failed(`could not write ${file} (${(error as Error).message})`);
  }
  if (config.COMMENTS_GIT_COMMIT) {
    const cwd = dirname(file);
    const path = relative(cwd, file);
    const add = run('git', ['add', '--', path], cwd);
    const commit = add.ok
      ? run('git', ['commit', '--quiet', '-m', `Comment by ${comment.author} on ${comment.post}`, '--', path], cwd)
      : add;
    if (!commit.ok) {
      run('git', ['reset', '--quiet', '--', path], cwd);
      if (!existed) rmSync(file, { force: true });
      return failed(`git refused to commit ${file} (${commit.output.split('\n').slice(-3).join(' ')})`);
    }
  }
  db.setStatus(id, 'approved', file);
  const hook = await runRebuildHook(config);
  return { ok: true, message: `Approved comment ${id}: wrote ${file}.${hook ? ` ${hook}` : ''}` };
}

/** Marks a comment rejected or spam. An approved comment's file is left alone: delete it by hand. */
export function decideComment(
  db: InboxDb,
  id: string,
  status: Extract<CommentStatus, 'rejected' | 'spam'>,
): ModerationResult {
  const comment = db.get(id);
  if (!comment) return { ok: false, message: `There is no comment ${id}.` };
  db.setStatus(id, status);
  const note =
    comment.status === 'approved' && comment.file
      ? ` Its file ${comment.file} is still published; delete it to unpublish.`
      : '';
  return { ok: true, message: `Comment ${id} marked ${status}.${note}` };
}
