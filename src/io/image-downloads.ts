import { fileTypeFromBuffer } from 'file-type';
import pLimit from 'p-limit';
import pRetry, { AbortError } from 'p-retry';
import { EnvHttpProxyAgent, interceptors, request, type Dispatcher } from 'undici';
import { fallbackImageUrl, largestImageUrl, SUPPORTED_IMAGE_TYPES } from '../lib/blogger/image-urls.ts';

export interface DownloadOptions {
  /** Downloads in flight at once. */
  concurrency: number;
  /** Bytes; a larger image is not downloaded (its address stays). */
  maxBytes: number;
  /** Milliseconds for one attempt, from the request to the last byte. */
  timeoutMs: number;
  /** Attempts after the first, for errors that may pass (timeouts, resets, 5xx, 429). */
  retries: number;
  /** Milliseconds before the first retry (doubling after). */
  retryDelayMs: number;
  /** Called once per address when it is done, downloaded or not. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Called with each image as soon as it is downloaded (to save it: an interrupted run keeps it). */
  onDownloaded?: ((url: string, image: DownloadedImage) => void) | undefined;
  /** Tells whether an address already has a downloaded copy (a second run): it is not fetched. */
  alreadyHave?: ((url: string) => boolean) | undefined;
  /** The HTTP dispatcher; by default one that honours HTTP_PROXY, HTTPS_PROXY and NO_PROXY. */
  dispatcher?: Dispatcher | undefined;
}

export const DEFAULT_DOWNLOAD_OPTIONS: DownloadOptions = {
  concurrency: 6,
  maxBytes: 25 * 1024 * 1024,
  timeoutMs: 30_000,
  retries: 2,
  retryDelayMs: 500,
};

/** A downloaded image: its bytes, the type they showed, and the address they came from. */
export interface DownloadedImage {
  ok: true;
  bytes: Buffer;
  /** file-type's name for the format (jpg, png, gif, webp, avif, tif) or svg. */
  type: string;
  /** The address the bytes came from (after size rewriting, before redirects). */
  fetchedFrom: string;
}

/** An image that could not be downloaded, and why, in words for the import report. */
export interface FailedImage {
  ok: false;
  reason: string;
}

/** Already on disk from an earlier run; nothing was fetched. */
export interface KeptImage {
  ok: 'kept';
}

export type ImageOutcome = DownloadedImage | FailedImage | KeptImage;

/** A failure no retry can mend (404, wrong type, too big): p-retry stops at once. */
class Permanent extends AbortError {}

/** A type from the bytes: file-type for binary formats; an SVG is text, so it is recognised here. */
async function sniffType(bytes: Buffer): Promise<string | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) return found.ext;
  const head = bytes.subarray(0, 1024).toString('utf8').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'svg';
  return undefined;
}

/** Words for what the bytes are when they are not an image, e.g. "an HTML page". */
function describeBytes(bytes: Buffer, contentType: string): string {
  const head = bytes.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /text\/html/i.test(contentType)) {
    return 'an HTML page';
  }
  return contentType ? `a file of type ${contentType.split(';')[0]}` : 'a file of an unknown type';
}

/**
 * The HTTP client's dispatcher for image downloads: it follows up to 5 redirects and honours
 * HTTP_PROXY, HTTPS_PROXY and NO_PROXY (or the proxies given). `ca` adds a certificate to trust
 * (PEM), as NODE_EXTRA_CA_CERTS does for a whole process.
 */
export function createImageDispatcher(
  proxy: { httpProxy?: string; httpsProxy?: string; ca?: string } = {},
): Dispatcher {
  const tls = proxy.ca ? { ca: proxy.ca } : undefined;
  return new EnvHttpProxyAgent({
    connectTimeout: 10_000,
    ...(proxy.httpProxy ? { httpProxy: proxy.httpProxy, noProxy: '' } : {}),
    ...(proxy.httpsProxy ? { httpsProxy: proxy.httpsProxy } : {}),
    ...(tls ? { requestTls: tls } : {}),
  }).compose(interceptors.redirect({ maxRedirections: 5 }));
}

const makeDispatcher = () => createImageDispatcher();

