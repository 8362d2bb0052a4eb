/**
 * The inbox's comment writer, run in a worker thread by InboxDb.startWriter: it takes new comments
 * from the server's thread, commits every comment that arrived meanwhile in one transaction (one
 * disk sync for the batch), and answers each with whether it was new. The sync (synchronous=FULL)
 * takes milliseconds; here it no longer holds up the server's thread, which goes on reading
 * requests and accepting connections meanwhile.
 *
 * Messages in: { id, comment, fingerprint } or { close: true }. Messages out: an array of
 * { id, isNew } or { id, error } per batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InboxDb, type NewComment } from './db.ts';

interface Job {
  id: number;
  comment: NewComment;
  fingerprint: string;
}

const port = parentPort!;
const db = new InboxDb((workerData as { file: string }).file);
let queue: Job[] = [];

function flush(): void {
  const batch = queue;
  queue = [];
  try {
    const answers = db.transaction(() => batch.map((job) => db.insertComment(job.comment, job.fingerprint)));
    port.postMessage(batch.map((job, index) => ({ id: job.id, isNew: answers[index] })));
  } catch (error) {
    port.postMessage(batch.map((job) => ({ id: job.id, error: (error as Error).message })));
  }
}

port.on('message', (message: Job | { close: true }) => {
  if ('close' in message) {
    if (queue.length > 0) flush();
    db.close();
    port.close();
    return;
  }
  if (queue.length === 0) setImmediate(flush);
  queue.push(message);
});
