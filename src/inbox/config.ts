import { readFileSync } from 'node:fs';
import { parseInboxConfig, type InboxConfig } from '../lib/inbox-config.ts';

/**
 * The inbox settings from the environment, over the JSON file that COMMENTS_CONFIG names (if any).
 * Throws a readable message for a missing or malformed file and for each bad setting.
 */
export function loadInboxConfig(env: NodeJS.ProcessEnv = process.env): InboxConfig {
  const path = env.COMMENTS_CONFIG;
  if (!path) return parseInboxConfig(env);
  let values: unknown;
  try {
    values = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`COMMENTS_CONFIG=${path}: the file could not be read as JSON (${(error as Error).message})`);
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new Error(`${path}: the settings file must be a JSON object, e.g. { "PORT": 8787 }`);
  }
  return parseInboxConfig(env, { path, values: values as Record<string, unknown> });
}
