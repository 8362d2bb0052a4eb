/**
 * A real HTTP server on 127.0.0.1 that stands in for Blogger's image hosts in tests: the importer
 * reaches it as its proxy (HTTP_PROXY and HTTPS_PROXY), so exports keep their real addresses
 * (http://1.bp.blogspot.com/..., https://blogger.googleusercontent.com/...) and no request ever
 * leaves the machine. HTTPS requests to Blogger's hosts are answered over TLS with a certificate
 * made for the test (trusted through NODE_EXTRA_CA_CERTS=certFile); a tunnel to any other host is
 * refused, so those images cannot be downloaded. Paths choose the behaviour: see makeRoutes.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import sharp from 'sharp';

/** The hosts the server answers over https (the certificate's names): Blogger's, and YouTube's thumbnails. */
const TLS_HOSTS = [
  '*.bp.blogspot.com',
  'blogger.googleusercontent.com',
  '*.googleusercontent.com',
  '*.ggpht.com',
  'i.ytimg.com',
];
const servesOverTls = (host: string) =>
  TLS_HOSTS.some((name) => (name.startsWith('*.') ? host.endsWith(name.slice(1)) : host === name));

export interface ImageServer {
  /** http://127.0.0.1:PORT, for HTTP_PROXY and HTTPS_PROXY. */
  url: string;
  /** The certificate to trust (NODE_EXTRA_CA_CERTS) for the https hosts, and its PEM text. */
  certFile: string;
  cert: string;
  /** The environment a child process needs to download through the server. */
  env: Record<string, string>;
  /** Every request, as "host/path" (CONNECT ones as "CONNECT host:port"). */
  requests: string[];
  close(): Promise<void>;
}

/** A small picture whose colour comes from `name`, so two photos never share their bytes. */
const picture = (width: number, height: number, format: 'jpeg' | 'png', name = '') => {
  const [r = 0, g = 0, b = 0] = createHash('sha256').update(name).digest();
  return sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .toFormat(format)
    .toBuffer();
};
/** The file name of an address, without Blogger's size folder, so every size is one photo. */
const photoName = (url: URL) => url.pathname.split('/').pop() ?? '';

/**
 * What the server does for a path containing the key (first match wins):
 * - anything else: the image (a JPEG; a PNG under /png/), at any size Blogger's addresses ask for;
 * - /s1600-h/: Blogger's old HTML page around an image (only the s0 address gives the image);
 * - /missing/: 404; /gone-for-now/: 503 the first time, then the image (a retry mends it);
 * - /moved/: 301 to the /ok/ copy; /to-https/: 301 to the same address over https;
 * - /page-as-image/: an HTML page sent as image/jpeg; /bitmap/: a BMP;
 * - /huge/: 3 MB said in Content-Length; /endless/: 3 MB streamed without a length;
 * - /big-original/: the s0 original is 3 MB, s1600 a small JPEG;
 * - /slow/: answers after 12 s; /-door/: a 1600 × 1200 photo, large enough to share as a hero;
 * - /-wide/: a 1200 × 900 photo (shown smaller by the post, so astro:assets makes a srcset);
 * - i.ytimg.com/vi/ID/…: a YouTube video's thumbnail, as YouTube serves them: hqdefault.jpg is a
 *   480 × 360 picture for every video, maxresdefault.jpg a 1280 × 720 one only for a video whose id
 *   holds "HD" (others answer 404, as older videos do); a video whose id holds "Gone" has none (404).
 */
