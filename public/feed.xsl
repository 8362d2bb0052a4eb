<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows an RSS 2.0 or Atom 1.0 feed of this site as a readable page when a person opens it in a
  browser: what a feed is, how to subscribe, and the items it holds. Feed readers ignore it.
  No script; the one inline style block is allowed by the site's Content-Security-Policy.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>
  <xsl:variable name="home" select="/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href"/>
  <xsl:variable name="format">
    <xsl:choose>
      <xsl:when test="/atom:feed">Atom</xsl:when>
      <xsl:otherwise>RSS</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <html>
      <xsl:attribute name="lang">
        <xsl:choose>
          <xsl:when test="/rss/channel/language"><xsl:value-of select="/rss/channel/language"/></xsl:when>
          <xsl:when test="/atom:feed/@xml:lang"><xsl:value-of select="/atom:feed/@xml:lang"/></xsl:when>
          <xsl:otherwise>en</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="$title"/> (<xsl:value-of select="$format"/> feed)</title>
        <style>
          :root { color-scheme: light dark; --text: #1f2421; --muted: #4d5651; --bg: #fbfaf7; --surface: #f1eee7; --link: #1d5e4c; --border: #d8d3c8; }
          @media (prefers-color-scheme: dark) {
            :root { --text: #ecebe6; --muted: #b9bdb5; --bg: #171a19; --surface: #222725; --link: #8fd3bd; --border: #3b423f; }
          }
          body { margin: 0; background: var(--bg); color: var(--text); font: 1.0625rem/1.6 system-ui, sans-serif; }
          .wrap { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
          a { color: var(--link); text-underline-offset: 0.15em; }
          .about { background: var(--surface); border: 1px solid var(--border); border-radius: 0.5rem; padding: 0.25rem 1.25rem 1rem; }
          code { display: block; overflow-wrap: anywhere; padding: 0.5rem 0.75rem; margin: 0.5rem 0; background: var(--bg); border: 1px solid var(--border); border-radius: 0.25rem; font-size: 0.95em; }
          h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.5rem 0 0.5rem; }
          h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; }
          ol { list-style: none; padding: 0; margin: 0; }
          li { padding: 0.75rem 0; border-block-end: 1px solid var(--border); }
          li a { font-weight: 600; font-size: 1.1rem; }
          li p, .meta { margin: 0.25rem 0 0; color: var(--muted); }
        </style>
      </head>
      <body>
        <div class="wrap">
          <header>
            <p class="meta"><a href="{$home}">Back to the site</a></p>
          </header>
          <main>
            <h1><xsl:value-of select="$title"/></h1>
            <p class="meta"><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
            <section class="about" aria-labelledby="about-feeds">
              <h2 id="about-feeds">This is a web feed (<xsl:value-of select="$format"/>)</h2>
              <p>A feed lets you follow this site without visiting it: a feed reader app checks it for
                you and shows each new item as it appears. There is nothing to sign up for, and no one
                learns your email address.</p>
              <p>To subscribe, copy this address into your feed reader (for example NetNewsWire,
                Feedly, Inoreader, Thunderbird, or the reader built into your podcast or news app):</p>
              <code><xsl:value-of select="$self"/></code>
              <p>New to feeds? Search for “RSS reader” in your phone’s app store, or use a web-based
                one, then add the address above.</p>
            </section>
            <h2 id="items">What this feed holds</h2>
            <xsl:choose>
              <xsl:when test="/rss/channel/item | /atom:feed/atom:entry">
                <ol aria-labelledby="items">
                  <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
                </ol>
              </xsl:when>
              <xsl:otherwise>
                <p>Nothing yet. Subscribe now and new items will reach you as they appear.</p>
              </xsl:otherwise>
            </xsl:choose>
          </main>
        </div>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <a href="{link}"><xsl:value-of select="title"/></a>
      <xsl:if test="description"><p><xsl:value-of select="description"/></p></xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
      <xsl:if test="atom:summary"><p><xsl:value-of select="atom:summary"/></p></xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
