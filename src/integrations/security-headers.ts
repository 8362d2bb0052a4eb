import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { auditPageScripts, getSecurityHeaders, renderHeadersFile } from '../lib/security-headers.ts';

/** The CSP hashes of every inline script in a built site; throws if a page has an inline handler. */
export function collectScriptHashes(dir: string): string[] {
  const hashes = new Set<string>();
  const pages = readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && entry.name.endsWith('.html'),
  );
  for (const page of pages) {
    const file = join(page.parentPath, page.name);
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

/** Writes _headers (CSP with the hashes of the inline scripts actually built, and caching) into the build. */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const hashes = collectScriptHashes(outDir);
        writeFileSync(join(outDir, '_headers'), renderHeadersFile(getSecurityHeaders(hashes)));
        logger.info(`_headers written; ${hashes.length} inline script hash(es) in the Content-Security-Policy`);
      },
    },
  };
}
