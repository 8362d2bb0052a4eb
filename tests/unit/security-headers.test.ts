import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  auditPageScripts,
  CONTENT_TYPES,
  getSecurityHeaders,
  renderHeadersFile,
  renderNginxServer,
} from '../../src/lib/security-headers.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

describe('auditPageScripts', () => {
  test('hashes inline scripts that run, and not data blocks or external scripts', () => {
    const { hashes } = auditPageScripts(
      '<script>a()</script><script type="module">b()</script><script type="application/ld+json">{}</script><script src="/x.js"></script>',
    );
    expect(hashes).toEqual(["'sha256-" + sha256('a()') + "'", "'sha256-" + sha256('b()') + "'"]);
  });

  test('is not fooled by script tags inside attribute values', () => {
    const { hashes } = auditPageScripts('<meta content="</script><script>alert(1)</script>"><script>ok()</script>');
    expect(hashes).toEqual(["'sha256-" + sha256('ok()') + "'"]);
  });

  test('finds inline event handlers', () => {
    expect(auditPageScripts('<p title="onclick=x">a</p><img src=x onerror="y()">').inlineHandlers).toEqual([
      '<img onerror>',
    ]);
  });

  test('counts the player a click-to-load video loads as a frame of the page, though no iframe is there yet', () => {
    const { frames } = auditPageScripts(
      '<span class="player"><a class="facade" href="https://www.youtube.com/watch?v=M7lc1UVf-VE" data-video-embed="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?start=5&amp;autoplay=1">Play</a></span><a href="https://vimeo.com/1">Vimeo</a>',
    );
    expect(frames).toEqual(['https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?start=5&autoplay=1']);
  });
});

describe('security headers', () => {
  test('the CSP allows scripts only from the site and by hash, and forbids framing', () => {
    const csp = getSecurityHeaders(["'sha256-b'", "'sha256-a'", "'sha256-a'"])['Content-Security-Policy'];
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b';");
    // 'wasm-unsafe-eval' (search's WebAssembly) is allowed; inline script and eval are not.
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('_headers and the nginx block carry the same headers', () => {
    const headers = getSecurityHeaders(["'sha256-a'"]);
    const file = renderHeadersFile(headers);
    const nginx = renderNginxServer(headers, { root: '/srv/blog', port: 8080 });
    for (const [name, value] of Object.entries(headers)) {
      expect(file).toContain(`  ${name}: ${value}`);
      // The site, hashed assets, and each file served with its own type.
      expect(nginx.match(new RegExp(`add_header ${name} "`, 'g'))).toHaveLength(2 + Object.keys(CONTENT_TYPES).length);
    }
    expect(file).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(nginx).toContain('add_header Cache-Control "public, max-age=31536000, immutable" always;');
  });

  test('the JSON Feed is served with its own type, in _headers and nginx', () => {
    const file = renderHeadersFile(getSecurityHeaders([]));
    const nginx = renderNginxServer(getSecurityHeaders([]), { root: '/srv/blog', port: 8080 });
    expect(file).toContain('/feed.json\n  Content-Type: application/feed+json; charset=utf-8');
    expect(nginx).toMatch(/location = \/feed\.json \{[^}]*types \{ \}\s*default_type "application\/feed\+json";/);
    expect(file).not.toContain('xsl');
  });
});