/** One attempt at one address; throws Permanent for what a retry cannot change. */
async function fetchOnce(url: string, options: DownloadOptions, dispatcher: Dispatcher): Promise<DownloadedImage> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response;
  try {
    response = await request(url, {
      dispatcher,
      signal,
      headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8', 'user-agent': 'blog-importer' },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  } catch (error) {
    if (signal.aborted) throw new Error(`no answer within ${options.timeoutMs / 1000} s`);
    const reason = describeNetworkError(error);
    // A host that does not exist, or a proxy that will not go there, will say the same next time.
    if (/does not exist|proxy refused/.test(reason)) throw new Permanent(reason);
    throw new Error(reason);
  }
  const { statusCode, headers, body } = response;
  if (statusCode >= 300) {
    await body.dump();
    const message = statusCode >= 300 && statusCode < 400 ? `too many redirects (${statusCode})` : `HTTP ${statusCode}`;
    // 408, 429 and 5xx may pass; other answers will be the same next time.
    if (statusCode === 408 || statusCode === 429 || statusCode >= 500) throw new Error(message);
    throw new Permanent(message);
  }
  const declared = Number(headers['content-length'] ?? NaN);
  if (declared > options.maxBytes) {
    await body.dump({ limit: 0 }).catch(() => undefined);
    throw new Permanent(`too big (${formatBytes(declared)}; the limit is ${formatBytes(options.maxBytes)})`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > options.maxBytes) {
        body.destroy();
        throw new Permanent(`too big (over ${formatBytes(options.maxBytes)}, the limit)`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof Permanent) throw error;
    if (signal.aborted) throw new Error(`no answer within ${options.timeoutMs / 1000} s`);
    throw new Error(describeNetworkError(error));
  }
  const bytes = Buffer.concat(chunks);
  const contentType = String(headers['content-type'] ?? '');
  const type = await sniffType(bytes);
  if (!type || !SUPPORTED_IMAGE_TYPES.has(type)) {
    throw new Permanent(
      type
        ? `a ${type} image, which the site cannot optimise`
        : `not an image: the server sent ${describeBytes(bytes, contentType)}`,
    );
  }
  return { ok: true, bytes, type, fetchedFrom: url };
}

function describeNetworkError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const proxy = /Proxy response \((\d+)\)/.exec(message);
  if (proxy) return `the proxy refused to connect to the host (${proxy[1]})`;
  const code = (error as { code?: string }).code;
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  const known: Record<string, string> = {
    ENOTFOUND: 'the host does not exist',
    ECONNREFUSED: 'the server refused the connection',
    ECONNRESET: 'the connection was reset',
    UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
    UND_ERR_BODY_TIMEOUT: 'the image stopped arriving',
    UND_ERR_CONNECT_TIMEOUT: 'could not connect in time',
    UND_ERR_SOCKET: 'the connection was closed',
    UND_ERR_ABORTED: 'the download was stopped',
  };
  return known[code ?? cause ?? ''] ?? message;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Downloads one image: the largest size Blogger serves (see largestImageUrl), retried on errors
 * that may pass; when the original is over the size limit, Blogger's s1600 copy is tried. The bytes
 * must be an image of a type astro:assets optimises (checked in the bytes, not the header).
 */
export async function downloadImage(
  url: string,
  options: DownloadOptions,
  dispatcher: Dispatcher = options.dispatcher ?? makeDispatcher(),
): Promise<DownloadedImage | FailedImage> {
  const attempt = (address: string) =>
    pRetry(() => fetchOnce(address, options, dispatcher), {
      retries: options.retries,
      minTimeout: options.retryDelayMs,
      factor: 2,
      randomize: false,
    });
  const largest = largestImageUrl(url);
  try {
    return await attempt(largest);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const fallback = fallbackImageUrl(url);
    if (fallback && fallback !== largest && /too big|HTTP 404/.test(reason)) {
      try {
        return await attempt(fallback);
      } catch {
        // The first reason is the one to report.
      }
    }
    return { ok: false, reason };
  }
}

/**
 * Downloads every address (each once), `concurrency` at a time. Never throws for one image: each
 * address gets its outcome. Addresses `alreadyHave` knows are not fetched (outcome "kept").
 */
export async function downloadImages(
  urls: Iterable<string>,
  options: DownloadOptions,
): Promise<Map<string, ImageOutcome>> {
  const unique = [...new Set(urls)];
  const dispatcher = options.dispatcher ?? makeDispatcher();
  const limit = pLimit(options.concurrency);
  const outcomes = new Map<string, ImageOutcome>();
  let done = 0;
  await Promise.all(
    unique.map((url) =>
      limit(async () => {
        const outcome: ImageOutcome = options.alreadyHave?.(url)
          ? { ok: 'kept' }
          : await downloadImage(url, options, dispatcher);
        if (outcome.ok === true) {
          options.onDownloaded?.(url, outcome);
          // The bytes are on disk now; the map keeps only what the report needs.
          outcomes.set(url, { ...outcome, bytes: Buffer.alloc(0) });
        } else {
          outcomes.set(url, outcome);
        }
        done += 1;
        options.onProgress?.(done, unique.length);
      }),
    ),
  );
  if (!options.dispatcher) await dispatcher.close();
  return outcomes;
}
