import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getFormActionSources } from '../lib/comments.ts';
import { listFiles } from '../io/files.ts';
import {
  auditPageScripts,
  computeContentSources,
  getSecurityHeaders,
  renderHeadersFile,
  type ContentSources,
  type PageScriptAudit,
  type PageSources,
} from '../lib/security-headers.ts';
import { COMMENT_CHANNEL } from '../site.config.ts';

/** Audits of pages already seen, by a digest of their bytes: most pages of a rebuild are unchanged. */
type AuditMemo = Map<string, PageScriptAudit>;

/** The audit's own code: a memo written by another version of it is not used. */
const AUDIT_VERSION = createHash('sha256').update(auditPageScripts.toString()).digest('base64url');

function readMemo(file: string | undefined): AuditMemo {
  if (!file) return new Map();
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      version: string;
      audits: Record<string, PageScriptAudit>;
    };
    return saved.version === AUDIT_VERSION ? new Map(Object.entries(saved.audits)) : new Map();
  } catch {
    return new Map(); // None yet, or unreadable: every page is audited.
  }
}

function writeMemo(file: string, memo: AuditMemo): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify({ version: AUDIT_VERSION, audits: Object.fromEntries(memo) }));
  renameSync(partial, file);
}

/** What a built site needs in its Content-Security-Policy. */
export interface SiteAudit extends ContentSources {
  /** CSP hashes of every inline script. */
  hashes: string[];
}

/** A page's address on the site from its file in the build: posts/x/index.html → /posts/x/. */
const pageAddress = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/**
 * Audits every page of a built site: the CSP hashes of its inline scripts, and the remote images
 * and frames it shows (see computeContentSources); throws if a page has an inline handler.
 * With `memoFile`, a page whose bytes were audited in the last build is not parsed again; the memo
 * then keeps this build's pages only.
 */
export async function auditSite(dir: string, memoFile?: string): Promise<SiteAudit> {
  const hashes = new Set<string>();
  const pages: PageSources[] = [];
  const previous = readMemo(memoFile);
  const current: AuditMemo = new Map();
  for (const [index, page] of listFiles(dir, /\.html$/).entries()) {
    if (index % 25 === 0) await yieldToEventLoop();
    const file = join(dir, page);
    const html = readFileSync(file);
    const digest = createHash('sha256').update(html).digest('base64url');
    const audit = previous.get(digest) ?? current.get(digest) ?? auditPageScripts(html.toString('utf8'));
    current.set(digest, audit);
    if (audit.inlineHandlers.length > 0) {
      throw new Error(
        `${file} has inline event handlers (${audit.inlineHandlers.join(', ')}), which the Content-Security-Policy forbids`,
      );
    }
    for (const hash of audit.hashes) hashes.add(hash);
    if (audit.images.length + audit.frames.length > 0) {
      pages.push({ page: pageAddress(page), images: audit.images, frames: audit.frames });
    }
  }
  if (memoFile) writeMemo(memoFile, current);
  return { hashes: [...hashes].sort(), ...computeContentSources(pages) };
}

/** The CSP hashes of every inline script in a built site (see auditSite). */
export async function collectScriptHashes(dir: string, memoFile?: string): Promise<string[]> {
  return (await auditSite(dir, memoFile)).hashes;
}

/**
 * Writes _headers (CSP with the hashes of the inline scripts actually built, the image and frame
 * origins the pages use, and caching) into the build; returns the line to log and the warnings
 * (what the policy still blocks). `memoFile` (in Astro's cache folder) spares a rebuild the
 * parsing of unchanged pages.
 */
export async function writeSecurityHeaders(
  outDir: string,
  memoFile?: string,
): Promise<{ message: string; warnings: string[] }> {
  const started = performance.now();
  const audit = await auditSite(outDir, memoFile);
  writeFileSync(
    join(outDir, '_headers'),
    renderHeadersFile(getSecurityHeaders(audit.hashes, getFormActionSources(COMMENT_CHANNEL), audit)),
  );
  return {
    message: `_headers written; ${audit.hashes.length} inline script hash(es), ${audit.imageSources.length} image host(s) and ${audit.frameSources.length} embed host(s) in the Content-Security-Policy, in ${Math.round(performance.now() - started)} ms`,
    warnings: audit.warnings,
  };
}

/**
 * The site's _headers file (see writeSecurityHeaders), written from the finished build's pages when
 * the build is done. Its memo of audited pages lives in Astro's cache folder (csp-audit.json).
 */
export function securityHeaders(): AstroIntegration {
  let memoFile = '';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        memoFile = fileURLToPath(new URL('csp-audit.json', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const headers = await writeSecurityHeaders(fileURLToPath(dir), memoFile);
        logger.info(headers.message);
        for (const warning of headers.warnings) logger.warn(warning);
      },
    },
  };
}
