/**
 * npm run comments:serve: starts the comment inbox (src/inbox/server.ts) with the settings from the
 * environment or COMMENTS_CONFIG (README "Comments" lists them). Stops cleanly on SIGINT/SIGTERM.
 */
import { loadInboxConfig } from '../src/inbox/config.ts';
import { createInboxServer } from '../src/inbox/server.ts';

let config;
try {
  config = loadInboxConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const inbox = await createInboxServer(config);
const address = await inbox.app.listen({ port: config.PORT, host: config.HOST });
console.log(`Comment inbox listening on ${address} (database ${config.COMMENTS_DB})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void inbox.close().then(() => process.exit(0));
  });
}
