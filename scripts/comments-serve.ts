/**
 * npm run comments:serve: starts the comment inbox (src/inbox/server.ts) with the settings from the
 * environment or COMMENTS_CONFIG (README "Comments" lists them). Stops cleanly on SIGINT/SIGTERM.
 */
import { loadInboxConfig } from '../src/inbox/config.ts';
import { createInboxServer, InboxStartError } from '../src/inbox/server.ts';
import { readCommandLine } from '../src/lib/command-line.ts';

readCommandLine(
  {},
  {
    name: 'npm run comments:serve',
    usage: `Usage: npm run comments:serve

Starts the comment inbox with the settings from the environment or the file COMMENTS_CONFIG names
(README, "Comments"). Stops cleanly on Ctrl-C or SIGTERM. Takes no options but -h, --help.`,
  },
);

let config;
try {
  config = loadInboxConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
let inbox;
try {
  inbox = await createInboxServer(config);
} catch (error) {
  // A missing or broken manifest: one sentence naming the file and the fix, no stack trace.
  if (!(error instanceof InboxStartError)) throw error;
  console.error(`The comment inbox cannot start: ${error.message}`);
  process.exit(2);
}
// systemd socket activation (docs/comment-inbox.md): systemd holds the listening socket and hands
// it over as file descriptor 3, so while the inbox restarts readers' connections wait in the
// socket's queue instead of being refused. LISTEN_PID, when set, must be this process.
const activated =
  process.env.LISTEN_FDS === '1' && (!process.env.LISTEN_PID || process.env.LISTEN_PID === String(process.pid));
let address: string;
if (activated) {
  await inbox.app.ready();
  await new Promise<void>((resolve, reject) => {
    inbox.app.server.once('error', reject);
    inbox.app.server.listen({ fd: 3 }, resolve);
  });
  address = 'the socket passed as file descriptor 3';
} else {
  address = await inbox.app.listen({ port: config.PORT, host: config.HOST });
}
console.log(`Comment inbox listening on ${address} (process ${process.pid}, database ${config.COMMENTS_DB})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void inbox.close().then(() => process.exit(0));
  });
}
