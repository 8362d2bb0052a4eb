/**
 * npm run nginx-conf -- [--root dist] [--port 80] [--server-name example.com] [--standalone]
 *                       [--inbox-upstream http://127.0.0.1:8787 --inbox-server-name comments.example.com]
 * Prints an nginx server block for the built site, with the same security and caching headers as
 * dist/_headers (the CSP hashes come from the build, so run it after npm run build).
 * --standalone wraps it in a complete nginx.conf that runs unprivileged in the foreground (tests).
 * --inbox-upstream adds a second server block passing --inbox-server-name to the comment inbox.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditSite } from '../src/integrations/security-headers.ts';
import { readCommandLine } from '../src/lib/command-line.ts';
import { planServerRedirects } from '../src/lib/redirects.ts';
import { getSecurityHeaders, renderNginxInboxServer, renderNginxServer } from '../src/lib/security-headers.ts';

const USAGE = `Usage: npm run nginx-conf -- [options] > site.conf

Prints an nginx server block for the built site, with the same security and caching headers as
dist/_headers and the old addresses of _redirects as 301s. Run it after npm run build.

Options:
  --root <folder>                the built site (default dist)
  --port <n>                     the port to listen on (default 80)
  --server-name <name>           the site's host name (default _, any)
  --standalone                   a whole nginx.conf that runs unprivileged in the foreground
  --inbox-upstream <url>         also proxy the comment inbox running at <url>...
  --inbox-server-name <name>     ...under this host name
  -h, --help                     show this help

Details: docs/deploying.md`;
const { values } = readCommandLine(
  {
    options: {
      root: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '80' },
      'server-name': { type: 'string', default: '_' },
      standalone: { type: 'boolean', default: false },
      'inbox-upstream': { type: 'string' },
      'inbox-server-name': { type: 'string' },
    },
  },
  { usage: USAGE, name: 'npm run nginx-conf' },
);
const root = resolve(values.root);
// The build's _redirects (old Blogger addresses and the like) become real 301s in nginx.
const redirectsFile = resolve(root, '_redirects');
const written = existsSync(redirectsFile)
  ? readFileSync(redirectsFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => {
        // The old address is fully encoded (a label may hold # or ?); the target keeps its #fragment.
        const [from = '', to = ''] = line.split(/\s+/);
        return { from: decodeURIComponent(from), to: decodeURI(to) };
      })
  : [];
// nginx compares the decoded path, so /search/label/C%2B%2B and /search/label/C++ both match; see
// planServerRedirects for the other spellings answered (final slash, a label's case and "+").
/** True when the build has a page of its own (not a redirect page) at this folder address. */
const isRealPage = (path: string) => {
  const file = resolve(root, `.${path.replace(/\/?$/, '/')}index.html`);
  return existsSync(file) && !readFileSync(file, 'utf8').includes('<meta http-equiv="refresh"');
};
const redirects = planServerRedirects(written, isRealPage);
// The forms' CSP targets (the comment inbox's origin) as the build wrote them into _headers.
const headersFile = resolve(root, '_headers');
const formActions = existsSync(headersFile)
  ? /form-action ([^;\n]+)/.exec(readFileSync(headersFile, 'utf8'))?.[1]?.trim().split(/\s+/)
  : undefined;
const inboxUpstream = values['inbox-upstream'];
if (inboxUpstream && !values['inbox-server-name']) {
  console.error(
    '--inbox-upstream needs --inbox-server-name: the host name readers post comments to, e.g. comments.example.com',
  );
  process.exit(2);
}
const inbox = inboxUpstream
  ? `\n${renderNginxInboxServer({ upstream: inboxUpstream, port: Number(values.port), serverName: values['inbox-server-name']! })}`
  : '';
// The same policy as the build's _headers: script hashes, image and embed hosts from the pages.
const audit = await auditSite(root);
const site = renderNginxServer(getSecurityHeaders(audit.hashes, formActions, audit), {
  root,
  port: Number(values.port),
  serverName: values['server-name'],
  redirects: redirects.exact,
  requestRedirects: redirects.byRequest,
});
const server = `${site}${inbox}`;

if (!values.standalone) {
  process.stdout.write(server);
} else {
  const temp = resolve(root, '..', '.nginx');
  mkdirSync(temp, { recursive: true });
  const indented = server.replace(/^(?=.)/gm, '    ');
  process.stdout.write(`daemon off;
master_process off;
worker_processes 1;
pid ${temp}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${temp}/body;
    proxy_temp_path ${temp}/proxy;
    fastcgi_temp_path ${temp}/fastcgi;
    uwsgi_temp_path ${temp}/uwsgi;
    scgi_temp_path ${temp}/scgi;
${indented}}
`);
}
