import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { listFiles } from '../lib/files.ts';
import { auditPageScripts, getSecurityHeaders, renderHeadersFile } from '../lib/security-headers.ts';

/**
 * The CSP hashes of every inline script in a built site; throws if a page has an inline handler.
 * It lets other work run between pages (the search indexer talks to its own process meanwhile).
 */
export async function collectScriptHashes(dir: string): Promise<string[]> {
  const hashes = new Set<string>();
  for (const [index, page] of listFiles(dir, /\.html$/).entries()) {
    if (index % 25 === 0) await yieldToEventLoop();
    const file = join(dir, page);
    const audit = auditPageScripts(readFileSync(file, 'utf8'));
    if (audit.inlineHandlers.length > 0) {
      throw new Error(
        `${file} has inline event handlers (${audit.inlineHandlers.join(', ')}), which the Content-Security-Policy forbids`,
      );
    }
    for (const hash of audit.hashes) hashes.add(hash);
  }
  return [...hashes].sort();
}

/**
 * Writes _headers (CSP with the hashes of the inline scripts actually built, and caching) into the
 * build; returns the line to log.
 */
export async function writeSecurityHeaders(outDir: string): Promise<string> {
  const hashes = await collectScriptHashes(outDir);
  writeFileSync(join(outDir, '_headers'), renderHeadersFile(getSecurityHeaders(hashes)));
  return `_headers written; ${hashes.length} inline script hash(es) in the Content-Security-Policy`;
}
