import type { Element } from 'hast';
import { h, s } from 'hastscript';
import { Parser } from 'htmlparser2';

/** Addresses of a video hosted by YouTube or Vimeo. */
export interface RemoteVideo {
  /** The provider's own page for the video. */
  watch: string;
  /** The player, without autoplay: structured data names this one. */
  embed: string;
  /** The player the page loads after the reader's click: plays at once, with tracking reduced. */
  embedOnClick: string;
  name: 'YouTube' | 'Vimeo';
}

/**
 * A video's source. A YouTube video may start later (`start`, in seconds) or belong to a playlist
 * (`list`); a whole playlist is the id `videoseries` with its `list` (YouTube's own embed address).
 * An unlisted Vimeo video has a `hash` besides its id; a Vimeo video may start later too (`start`,
 * in seconds; Vimeo's player and page read it from the address's fragment, `#t=62s`).
 */
export type VideoSource =
  | { provider: 'youtube'; id: string; start?: number | undefined; list?: string | undefined }
  | { provider: 'vimeo'; id: string; hash?: string | undefined; start?: number | undefined }
  | { provider: 'file'; src: string; type?: string | undefined };

/** The provider's addresses, or undefined for a file served by this site. */
export function getRemoteVideo(source: VideoSource): RemoteVideo | undefined {
  if (source.provider === 'youtube') {
    const options = new URLSearchParams();
    if (source.list) options.set('list', source.list);
    if (source.start) options.set('start', String(source.start));
    const query = options.size > 0 ? `?${options}` : '';
    const embed = `https://www.youtube-nocookie.com/embed/${source.id}${query}`;
    const watch =
      source.id === 'videoseries'
        ? `https://www.youtube.com/playlist?list=${source.list ?? ''}`
        : `https://www.youtube.com/watch?v=${source.id}${source.list ? `&list=${source.list}` : ''}${source.start ? `&t=${source.start}s` : ''}`;
    return { watch, embed, embedOnClick: `${embed}${query ? '&' : '?'}autoplay=1`, name: 'YouTube' };
  }
  if (source.provider === 'vimeo') {
    // An unlisted video plays only with its hash (player.vimeo.com/video/ID?h=HASH, vimeo.com/ID/HASH).
    const player = `https://player.vimeo.com/video/${source.id}${source.hash ? `?h=${source.hash}` : ''}`;
    const start = source.start ? `#t=${source.start}s` : '';
    return {
      watch: `https://vimeo.com/${source.id}${source.hash ? `/${source.hash}` : ''}${start}`,
      embed: `${player}${start}`,
      embedOnClick: `${player}${source.hash ? '&' : '?'}autoplay=1&dnt=1${start}`,
      name: 'Vimeo',
    };
  }
  return undefined;
}

/** The poster of a click-to-load player: an image of this site (never a remote one, see the CSP). */
export interface FacadePoster {
  src: string;
  width?: number | undefined;
  height?: number | undefined;
}

/**
 * The click-to-load player of a YouTube or Vimeo video, the one markup the videos page, the
 * `<Video>` component and imported posts share (styled by src/styles/video-player.css; swapped for
 * the provider's frame by src/components/VideoFacadeScript.astro). Until the reader's click the page
 * holds a link to the video's page on the provider's site, a poster and a play button, so the
 * reader's browser talks to this site alone; `data-video-embed` is the player the click loads (the
 * CSP's frame-src counts it, see auditPageScripts).
 *
 * The player is a `<div>` (a block: in Markdown, raw HTML that starts with one is kept whole, so
 * its title is never read as Markdown). The poster is decorative (`alt=""`): the link's text names
 * the video. Without a poster (an imported video whose thumbnail could not be fetched) the box of
 * the same 16:9 size shows the title on a plain background instead (see noPoster).
 */
export function videoFacade(remote: RemoteVideo, title: string, poster?: FacadePoster): Element {
  const picture = poster
    ? h('img', {
        src: poster.src,
        alt: '',
        width: poster.width,
        height: poster.height,
        loading: 'lazy',
        decoding: 'async',
      })
    : noPoster(title);
  // Not search text: the player's words ("Play … (loads YouTube)") are the site's, not the post's.
  return h('div.player', { dataPagefindIgnore: '' }, [
    h('a.facade', { href: remote.watch, dataVideoEmbed: remote.embedOnClick, dataVideoTitle: title }, [
      picture,
      h('span.play', [
        s('svg', { viewBox: '0 0 24 24', width: 28, height: 28, ariaHidden: 'true', focusable: 'false' }, [
          s('path', { d: 'M8 5v14l11-7z', fill: 'currentColor' }),
        ]),
        h('span', ['Play ', h('span.visually-hidden', title), ` (loads ${remote.name})`]),
      ]),
    ]),
  ]);
}

/**
 * What a player without a poster shows in its place: the video's title on a plain 16:9 box. Hidden
 * from assistive technology, since the play button's text already names the video.
 */
export function noPoster(title: string): Element {
  return h('span.no-poster', { ariaHidden: 'true' }, [h('span', title)]);
}

/**
 * Whether HTML (or a Markdown body with raw HTML) holds a click-to-load player (an `<a>` with
 * `data-video-embed`), read with a real HTML tokenizer; a page that has none ships no player script.
 */
export function hasVideoFacade(html: string): boolean {
  if (!html.includes('data-video-embed')) return false;
  let found = false;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'a' && attributes['data-video-embed']) found = true;
    },
  });
  parser.write(html);
  parser.end();
  return found;
}