async function makeRoutes() {
  const jpeg = await picture(64, 48, 'jpeg');
  const photo = async (res: ServerResponse, url: URL, format: 'jpeg' | 'png' = 'jpeg') =>
    image(res, await picture(64, 48, format, photoName(url)), 'image/jpeg');
  const bmpHeader = Buffer.from('424d', 'hex');
  const big = Buffer.alloc(3 * 1024 * 1024, 7);
  const seen = new Set<string>();
  const image = (res: ServerResponse, bytes: Buffer, type = 'image/jpeg') => {
    res.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
    res.end(bytes);
  };
  const notFound = (res: ServerResponse) => {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<h1>Not Found</h1>');
  };
  const routes: [string, (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>][] = [
    [
      '/vi/',
      async (_req, res, url) => {
        const [, , id = '', name = ''] = url.pathname.split('/');
        if (url.hostname !== 'i.ytimg.com') return photo(res, url);
        if (id.includes('Gone') || (name === 'maxresdefault.jpg' && !id.includes('HD'))) return notFound(res);
        const [width, height] = name === 'maxresdefault.jpg' ? [1280, 720] : [480, 360];
        return image(res, await picture(width, height, 'jpeg', id));
      },
    ],
    ['/png/', (_req, res, url) => photo(res, url, 'png')],
    [
      '/s1600-h/',
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!DOCTYPE html><html><body><img src="x.jpg"></body></html>');
      },
    ],
    ['/missing/', (_req, res) => notFound(res)],
    [
      '/gone-for-now/',
      (_req, res, url) => {
        if (seen.has(url.href)) return photo(res, url);
        seen.add(url.href);
        res.writeHead(503);
        res.end();
      },
    ],
    [
      '/moved/',
      (_req, res, url) => {
        res.writeHead(301, { location: url.href.replace('/moved/', '/ok/') });
        res.end();
      },
    ],
    [
      '/to-https/',
      (_req, res, url) => {
        if (url.protocol === 'https:') return photo(res, url);
        res.writeHead(301, { location: url.href.replace(/^http:/, 'https:') });
        res.end();
      },
    ],
    [
      '/page-as-image/',
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        res.end('<!DOCTYPE html>\n<html><head><title>Blogger</title></head><body>Sign in</body></html>');
      },
    ],
    ['/bitmap/', (_req, res) => image(res, Buffer.concat([bmpHeader, Buffer.alloc(200, 1)]), 'image/bmp')],
    ['/huge/', (_req, res) => image(res, big)],
    [
      '/endless/',
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        res.write(jpeg.subarray(0, 100));
        res.end(big);
      },
    ],
    ['/big-original/', (_req, res, url) => (url.pathname.includes('/s0/') ? image(res, big) : photo(res, url))],
    [
      '/slow/',
      async (_req, res, url) => {
        await new Promise((resolve) => setTimeout(resolve, 12_000));
        if (!res.destroyed) await photo(res, url);
      },
    ],
    // A post's opening picture at the size a camera gives (its hero is cropped to 1200 × 630 to share).
    ['/-door/', async (_req, res, url) => image(res, await picture(1600, 1200, 'jpeg', photoName(url)), 'image/jpeg')],
    // Photos large enough for astro:assets to offer several widths (a srcset) where the post shows them small.
    ['/-wide/', async (_req, res, url) => image(res, await picture(1200, 900, 'jpeg', photoName(url)), 'image/jpeg')],
    ['/', (_req, res, url) => photo(res, url)],
  ];
  return routes;
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startImageServer(): Promise<ImageServer> {
  const routes = await makeRoutes();
  const requests: string[] = [];
  const handle = (scheme: 'http' | 'https') => (req: IncomingMessage, res: ServerResponse) => {
    // A proxy is asked for the whole address; through a tunnel, the Host header names the site.
    const url = new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? 'localhost'}`);
    requests.push(`${url.protocol}//${url.host}${url.pathname}`);
    const route = routes.find(([key]) => url.pathname.includes(key))!;
    void route[1](req, res, url);
  };
  const pems = await generate([{ name: 'commonName', value: 'Blogger image hosts (test)' }], {
    keyType: 'ec',
    curve: 'P-256',
    extensions: [{ name: 'subjectAltName', altNames: TLS_HOSTS.map((value) => ({ type: 2 as const, value })) }],
  });
  const certDir = mkdtempSync(join(tmpdir(), 'image-server-'));
  const certFile = join(certDir, 'cert.pem');
  writeFileSync(certFile, pems.cert);
  const tls = createHttpsServer({ key: pems.private, cert: pems.cert }, handle('https'));
  const server: Server = createServer(handle('http'));
  // Tunnelled sockets are no longer the HTTP server's to close: keep them to end them on close.
  const sockets = new Set<Duplex>();
  server.on('connect', (req, socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    requests.push(`CONNECT ${req.url}`);
    const host = (req.url ?? '').replace(/:\d+$/, '');
    if (!servesOverTls(host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    tls.emit('connection', socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    certFile,
    cert: pems.cert,
    env: { HTTP_PROXY: url, HTTPS_PROXY: url, NO_PROXY: '', NODE_EXTRA_CA_CERTS: certFile },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        tls.closeAllConnections();
        for (const socket of sockets) socket.destroy();
        tls.close();
        server.close(() => {
          rmSync(certDir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
