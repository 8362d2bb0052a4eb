import type { Element, ElementContent, Parents, Root, RootContent, Text } from 'hast';
import { phrasing } from 'hast-util-phrasing';
import { slug as githubSlug } from 'github-slugger';
import { toString as hastToString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { judgeUrl } from '../urls.ts';
import { getRemoteVideo, videoFacade, type VideoSource } from '../video.ts';
import {
  BLOCKS_BETWEEN_WORDS,
  largestSrcsetCandidate,
  mapSrcset,
  oneCandidatePerDescriptor,
  POSTER_MARK,
} from './html-images.ts';
import { FRAME_PROVIDERS } from '../security-headers.ts';
import { isSameImage, upgradeToHttps } from './image-urls.ts';
import { googleMapLinkText, googleMapOf, type GoogleMap } from './maps.ts';

/**
 * Something in a post's HTML that the conversion changed or could not keep, for the import report.
 * `kind` groups the notes (the report counts them); `message` is a sentence about this one.
 */
export interface ConversionNote {
  kind:
    | 'link'
    | 'own-link'
    | 'relative'
    | 'image'
    | 'lazy-image'
    | 'srcset'
    | 'tracker'
    | 'script'
    | 'gist'
    | 'embed'
    | 'embed-unknown'
    | 'map'
    | 'flash'
    | 'blogger-video';
  message: string;
}

/**
 * A YouTube or Vimeo start time in whole seconds: `90`, `90s`, or hours, minutes and seconds as
 * YouTube's `t=` and Vimeo's `#t=` write them (`1m30s`, `1h2m`, `2h`). Undefined for anything
 * else, or for 0.
 */
export function startSeconds(value: string): number | undefined {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/i.exec(value.trim());
  if (!match || !value.trim()) return undefined;
  const [, hours = '0', minutes = '0', secs = '0'] = match;
  const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(secs);
  return total > 0 ? total : undefined;
}

/** A known embed provider: how its frames are titled, so a screen reader says what the frame holds. */
interface EmbedProvider {
  /** Matches the frame's https address. */
  test: (url: URL) => boolean;
  title: string;
}

/**
 * The providers whose players an imported post may embed (the list the owner's brief names:
 * YouTube, Vimeo, Google Docs/Slides/Maps, SoundCloud, Spotify). A frame from anywhere else is a
 * link, listed in the report for the owner to check. A Google Maps map is a link too (see
 * googleMapOf and mapLink); the entry here names a frame of Google Maps that is no map embed.
 */
const EMBED_PROVIDERS: readonly EmbedProvider[] = [
  { test: (u) => u.hostname === 'www.youtube-nocookie.com', title: 'YouTube video' },
  { test: (u) => u.hostname === 'player.vimeo.com', title: 'Vimeo video' },
  {
    test: (u) => u.hostname === 'docs.google.com' && u.pathname.startsWith('/presentation/'),
    title: 'Google Slides presentation',
  },
  {
    test: (u) => u.hostname === 'docs.google.com' && u.pathname.startsWith('/document/'),
    title: 'Google Docs document',
  },
  {
    test: (u) => u.hostname === 'docs.google.com' && u.pathname.startsWith('/spreadsheets/'),
    title: 'Google Sheets spreadsheet',
  },
  { test: (u) => u.hostname === 'docs.google.com' && u.pathname.startsWith('/forms/'), title: 'Google Forms form' },
  {
    test: (u) =>
      (u.hostname === 'www.google.com' && u.pathname.startsWith('/maps')) || u.hostname === 'maps.google.com',
    title: 'Google Maps map',
  },
  { test: (u) => u.hostname === 'w.soundcloud.com', title: 'SoundCloud audio player' },
  { test: (u) => u.hostname === 'open.spotify.com' && u.pathname.startsWith('/embed'), title: 'Spotify player' },
  {
    test: (u) => u.hostname === 'www.dailymotion.com' && u.pathname.startsWith('/embed/video/'),
    title: 'Dailymotion video',
  },
];

/**
 * YouTube's hosts, old and new, whose player addresses carry the video id (youtube.googleapis.com
 * served the Flash player of the 2010 embed code).
 */
const YOUTUBE_HOSTS = /^(?:(?:www\.|m\.)?youtube(?:-nocookie)?\.com|youtube\.googleapis\.com)$/;
/** Vimeo's Flash player (2008-2012 embed code): vimeo.com/moogaloop.swf?clip_id=ID&server=vimeo.com... */
const VIMEO_SITE_HOSTS = /^(?:www\.)?vimeo\.com$/;
/** Dailymotion's Flash player: dailymotion.com/swf/video/ID or /swf/ID (an id such as x7tgad0). */
const DAILYMOTION_HOSTS = /^(?:www\.)?dailymotion\.com$/;

/**
 * The https address of a frame: `http://` and scheme-relative `//` become `https://` (the site is
 * served over https and its CSP allows only https frames); YouTube players, including the Flash
 * addresses youtube.com/v/ID (also on youtube-nocookie.com and youtube.googleapis.com, with options
 * after `&` or `?`), move to youtube-nocookie.com/embed/ID, keeping the playlist and the start time; Vimeo's Flash
 * player (vimeo.com/moogaloop.swf?clip_id=ID) becomes player.vimeo.com/video/ID, and Dailymotion's
 * (dailymotion.com/swf/video/ID) dailymotion.com/embed/video/ID.
 * Returns undefined for an address that cannot be a frame (empty, javascript:, malformed).
 */
export function toHttpsEmbedUrl(src: string): URL | undefined {
  const trimmed = src.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol === 'http:') url.protocol = 'https:';
  if (url.protocol !== 'https:') return undefined;
  // A video's page or short address in a frame (youtu.be/ID, youtube.com/watch?v=ID) is its player.
  const pageId =
    url.hostname === 'youtu.be' ? url.pathname.slice(1) : url.pathname === '/watch' ? url.searchParams.get('v') : null;
  if (pageId && /^[\w-]+$/.test(pageId) && (url.hostname === 'youtu.be' || YOUTUBE_HOSTS.test(url.hostname))) {
    url = new URL(`https://www.youtube.com/embed/${pageId}${url.search}`);
  }
  // The old playlist player (embed?listType=playlist&list=PL…) is today's videoseries.
  const oldList = url.searchParams.get('list');
  if (YOUTUBE_HOSTS.test(url.hostname) && /^\/embed\/?$/.test(url.pathname) && oldList) {
    if ((url.searchParams.get('listType') ?? 'playlist') === 'playlist') {
      url = new URL(`https://www.youtube.com/embed/videoseries?list=${encodeURIComponent(oldList)}`);
    }
  }
  if (YOUTUBE_HOSTS.test(url.hostname)) {
    // Flash addresses put their options after "&" in the path: /v/ID&hl=en&fs=1. A Short's or a
    // live stream's page (/shorts/ID, /live/ID) plays in the same player.
    const match = /^\/(?:embed|v|shorts|live)\/([\w-]+)/.exec(url.pathname);
    if (match) {
      // Options after the id in a Flash path (/v/ID&start=45) count like the query's.
      const options = new URLSearchParams(url.search);
      const inPath = url.pathname.slice(match[0].length);
      if (inPath.startsWith('&')) {
        for (const [name, value] of new URLSearchParams(inPath.slice(1)))
          if (!options.has(name)) options.set(name, value);
      }
      const start = options.get('start') ?? options.get('t');
      const list = options.get('list');
      const embed = new URL(`https://www.youtube-nocookie.com/embed/${match[1]}`);
      // A playlist (embed/videoseries?list=PL…, or a video in one) is the list: without it, no video.
      if (list && /^[\w-]+$/.test(list)) embed.searchParams.set('list', list);
      const seconds = start === null ? undefined : startSeconds(start);
      if (seconds) embed.searchParams.set('start', String(seconds));
      return embed;
    }
  }
  if (VIMEO_SITE_HOSTS.test(url.hostname) && /^\/moogaloop(?:_local)?\.swf$/i.test(url.pathname)) {
    const clip = url.searchParams.get('clip_id');
    if (clip && /^\d+$/.test(clip)) return new URL(`https://player.vimeo.com/video/${clip}`);
  }
  // A Vimeo video's page in a frame (vimeo.com/ID, an unlisted one's vimeo.com/ID/HASH) plays in
  // its player; a start time (#t=…) goes with it.
  const vimeoPage = VIMEO_SITE_HOSTS.test(url.hostname) ? /^\/(\d+)(?:\/([0-9a-f]+))?\/?$/i.exec(url.pathname) : null;
  if (vimeoPage) {
    const player = new URL(`https://player.vimeo.com/video/${vimeoPage[1]}${url.hash}`);
    if (vimeoPage[2]) player.searchParams.set('h', vimeoPage[2]);
    return player;
  }
  if (DAILYMOTION_HOSTS.test(url.hostname)) {
    const match = /^\/(?:swf\/(?:video\/)?|video\/)([a-z0-9]+)/i.exec(url.pathname);
    if (match) return new URL(`https://www.dailymotion.com/embed/video/${match[1]}`);
  }
  // Dailymotion's short address (dai.ly/ID) and its current player (geo.dailymotion.com/player….html?video=ID).
  const dailymotion =
    url.hostname === 'dai.ly'
      ? url.pathname.slice(1)
      : url.hostname === 'geo.dailymotion.com'
        ? url.searchParams.get('video')
        : null;
  if (dailymotion && /^[a-z0-9]+$/i.test(dailymotion)) {
    return new URL(`https://www.dailymotion.com/embed/video/${dailymotion}`);
  }
  return spotifyPlayer(url) ?? soundCloudPlayer(url) ?? url;
}

/**
 * Spotify's player for an older or a page address in a frame: the Play Button of 2012-2017
 * (embed.spotify.com/?uri=spotify:track:ID, also spotify:user:NAME:playlist:ID) and a page of
 * open.spotify.com (/track/ID, /intl-de/album/ID) are open.spotify.com/embed/TYPE/ID, the address
 * Spotify's embed code gives today. Undefined for any other address.
 */
function spotifyPlayer(url: URL): URL | undefined {
  const TYPES = 'track|album|playlist|artist|episode|show';
  let found: RegExpExecArray | null = null;
  if (url.hostname === 'embed.spotify.com') {
    found = new RegExp(`^spotify:(?:user:[^:]+:)?(${TYPES}):(\\w+)$`).exec(url.searchParams.get('uri') ?? '');
  } else if (url.hostname === 'open.spotify.com' && !url.pathname.startsWith('/embed')) {
    found = new RegExp(`^(?:/intl-[\\w-]+)?(?:/user/[^/]+)?/(${TYPES})/(\\w+)/?$`).exec(url.pathname);
  }
  return found ? new URL(`https://open.spotify.com/embed/${found[1]}/${found[2]}`) : undefined;
}

/**
 * SoundCloud's player for its Flash player (player.soundcloud.com/player.swf?url=…, the embed code
 * until 2012): the HTML5 widget, w.soundcloud.com/player/?url=…, of the same track or set, its
 * address over https. Undefined for any other address.
 */
function soundCloudPlayer(url: URL): URL | undefined {
  if (url.hostname !== 'player.soundcloud.com' || !/^\/player\.swf$/i.test(url.pathname)) return undefined;
  const track = url.searchParams.get('url')?.replace(/^http:/i, 'https:');
  if (!track || !/^https:\/\/(?:api\.)?soundcloud\.com\//i.test(track)) return undefined;
  const widget = new URL('https://w.soundcloud.com/player/');
  widget.searchParams.set('url', track);
  return widget;
}

/** The title a frame from this address gets, or undefined when the provider is not a known one. */
export function getEmbedTitle(url: URL): string | undefined {
  return EMBED_PROVIDERS.find((provider) => provider.test(url))?.title;
}

const isElement = (node: RootContent | ElementContent | undefined, tag?: string): node is Element =>
  node?.type === 'element' && (tag === undefined || node.tagName === tag);

/**
 * The video an embed address plays, when the site's own click-to-load player can show it: a
 * YouTube player (youtube-nocookie.com/embed/ID, with its start time and playlist; a whole
 * playlist is the id `videoseries`) or a Vimeo one (player.vimeo.com/video/ID, with the hash `h` of an
 * unlisted video), as toHttpsEmbedUrl
 * writes them. Undefined for anything else (Dailymotion and documents stay frames; maps are links, see mapLink).
 */
export function videoSourceOf(url: URL): Extract<VideoSource, { id: string }> | undefined {
  if (url.hostname === 'www.youtube-nocookie.com') {
    const id = /^\/embed\/([\w-]+)\/?$/.exec(url.pathname)?.[1];
    const list = url.searchParams.get('list') ?? undefined;
    if (!id || (id === 'videoseries' && !list)) return undefined;
    const start = Number(url.searchParams.get('start') ?? '');
    return { provider: 'youtube', id, start: start > 0 ? start : undefined, list };
  }
  if (url.hostname === 'player.vimeo.com') {
    const id = /^\/video\/(\d+)\/?$/.exec(url.pathname)?.[1];
    const hash = url.searchParams.get('h') ?? '';
    // A start time is Vimeo's fragment, #t=1m2s or #t=62 (the query's autoplay and the like are the player's).
    const start = startSeconds(/^#t=([\w]+)$/i.exec(url.hash)?.[1] ?? '');
    return id ? { provider: 'vimeo', id, hash: /^[0-9a-f]+$/i.test(hash) ? hash : undefined, start } : undefined;
  }
  return undefined;
}

/**
 * The picture a video's provider shows for it, to download as the player's poster: YouTube's
 * largest thumbnail (i.ytimg.com/vi/ID/maxresdefault.jpg; the downloader falls back to
 * hqdefault.jpg, which every video has, when a video has no large one: see fallbackImageUrl).
 * Undefined for a playlist and for Vimeo, which offers no thumbnail address without an API key.
 */
export function videoThumbnailUrl(source: VideoSource): string | undefined {
  // "videoseries" (a playlist) has an id's length, and no thumbnail.
  if (source.provider !== 'youtube' || source.id === 'videoseries' || !/^[\w-]{11}$/.test(source.id)) return undefined;
  return `https://i.ytimg.com/vi/${source.id}/maxresdefault.jpg`;
}

/** Titles embed codes gave every frame, which name no video ("YouTube video player"). */
const GENERIC_VIDEO_TITLE = /^(?:(?:youtube|vimeo)(?: video)?(?: player)?|embedded video|video(?: player)?)$/i;

/** Whether an element is the site's click-to-load player (see videoFacade). */
export const isVideoFacade = (node: RootContent | ElementContent): node is Element =>
  isElement(node, 'div') &&
  Array.isArray(node.properties.className) &&
  node.properties.className.includes('player') &&
  node.children.some((child) => isElement(child, 'a') && child.properties.dataVideoEmbed !== undefined);

/** Elements that cannot hold a block: a paragraph, a heading, and phrasing elements (b, span, a...). */
const holdsOnlyPhrasing = (node: Element) =>
  node.tagName === 'p' || /^h[1-6]$/.test(node.tagName) || (phrasing(node) && !NOT_FORMATTING.has(node.tagName));

/**
 * What stands in for an embed in `parent`: `paragraph` (a <p> holding a link or a line of text),
 * or, when `parent` holds only text and inline elements (a <p>, a <b>), what the paragraph holds,
 * so it stays part of that line with the spaces around it (`<p>Here: <iframe…> see you.</p>` is
 * "Here: [the link] see you.", not the words run together around a paragraph in a paragraph).
 */
function inLine(parent: Parents, paragraph: Element): ElementContent {
  if (parent.type === 'element' && holdsOnlyPhrasing(parent) && paragraph.children.length === 1) {
    return paragraph.children[0]!;
  }
  return paragraph;
}

/**
 * Moves each video player out of the paragraphs and inline elements around it (Blogger put frames
 * in a paragraph, between `<br>`s, in a link...): a `<div>` there is invalid HTML and, in Markdown,
 * would no longer start a block of its own. Each such element is split around it, innermost first;
 * only the first part keeps the element's `id`.
 */
function liftVideoPlayers(parent: Root | Element): void {
  for (const child of parent.children) if (child.type === 'element' && !isVideoFacade(child)) liftVideoPlayers(child);
  const children = parent.children as ElementContent[];
  parent.children = children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element' || !holdsOnlyPhrasing(child) || !child.children.some(isVideoFacade)) return [child];
    const parts: ElementContent[] = [];
    let run: ElementContent[] = [];
    const flush = () => {
      if (run.some((node) => node.type === 'element' || (node.type === 'text' && node.value.trim()))) {
        const properties = { ...child.properties };
        if (parts.length > 0) delete properties.id;
        parts.push({ ...child, properties, children: run });
      }
      run = [];
    };
    for (const node of child.children) {
      if (isVideoFacade(node)) {
        flush();
        parts.push(node);
      } else run.push(node);
    }
    flush();
    return parts;
  });
}

/**
 * The size of a frame from its old `width` and `height` attributes. HTML takes only a whole number
 * of CSS pixels there (the Nu HTML Checker refuses `100%`, `560px`, `auto`), so: a number, with or
 * without `px` (decimals rounded), is kept as an attribute; a percentage width becomes the same CSS
 * width (what the author meant: as wide as the column); anything else is dropped. When both numbers
 * are known, the frame keeps their proportions as it narrows (`aspect-ratio`, with the height
 * following the width), so a 560 × 315 player is still 16:9 on a phone.
 */
export function frameSize(width: unknown, height: unknown): { width?: string; height?: string; style?: string } {
  const pixels = (value: unknown) => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(String(value ?? ''));
    const number = match ? Math.round(Number(match[1])) : 0;
    return number > 0 ? number : undefined;
  };
  const w = pixels(width);
  const h = pixels(height);
  const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(String(width ?? ''))?.[1];
  const css = [
    ...(percent && !w ? [`width: ${Number(percent)}%`] : []),
    ...(w && h ? [`aspect-ratio: ${w} / ${h}`, 'height: auto'] : []),
  ];
  return {
    ...(w ? { width: String(w) } : {}),
    ...(h ? { height: String(h) } : {}),
    ...(css.length > 0 ? { style: css.join('; ') } : {}),
  };
}

/** The frame that replaces an embed: lazy, titled, with an https source and a valid size (see frameSize). */
function makeFrame(url: URL, title: string, width?: unknown, height?: unknown): Element {
  return {
    type: 'element',
    tagName: 'iframe',
    properties: {
      src: url.href,
      title,
      loading: 'lazy',
      ...frameSize(width, height),
      allowFullScreen: true,
    },
    children: [],
  };
}

/**
 * The address of a Flash movie with its settings: an <embed src>, or an <object>'s data or
 * <param name="movie">, and the `flashvars` the player read (Vimeo's old code gave the clip there:
 * `<embed src="…/moogaloop.swf" flashvars="clip_id=123">`), joined as a query.
 */
function flashSource(node: Element): string | undefined {
  const movie = flashMovie(node);
  const vars = flashVars(node);
  if (!movie || !vars) return movie;
  return `${movie}${movie.includes('?') ? '&' : '?'}${vars.replace(/^[?&]+/, '')}`;
}

/** The `flashvars` of an <embed> or of an <object>'s <param> or inner <embed>, if any. */
function flashVars(node: Element): string | undefined {
  let found: string | undefined;
  visit(node, 'element', (child: Element) => {
    if (found) return;
    if (child.tagName === 'param' && String(child.properties.name).toLowerCase() === 'flashvars') {
      found = String(child.properties.value ?? '') || undefined;
    } else if (child.tagName === 'embed') {
      const vars = child.properties.flashVars ?? child.properties.flashvars;
      if (typeof vars === 'string' && vars) found = vars;
    }
  });
  return found;
}

/** The movie's own address: an <embed src>, or an <object>'s data or <param name="movie">. */
function flashMovie(node: Element): string | undefined {
  if (node.tagName === 'embed') return typeof node.properties.src === 'string' ? node.properties.src : undefined;
  if (typeof node.properties.data === 'string' && node.properties.data) return node.properties.data;
  let found: string | undefined;
  visit(node, 'element', (child: Element) => {
    if (found) return;
    if (child.tagName === 'param' && String(child.properties.name).toLowerCase() === 'movie') {
      found = String(child.properties.value ?? '');
    } else if (child.tagName === 'embed' && typeof child.properties.src === 'string') {
      found = child.properties.src;
    }
  });
  return found;
}

/** Whether an <object>/<embed> shows a picture (type image/*, or an image file's address). */
function isPictureObject(node: Element, url: URL): boolean {
  const type = String(node.properties.type ?? '').toLowerCase();
  return type.startsWith('image/') || (!type && /\.(?:jpe?g|png|gif|webp|avif)$/i.test(url.pathname));
}

/** The <img> an <object>/<embed> showing a picture becomes, described by its fallback text or title. */
function pictureOf(node: Element, url: URL): Element {
  const text = hastToString(node).replace(/\s+/g, ' ').trim();
  const alt = String(node.properties.title ?? '').trim() || text;
  return {
    type: 'element',
    tagName: 'img',
    properties: {
      src: url.href,
      alt,
      ...(node.properties.width ? { width: String(node.properties.width) } : {}),
      ...(node.properties.height ? { height: String(node.properties.height) } : {}),
    },
    children: [],
  };
}

/** Adobe's (and Macromedia's) hosts: a fallback's "Get Flash Player" link and badge come from there. */
const FLASH_VENDOR_HOST = /(^|\.)(adobe\.com|macromedia\.com)$/i;

const isFlashVendor = (address: unknown) => {
  try {
    const url = new URL(String(address ?? '').replace(/^\/\//, 'https://'));
    return FLASH_VENDOR_HOST.test(url.hostname) || /get_?flash/i.test(url.pathname);
  } catch {
    return false;
  }
};

/**
 * What stays of the fallback of a removed <object> (its children other than <param> and <embed>,
 * which only fed the plug-in; nested objects, as Blogger's old embed code nests them, give their
 * own): the pictures it showed (a still of the tour, a map), which are content. Its text is left
 * out: it spoke to readers without the plug-in ("Get Flash", "You need Flash player 9 to see this
 * tour"), which is every reader now, and would stand in the post with nothing to explain. Adobe's
 * "Get Flash Player" badge goes too. The addresses its links led to are returned for the report,
 * so the owner can act on them.
 */
function objectFallback(node: Element): { keep: ElementContent[]; links: string[] } {
  const keep: ElementContent[] = [];
  const links: string[] = [];
  const walk = (children: ElementContent[]) => {
    for (const child of children) {
      if (child.type !== 'element' || child.tagName === 'param' || child.tagName === 'embed') continue;
      if (child.tagName === 'img') {
        if (!isFlashVendor(child.properties.src)) keep.push(child);
        continue;
      }
      if (child.tagName === 'a' && typeof child.properties.href === 'string' && !isFlashVendor(child.properties.href)) {
        links.push(child.properties.href);
      }
      walk(child.children);
    }
  };
  walk(node.tagName === 'object' ? node.children : []);
  return { keep, links };
}

/**
 * A video uploaded to Blogger itself, which plays only in Blogger's own player on the old blog: an
 * iframe of www.blogger.com/video.g?token=… (Blogger marks it `BLOGGER-video-<id>`, class
 * `b-uploaded`), or the Flash forms before it: Blogger's class `BLOGGER-video`, a player on
 * blogger.com/video…, YouTube's `get_player` fed a file address (`flvurl=…`, `ps=blogger` in its
 * flashvars), or a YouTube address holding a Blogger video id (hexadecimal, a dash, digits:
 * `603d7fcafb20f5e0-3061`), which no YouTube video has. Returns the address of its player, an https
 * page a reader can open (only the iframe form has one), or '' when there is none; undefined when
 * the element is not a Blogger video.
 */
export function bloggerVideoAddress(node: Element): string | undefined {
  const marks = [
    String(node.properties.id ?? ''),
    ...(Array.isArray(node.properties.className) ? node.properties.className.map(String) : []),
  ];
  const marked = marks.some((mark) => /^BLOGGER-video\b|^b-uploaded$/i.test(mark));
  const source = node.tagName === 'iframe' ? String(node.properties.src ?? '') : (flashSource(node) ?? '');
  let url: URL | undefined;
  try {
    url = new URL(source.trim().startsWith('//') ? `https:${source.trim()}` : source.trim());
  } catch {
    url = undefined;
  }
  const onBlogger = url && /(^|\.)blogger\.com$/i.test(url.hostname) && /^\/video/i.test(url.pathname);
  const fileFed =
    url &&
    YOUTUBE_HOSTS.test(url.hostname) &&
    (/^\/get_player/i.test(url.pathname) || /[?&](flvurl|ps=blogger)/i.test(url.search));
  const bloggerId =
    url && YOUTUBE_HOSTS.test(url.hostname) && /^\/(?:v|embed)\/[0-9a-f]{16}-[0-9a-f]+(?:[&?/]|$)/i.test(url.pathname);
  if (!marked && !onBlogger && !fileFed && !bloggerId) return undefined;
  if (node.tagName === 'iframe' && onBlogger && url) {
    url.protocol = 'https:';
    return url.href;
  }
  return '';
}

/**
 * The https address of the file a <video> or <audio> plays from another site (its `src`, else its
 * first <source>), http and `//` upgraded; undefined when it plays nothing remote.
 */
function remoteMedia(node: Element): URL | undefined {
  const sources = [
    node.properties.src,
    ...node.children.map((child) => (isElement(child, 'source') ? child.properties.src : undefined)),
  ];
  for (const source of sources) {
    const address = typeof source === 'string' ? source.trim() : '';
    if (!/^(?:https?:)?\/\//i.test(address)) continue;
    try {
      const url = new URL(address.startsWith('//') ? `https:${address}` : address);
      url.protocol = 'https:';
      return url;
    } catch {
      continue;
    }
  }
  return undefined;
}

/** A paragraph holding one link, `<p><a href>label</a></p>`: what stands in for an embed the site does not show. */
function linkParagraph(href: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'p',
    properties: {},
    children: [{ type: 'element', tagName: 'a', properties: { href }, children: [text(label)] }],
  };
}

/** A paragraph with a link to a sound or video file: "Listen to the recording (calm.ogg, on host)". */
function mediaLinkParagraph(kind: string, media: URL, title: string): Element {
  const noun = kind === 'video' ? 'video' : 'recording';
  const name = decodeURIComponent(media.pathname.split('/').pop() ?? '') || media.hostname;
  return linkParagraph(
    media.href,
    `${kind === 'video' ? 'Watch' : 'Listen to'} ${title ? `“${title}”` : `the ${noun}`} (${name}, on ${media.hostname})`,
  );
}

const AUDIO_FILE = /\.(?:mp3|m4a|aac|oga|ogg|opus|wav|wma|flac)$/i;
const VIDEO_FILE = /\.(?:mp4|m4v|webm|ogv|mov|wmv|avi|mpe?g|3gp)$/i;

/**
 * The sound or video file a plug-in played, over https: the <embed>/<object>'s own address when it
 * is such a file (`track.mp3`), else an address of such a file among its settings (a Flash audio
 * player's `audioUrl=…/breath.mp3`); undefined for anything else (a Flash movie, a game).
 */
function mediaFileOf(source: string): { kind: 'audio' | 'video'; url: URL } | undefined {
  const parse = (address: string): URL | undefined => {
    const trimmed = address.trim();
    if (!/^(?:https?:)?\/\//i.test(trimmed)) return undefined;
    try {
      const url = new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed);
      url.protocol = 'https:';
      return url;
    } catch {
      return undefined;
    }
  };
  const kindOf = (url: URL) =>
    AUDIO_FILE.test(url.pathname) ? 'audio' : VIDEO_FILE.test(url.pathname) ? 'video' : undefined;
  const own = parse(source);
  if (!own) return undefined;
  const ownKind = kindOf(own);
  if (ownKind) return { kind: ownKind, url: own };
  for (const value of own.searchParams.values()) {
    const url = parse(value);
    const kind = url && kindOf(url);
    if (url && kind) return { kind, url };
  }
  return undefined;
}

/**
 * What replaces a Blogger video (see bloggerVideoAddress): a paragraph with a link to its player,
 * which opens on Blogger as long as the old blog is there, or, for the Flash forms that have no
 * such page, a line saying a video was here. Never a frame: Blogger's player is not one of the
 * site's known providers, and the Content-Security-Policy would block it.
 */
function bloggerVideoNotice(address: string, title: string): Element {
  const label = title
    ? `Watch “${title}” on the old blog (a video hosted by Blogger)`
    : 'Watch this video on the old blog (a video hosted by Blogger)';
  if (address) return linkParagraph(address, label);
  return {
    type: 'element',
    tagName: 'p',
    properties: {},
    children: [text('[A video hosted by Blogger was here; it plays only on the old blog.]')],
  };
}

/**
 * Embeds (B4, B5): iframes get an https address and a title naming the provider; a Google Maps
 * map (frame or <object>) is a link to it, named by its place (see mapLink); Flash video
 * players (<object>/<embed> with youtube.com/v/ID, vimeo.com/moogaloop.swf?clip_id=ID,
 * dailymotion.com/swf/ID) become the same frame as that provider's iframe would; any other Flash object is removed (no browser plays it, and the CSP forbids objects) and
 * any frame from an unknown provider is kept and listed.
 */
function convertEmbeds(tree: Root, notes: ConversionNote[], options: CleanOptions): void {
  let untitled = 0;
  /** The click-to-load player of a YouTube or Vimeo video, when the options ask for one. */
  const player = (url: URL, authored: string): Element | undefined => {
    const source = options.facades ? videoSourceOf(url) : undefined;
    const remote = source && getRemoteVideo(source);
    if (!source || !remote) return undefined;
    let title = authored.replace(/\s+/g, ' ');
    if (!title || GENERIC_VIDEO_TITLE.test(title)) {
      untitled += 1;
      title = options.title
        ? `Video${untitled > 1 ? ` ${untitled}` : ''} in “${options.title.replace(/\s+/g, ' ').trim()}”`
        : source.provider === 'youtube' && source.list && source.id === 'videoseries'
          ? `YouTube playlist ${source.list}`
          : `${remote.name} video ${source.id}`;
    }
    const thumbnail = videoThumbnailUrl(source);
    const facade = videoFacade(remote, title, thumbnail ? { src: thumbnail } : undefined);
    // The poster is downloaded like the post's images (see prepareImages), or dropped for the plain box.
    visit(facade, { type: 'element', tagName: 'img' }, (img: Element) => {
      img.properties[POSTER_MARK] = title;
    });
    return facade;
  };
  visit(tree, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined) return;
    const video = ['iframe', 'object', 'embed'].includes(node.tagName) ? bloggerVideoAddress(node) : undefined;
    if (video !== undefined) {
      const source = node.tagName === 'iframe' ? String(node.properties.src ?? '') : (flashSource(node) ?? '');
      notes.push({
        kind: 'blogger-video',
        message: video
          ? `a video hosted by Blogger (${video}) is a link to its player on the old blog: it cannot be embedded here, and it plays only while the old blog is online; download it from Blogger, upload it to YouTube or Vimeo and embed that instead of the link`
          : `a video hosted by Blogger (${source || 'no address'}) could not be kept: its Flash player played a file only Blogger served, and a line in the post says a video was there; upload the video to YouTube or Vimeo and embed it in place of that line`,
      });
      parent.children[index] = inLine(parent, bloggerVideoNotice(video, String(node.properties.title ?? '').trim()));
      return SKIP;
    }
    if (node.tagName === 'video' || node.tagName === 'audio') {
      const media = remoteMedia(node);
      if (!media) return undefined;
      notes.push({
        kind: 'embed',
        message: `a <${node.tagName}> playing ${media.href} is a link to that file: the site plays no media from other hosts (its Content-Security-Policy allows media from itself only); put the file in the post's folder, or on YouTube or Vimeo and embed that, in place of the link`,
      });
      parent.children[index] = inLine(
        parent,
        mediaLinkParagraph(node.tagName, media, String(node.properties.title ?? '').trim()),
      );
      return SKIP;
    }
    if (node.tagName === 'iframe') {
      const original = String(node.properties.src ?? '');
      const url = toHttpsEmbedUrl(original);
      if (!url) {
        notes.push({
          kind: 'embed',
          message: `an embedded frame with the address "${original}" was removed: it is not a web address`,
        });
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const authored = String(node.properties.title ?? '').trim();
      const map = googleMapOf(url);
      if (map) {
        parent.children[index] = mapLink(map, original, authored, notes, parent);
        return SKIP;
      }
      const known = getEmbedTitle(url);
      const facade = player(url, authored);
      if (facade) {
        parent.children[index] = facade;
        return SKIP;
      }
      if (!known) {
        // The site's frame-src names the known providers only: a frame from anywhere else would be
        // a blocked box. A link to it shows what it was and lets the reader open it: the page the
        // frame showed, when its address names one (a Facebook video or post, an Instagram post).
        const page = embeddedPage(url);
        const provider = FRAME_PROVIDERS.find((candidate) => candidate.hosts.includes(url.hostname));
        const linked = `it is a link to ${page ? `the ${page.what} it showed (${page.href})` : 'that address'} now`;
        notes.push({
          kind: 'embed-unknown',
          // A known provider's host with an address its players do not take (YouTube's retired
          // embed?listType=user_uploads): allowing the host would change nothing.
          message: provider
            ? `embedded ${url.href}, an address ${provider.name}'s players do not take (a retired kind of player, or not a player at all): ${linked}; open it to find what it showed, and embed that with ${provider.name}'s own embed code`
            : `embedded ${url.origin} (${url.href}), which is not a known provider: ${linked}, since the site's Content-Security-Policy would block the frame; to show it in place, allow ${url.origin} in frame-src and put the frame back`,
        });
        parent.children[index] = inLine(
          parent,
          linkParagraph(
            page?.href ?? url.href,
            authored || (page ? `The ${page.what}` : `Embedded content from ${url.hostname}`),
          ),
        );
        return SKIP;
      }
      const frame = makeFrame(
        url,
        authored || known || `Embedded content from ${url.hostname}`,
        node.properties.width,
        node.properties.height,
      );
      for (const keep of ['allow', 'referrerPolicy'] as const) {
        if (node.properties[keep] !== undefined) frame.properties[keep] = node.properties[keep];
      }
      parent.children[index] = frame;
      return SKIP;
    }
    if (node.tagName === 'object' || node.tagName === 'embed') {
      const source = flashSource(node) ?? '';
      const url = toHttpsEmbedUrl(source);
      // A Flash player of a known provider (YouTube, Vimeo, Dailymotion, SoundCloud) becomes its
      // frame: toHttpsEmbedUrl gave the player that replaced it, no longer a .swf.
      const provider = url && !/\.swf$/i.test(url.pathname) && !googleMapOf(url) ? getEmbedTitle(url) : undefined;
      if (url && provider) {
        parent.children[index] =
          player(url, String(node.properties.title ?? '').trim()) ??
          makeFrame(url, provider, node.properties.width, node.properties.height);
        return SKIP;
      }
      // A map in an <object> (embed code of the 2000s) is a link to it, as a map's frame is.
      const map = url && googleMapOf(url);
      if (map) {
        parent.children[index] = mapLink(map, source, String(node.properties.title ?? '').trim(), notes, parent);
        return SKIP;
      }
      // An <object>/<embed> that only shows a picture is that picture.
      if (url && isPictureObject(node, url)) {
        parent.children[index] = pictureOf(node, url);
        return SKIP;
      }
      // A plug-in that played a sound or video file (`<embed src="track.mp3">`, a Flash audio
      // player fed `audioUrl=…mp3`) is a link to that file, as a remote <audio> or <video> is.
      const media = mediaFileOf(source);
      if (media) {
        notes.push({
          kind: 'embed',
          message: `a plug-in player of ${media.url.href} (<${node.tagName}>) is a link to that file: browsers no longer run plug-ins, and the site plays no media from other hosts (its Content-Security-Policy allows media from itself only); put the file in the post's folder, or on YouTube or Vimeo and embed that, in place of the link`,
        });
        parent.children[index] = inLine(
          parent,
          mediaLinkParagraph(media.kind, media.url, String(node.properties.title ?? '').trim()),
        );
        return SKIP;
      }
      // The pictures a browser without the plug-in showed stay; its "Get Flash" text does not.
      const fallback = objectFallback(node);
      notes.push({
        kind: 'flash',
        message: `a Flash or plug-in player (${source || 'no address'}) was removed${describeFallback(fallback, hastToString(node))}: browsers no longer play it; embed the content again if it exists elsewhere`,
      });
      parent.children.splice(index, 1, ...fallback.keep);
      return [SKIP, index];
    }
    return undefined;
  });
}

/** What the note about a map adds for its form: why the link may not open it, or what was left out. */
const MAP_FORM_NOTES: Readonly<Partial<Record<GoogleMap['form'], string>>> = {
  classic:
    "; its address was Google's old embed form (output=embed), which Google no longer documents and may stop serving",
  'classic-my-map':
    "; it was a map made in Google's classic My Maps (msid=), which Google has retired, so the link may no longer open it: if the map is in your account's My Maps, link to its new address instead",
  'embed-api': "; the Maps Embed API key (key=) of the frame's address is left out of the link",
};

/**
 * What replaces a Google Maps embed (see googleMapOf) in `parent`: a link to the map in a window of
 * its own (in a paragraph of its own, unless `parent` holds text: see inLine), named by its place or route (googleMapLinkText), and a note naming the frame's
 * address. Never a frame: a map loads Google's scripts (and cookies) into the page as soon as it
 * shows, while the site loads nothing from another site until the reader asks, as its video players
 * wait for a click; the owner can still embed a map by hand, which the CSP allows (FRAME_PROVIDERS).
 */
function mapLink(
  map: GoogleMap,
  original: string,
  title: string,
  notes: ConversionNote[],
  parent: Parents,
): ElementContent {
  const label = googleMapLinkText(map, title);
  notes.push({
    kind: 'map',
    message: `a Google Maps map (${original}) is a link to it now, "${label}" (${map.href}): an embedded map would load Google's scripts into the page for every reader, and the site loads nothing from another site until the reader asks${MAP_FORM_NOTES[map.form] ?? ''}; to show a map in place again, embed it from Google Maps (Share › Embed a map gives a https://www.google.com/maps/embed?pb=… frame, which the site's Content-Security-Policy allows) where the link is`,
  });
  return inLine(parent, linkParagraph(map.href, label));
}

/**
 * The page a social network's embed frame showed, from the frame's address: Facebook's plugins
 * (`facebook.com/plugins/video.php?href=<the video's page>`, post.php, page.php) name it in `href`;
 * Instagram's is the post's address with `/embed` (`instagram.com/p/ID/embed/captioned`). Undefined
 * for any other frame, or when the named page is not an http(s) address.
 */
export function embeddedPage(url: URL): { href: string; what: string } | undefined {
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|web)\./, '');
  const plugin = /^\/plugins\/(video|post|page)\.php$/.exec(url.pathname);
  if (host === 'facebook.com' && plugin) {
    const named = url.searchParams.get('href') ?? '';
    if (!/^https?:\/\//i.test(named) || !URL.canParse(named)) return undefined;
    const what = { video: 'video on Facebook', post: 'post on Facebook', page: 'page on Facebook' }[plugin[1]!]!;
    return { href: new URL(named).href, what };
  }
  const post = /^\/(p|reel|tv)\/([\w-]+)\/embed(?:\/captioned)?\/?$/.exec(url.pathname);
  if (host === 'instagram.com' && post) {
    return { href: `https://www.instagram.com/${post[1]}/${post[2]}/`, what: 'post on Instagram' };
  }
  return undefined;
}

/** A gist's page from the address of its script: https://gist.github.com/user/id(.js)?file=x. */
function gistPage(src: string): string | undefined {
  try {
    const url = new URL(src.startsWith('//') ? `https:${src}` : src);
    const match = /^\/([\w.-]+\/)?([0-9a-f]+)\.js$/i.exec(url.pathname);
    if (url.hostname !== 'gist.github.com' || !match) return undefined;
    const file = url.searchParams.get('file');
    return `https://gist.github.com/${match[1] ?? ''}${match[2]}${file ? `#file-${file.replace(/[^\w-]/g, '-')}` : ''}`;
  } catch {
    return undefined;
  }
}

const text = (value: string): Text => ({ type: 'text', value });

/**
 * The movie and the element a SWFObject script put a Flash player in, for the two forms blogs
 * copied: `swfobject.embedSWF("tour.swf", "flashcontent", …)` (SWFObject 2) and
 * `new SWFObject("tour.swf", …)` with `.write("flashcontent")` (SWFObject 1). Undefined for any
 * other script.
 */
export function swfObjectTarget(script: string): { movie: string; target: string } | undefined {
  const embed = /swfobject\.embedSWF\(\s*(["'])(.*?)\1\s*,\s*(["'])(.*?)\3/i.exec(script);
  if (embed) return { movie: embed[2]!, target: embed[4]! };
  const made = /new\s+SWFObject\(\s*(["'])(.*?)\1/i.exec(script);
  const written = /\.write\(\s*(["'])(.*?)\1\s*\)/.exec(script);
  return made && written ? { movie: made[2]!, target: written[2]! } : undefined;
}

/**
 * What went with a removed Flash player, for its note: the pictures kept from its fallback, the
 * fallback's text (`text`, whitespace collapsed, cut at 80 characters) and the addresses it linked
 * to; "" when there was none of these.
 */
function describeFallback(fallback: { keep: ElementContent[]; links: string[] }, text: string): string {
  const dropped = text.replace(/\s+/g, ' ').trim();
  const kept =
    fallback.keep.length > 0
      ? `, keeping the picture${fallback.keep.length > 1 ? 's' : ''} it showed without the plug-in`
      : '';
  const said = dropped
    ? `; its text for readers without the plug-in ("${dropped.length > 80 ? `${dropped.slice(0, 79)}…` : dropped}") went with it`
    : '';
  const linked = fallback.links.length > 0 ? `; it linked to ${fallback.links.join(', ')}` : '';
  return `${kept}${said}${linked}`;
}

/**
 * Flash players placed by a SWFObject script: the script filled an element (`<div
 * id="flashcontent">`) with the player, and that element held what readers without Flash saw
 * ("You need Flash Player 9", Adobe's badge). With the script gone (the site runs none), that text
 * would be all that is left, so the element goes with the script, like the fallback of an
 * <object> (see objectFallback; its pictures other than Adobe's badge stay), and one note names
 * the movie. Runs before the scripts are converted.
 */
function removeSwfObjectPlayers(tree: Root, notes: ConversionNote[]): void {
  const found: { script: Element; movie: string; target: string }[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'script') return;
    const placed = swfObjectTarget(hastToString(node));
    if (placed) found.push({ script: node, ...placed });
  });
  for (const { script, movie, target } of found) {
    let holder: Element | undefined;
    visit(tree, 'element', (node: Element) => {
      if (!holder && node.properties.id === target) holder = node;
    });
    const fallback = holder ? objectFallback({ ...holder, tagName: 'object' }) : { keep: [], links: [] };
    const dropped = holder ? hastToString(holder) : '';
    visit(tree, 'element', (node: Element, index, parent) => {
      if (!parent || index === undefined || (node !== script && node !== holder)) return undefined;
      parent.children.splice(index, 1, ...(node === holder ? fallback.keep : []));
      return [SKIP, index];
    });
    notes.push({
      kind: 'flash',
      message: `a Flash player (${movie}) placed by a SWFObject script was removed with its script${describeFallback(fallback, dropped)}: browsers no longer play it; embed the content again if it exists elsewhere`,
    });
  }
}

/**
 * Markup that shows nothing in any browser today and only weighs on the page and its feeds:
 * conditional comments (`<!--[if gte mso 9]><xml>…<![endif]-->`, which Word pasted by the
 * kilobyte and only Internet Explorer read; the text between `<!--[if !supportLists]-->` and
 * `<!--[endif]-->` stays, as other browsers showed it), and AdSense's `<ins class="adsbygoogle">`, an empty
 * box its script filled with an ad (the script is removed with the others). The ad boxes are
 * reported; the comments are not, having never been seen. Other comments stay.
 */
function removeDeadMarkup(tree: Root, notes: ConversionNote[]): void {
  let ads = 0;
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const conditional = node.type === 'comment' && /^\s*\[(?:if\b[^\]]*|endif)\]/i.test(node.value);
    const ad =
      node.type === 'element' &&
      node.tagName === 'ins' &&
      Array.isArray(node.properties.className) &&
      node.properties.className.includes('adsbygoogle');
    if (!conditional && !ad) return undefined;
    if (ad) ads += 1;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  if (ads > 0) {
    notes.push({
      kind: 'script',
      message: `${ads === 1 ? 'an AdSense ad box was' : `${ads} AdSense ad boxes were`} removed (<ins class="adsbygoogle">): the ad script that filled ${ads === 1 ? 'it' : 'them'} does not run here`,
    });
  }
}

/**
 * Scripts (B6): the site runs no script from a post. A GitHub gist becomes a link to the gist,
 * followed by its code when the export holds it (a <noscript> or <pre> right after it, which is
 * then kept as code); any other script is removed and reported. A <noscript> elsewhere is what a
 * reader without scripts saw on Blogger, so its content stays, unless it only asks the reader to
 * turn JavaScript on (text naming JavaScript, no picture, link or frame): here every reader would
 * see that request, for a script that is gone. It is removed and reported; a page left with
 * nothing else is then an empty page (a draft, under errors).
 */
function convertScripts(tree: Root, notes: ConversionNote[]): void {
  removeDeadMarkup(tree, notes);
  visit(tree, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (node.tagName === 'noscript') {
      const said = hastToString(node).replace(/\s+/g, ' ').trim();
      let holdsMore = false;
      visit(node, 'element', (inner: Element) => {
        if (['img', 'a', 'iframe', 'video', 'audio', 'picture', 'object', 'embed'].includes(inner.tagName))
          holdsMore = true;
      });
      if (/javascript/i.test(said) && !holdsMore) {
        notes.push({
          kind: 'script',
          message: `a message for readers without JavaScript ("${said}") is removed: it was about a script the site does not run, and every reader would see it`,
        });
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      parent.children.splice(index, 1, ...node.children);
      return [SKIP, index];
    }
    if (node.tagName !== 'script') return undefined;
    const src = String(node.properties.src ?? '').trim();
    const gist = gistPage(src);
    if (gist) {
      const name = gist.replace('https://gist.github.com/', '').replace(/#.*/, '');
      const link: Element = {
        type: 'element',
        tagName: 'p',
        properties: {},
        children: [
          text('Code: '),
          { type: 'element', tagName: 'a', properties: { href: gist }, children: [text(`the gist ${name} on GitHub`)] },
        ],
      };
      // The code the export holds for readers without scripts, when it comes right after.
      let next = index + 1;
      while (parent.children[next]?.type === 'text' && !(parent.children[next] as Text).value.trim()) next += 1;
      const following = parent.children[next];
      const holdsCode = isElement(following, 'noscript') || isElement(following, 'pre');
      if (isElement(following, 'noscript')) {
        const code = hastToString(following).replace(/^\n+|\s+$/g, '');
        parent.children.splice(next, 1, {
          type: 'element',
          tagName: 'pre',
          properties: {},
          children: [{ type: 'element', tagName: 'code', properties: {}, children: [text(code)] }],
        });
      }
      parent.children[index] = link;
      notes.push({
        kind: 'gist',
        message: `the gist script ${src} became a link to ${gist}${holdsCode ? ', with the code the export held' : ''}`,
      });
      return SKIP;
    }
    const inline = hastToString(node).trim().replace(/\s+/g, ' ');
    notes.push({
      kind: 'script',
      message: `a script was removed (${src || `inline: ${inline.slice(0, 60)}${inline.length > 60 ? '…' : ''}`}); the site runs no scripts from posts`,
    });
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

/**
 * Headings (B8): a Markdown heading is one line, so block elements and <br> inside a heading
 * (`<h2><div>Deep</div><div>Tissue</div></h2>`) become spaces between their words.
 */
function flattenHeadings(tree: Root): void {
  visit(tree, 'element', (heading: Element) => {
    if (!/^h[1-6]$/.test(heading.tagName)) return undefined;
    const flatten = (nodes: ElementContent[]): ElementContent[] =>
      nodes.flatMap((node): ElementContent[] => {
        if (node.type !== 'element') return [node];
        if (node.tagName === 'br') return [text(' ')];
        if (BLOCKS_BETWEEN_WORDS.has(node.tagName)) return [text(' '), ...flatten(node.children), text(' ')];
        return [{ ...node, children: flatten(node.children) }];
      });
    heading.children = flatten(heading.children);
    return SKIP;
  });
}

/**
 * Empty headings: Blogger's editor leaves headings with nothing in them (`<h2><span><br></span></h2>`,
 * `<h3>&nbsp;</h3>`, a heading style on an empty line), which a browser drew as blank space but
 * which become empty `<h2 id="">` elements here, announced to screen-reader users as headings with no
 * name. A heading with no text and no picture is dropped; an anchor in it (`<span id>`, see
 * convertAnchors) stays where it was, so links to it still land.
 */
function dropEmptyHeadings(tree: Root): void {
  visit(tree, 'element', (heading: Element, index, parent) => {
    if (!/^h[1-6]$/.test(heading.tagName) || !parent || index === undefined) return undefined;
    if (hastToString(heading).trim()) return SKIP;
    const anchors: Element[] = [];
    let shows = false;
    visit(heading, 'element', (node: Element) => {
      if (node === heading) return undefined;
      if (!['span', 'a', 'b', 'strong', 'i', 'em', 'u', 'font', 'br', 'div', 'p'].includes(node.tagName)) shows = true;
      if (node.tagName === 'span' && node.properties.id !== undefined) anchors.push({ ...node, children: [] });
      return undefined;
    });
    if (shows) return SKIP;
    // The anchors open the next paragraph or heading, where a link to them lands; else they stay.
    const next = parent.children.slice(index + 1).find((node) => node.type === 'element');
    if (anchors.length > 0 && next?.type === 'element' && /^(p|h[1-6])$/.test(next.tagName)) {
      next.children.unshift(...anchors);
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    parent.children.splice(index, 1, ...anchors);
    return [SKIP, index + anchors.length];
  });
}

/**
 * Heading levels under the post's title: the page's title is the one `<h1>`, so the post's own
 * headings start at `<h2>` and skip no level, keeping their order of rank. Blogger's editor writes
 * `<h3>` and `<h4>` for its heading styles, so a post of only `<h3>`s would skip `<h2>` (a skipped
 * level, which screen-reader users navigating by heading meet and the Nu HTML Checker reports):
 * the levels used, smallest first, become 2, 3, 4... (at most 6).
 */
function rankHeadings(tree: Root): void {
  const levels = new Set<number>();
  visit(tree, 'element', (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName)) levels.add(Number(node.tagName[1]));
  });
  const ranked = [...levels].sort((a, b) => a - b);
  visit(tree, 'element', (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName)) node.tagName = `h${Math.min(6, 2 + ranked.indexOf(Number(node.tagName[1])))}`;
  });
}

/** Phrasing elements (hast-util-phrasing) that hold something other than formatted text. */
const NOT_FORMATTING = new Set([
  'br',
  'wbr',
  'img',
  'iframe',
  'video',
  'audio',
  'object',
  'embed',
  'picture',
  'canvas',
  'svg',
  'math',
  'script',
  'template',
  'noscript',
  'textarea',
  'select',
  'datalist',
  'input',
  'button',
  'keygen',
  'meter',
  'progress',
  'output',
  'map',
  'area',
  'link',
  'meta',
]);
/** Obsolete inline elements old editors wrote, which HTML's phrasing list no longer names. */
const OBSOLETE_INLINE = new Set(['font', 'big', 'tt', 'strike', 'blink', 'nobr', 'acronym']);
/** Blocks that stay as they are when formatting is split around them (their insides have their own structure). */
const BLOCKS_KEPT_WHOLE = new Set([
  'table',
  'ul',
  'ol',
  'dl',
  'pre',
  'hr',
  'figure',
  'details',
  'form',
  'fieldset',
  'menu',
]);
/** Blocks that formatting around them moves into (`<b><p>x</p></b>` is `<p><b>x</b></p>`). */
const FLOW_BLOCKS = new Set([
  ...BLOCKS_BETWEEN_WORDS,
  ...BLOCKS_KEPT_WHOLE,
  'address',
  'aside',
  'header',
  'footer',
  'main',
  'nav',
  'hgroup',
  'dd',
  'dt',
  'figcaption',
  'center',
]);

const isFormatting = (node: Element) =>
  !NOT_FORMATTING.has(node.tagName) && (OBSOLETE_INLINE.has(node.tagName) || phrasing(node));
const isFlowBlock = (node: ElementContent): node is Element => node.type === 'element' && FLOW_BLOCKS.has(node.tagName);

/**
 * The parts of a formatting element that holds blocks: each run of its inline children in a copy of
 * it, and each block with the formatting moved inside (blocks in BLOCKS_KEPT_WHOLE, such as tables
 * and lists, are kept as they are). Only the first copy keeps the element's `id` and `name`, so no
 * target is written twice; a link's address is on every copy.
 */
function splitAround(element: Element, children: ElementContent[], state: { first: boolean }): ElementContent[] {
  const parts: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    // Whitespace between blocks shows nothing: it is kept, but not formatted.
    if (run.some((node) => node.type === 'element' || (node.type === 'text' && node.value.trim()))) {
      const properties = { ...element.properties };
      if (!state.first) {
        delete properties.id;
        delete properties.name;
      }
      state.first = false;
      parts.push({ ...element, properties, children: run });
    } else parts.push(...run);
    run = [];
  };
  for (const child of children) {
    if (!isFlowBlock(child)) {
      run.push(child);
      continue;
    }
    flush();
    parts.push(
      BLOCKS_KEPT_WHOLE.has(child.tagName)
        ? child
        : { ...child, children: splitAround(element, child.children, state) },
    );
  }
  flush();
  return parts;
}

/**
 * Formatting left open across blocks (`<p>Start <b><i>bold</p><p>more</p>`): an HTML parser
 * reopens the formatting after each block ends (the HTML standard's adoption agency algorithm), so
 * the tree has a `<b>` holding paragraphs, tables and lists, which Markdown would glue into one line.
 * Every formatting element (b, i, span, font, a...) holding a block is split around it (see
 * splitAround), innermost first, so each block stays a block and keeps the words' formatting.
 */
function splitFormattingAroundBlocks(parent: Root | Element): void {
  const children = parent.children as ElementContent[];
  for (const child of children) if (child.type === 'element') splitFormattingAroundBlocks(child);
  if (!children.some((child) => child.type === 'element' && isFormatting(child) && child.children.some(isFlowBlock)))
    return;
  parent.children = children.flatMap((child) =>
    child.type === 'element' && isFormatting(child) && child.children.some(isFlowBlock)
      ? splitAround(child, child.children, { first: true })
      : [child],
  );
}

/** The jump break's name: Blogger's editor writes `<a name="more"></a>` where the excerpt ends. */
const JUMP_BREAK = 'more';
/** The marker that ends a post's excerpt here (see src/lib/text.ts). */
export const EXCERPT_MARKER = '<!-- more -->';

/**
 * Anchors (B7): `<a name>` / `<a id>` without an address keep their target as an id on a
 * `<span>` (footnotes and "back to the text" links still land), the jump break becomes the excerpt
 * marker, and a link with an empty address (`href=""`, or only spaces: `href=" "`) keeps its text
 * and loses the link, and is reported: no `<a href="">`. Ids are kept once each; a repeat is
 * dropped.
 */
function convertAnchors(tree: Root, ids: Set<string>, notes: ConversionNote[]): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return undefined;
    const written = typeof node.properties.href === 'string' ? node.properties.href : undefined;
    const href = written?.trim() ?? '';
    const target = String(node.properties.id ?? node.properties.name ?? '').trim();
    if (href) return undefined;
    const label = written === undefined ? '' : hastToString(node).replace(/\s+/g, ' ').trim();
    // A named anchor with an empty address and nothing to show is a place to land, not a lost link.
    if (written !== undefined && (!target || label)) {
      notes.push({
        kind: 'link',
        message: label
          ? `the link on "${label}" has no address (href="${written}"); its text is kept without the link`
          : node.children.some((child) => child.type === 'element')
            ? `a link around ${node.children.some((child) => isElement(child, 'img')) ? 'an image' : 'an element'} has no address (href="${written}"); what it held is kept without the link`
            : `an empty link, with no address and no text (href="${written}"), was removed`,
      });
    }
    if (target.toLowerCase() === JUMP_BREAK && !ids.has(JUMP_BREAK)) {
      ids.add(JUMP_BREAK);
      parent.children.splice(index, 1, { type: 'comment', value: ' more ' }, ...node.children);
      return [SKIP, index + 1];
    }
    if (target && !ids.has(target)) {
      ids.add(target);
      return replaceLinkByContent(node, index, parent, target);
    }
    return replaceLinkByContent(node, index, parent, '');
  });
}

/**
 * Puts what a link holds in its place, for a visitor of `parent`'s children: in a `<span id>` when
 * `target` names a place other links land on (so they still land), else unwrapped. Returns the
 * visitor's next step (the unwrapped children are visited in turn).
 */
function replaceLinkByContent(
  node: Element,
  index: number,
  parent: Parents,
  target: string,
): [typeof SKIP, number] | undefined {
  if (target) {
    parent.children[index] = { type: 'element', tagName: 'span', properties: { id: target }, children: node.children };
    return undefined;
  }
  parent.children.splice(index, 1, ...node.children);
  return [SKIP, index];
}

/**
 * What a script may do to go to an address: call `window.open(…)`, assign `location`,
 * `location.href`, `window.location` (or `document.`, `self.`, `top.`, `parent.location`, `.href`
 * on any of them), or call `location.assign(…)` / `location.replace(…)`. Each finds every such
 * statement, however its address is written.
 */
const NAVIGATIONS = [
  /\bwindow\.open\s*\(/g,
  /(?<![\w$.])(?:(?:window|document|self|top|parent)\.)?location(?:\.href)?\s*=(?!=)/g,
  /(?<![\w$.])(?:(?:window|document|self|top|parent)\.)?location\.(?:assign|replace)\s*\(/g,
];
/** The same statements with one quoted literal address, alone as the argument or the value assigned. */
const LITERAL_NAVIGATIONS = [
  /\bwindow\.open\s*\(\s*(['"])([^'"\\]*)\1\s*[,)]/g,
  /(?<![\w$.])(?:(?:window|document|self|top|parent)\.)?location(?:\.href)?\s*=(?!=)\s*(['"])([^'"\\]*)\1\s*(?=;|\}|$)/g,
  /(?<![\w$.])(?:(?:window|document|self|top|parent)\.)?location\.(?:assign|replace)\s*\(\s*(['"])([^'"\\]*)\1\s*\)/g,
];

/**
 * The address a script sends the reader to (see NAVIGATIONS), when it names exactly one, as one
 * quoted literal that is an http(s) address, a `//` address or a path on the site (`/p/prices.html`).
 * Undefined when it names none, more than one, an address built at run time
 * (`window.open(base + id)`, `location.href = url`), or any other kind of address.
 */
export function scriptedAddress(script: string): string | undefined {
  const statements = NAVIGATIONS.reduce((count, pattern) => count + (script.match(pattern)?.length ?? 0), 0);
  const literals = LITERAL_NAVIGATIONS.flatMap((pattern) => [...script.matchAll(pattern)].map((match) => match[2]!));
  if (statements === 0 || literals.length !== statements) return undefined;
  const addresses = new Set(literals.map(tidyAddress));
  const [address] = addresses;
  if (addresses.size !== 1 || !address) return undefined;
  if (!/^(?:https?:\/\/|\/\/[^/]|\/(?![/\\]))/i.test(address)) return undefined;
  return judgeUrl(address, 'link').ok ? address : undefined;
}

/** A `javascript:` address's script, percent-decoded as a browser runs it; undefined for any other address. */
function javascriptOf(href: string): string | undefined {
  const match = /^javascript:(.*)$/is.exec(href.trim());
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1];
  }
}

/**
 * Links whose address is in a script (`<a href="#" onclick="window.open('https://…'); return
 * false;">`, `<a href="javascript:void(0)" onclick="location.href='…'">`,
 * `href="javascript:window.open('…')"`): when the link's own address goes nowhere (none, empty,
 * "#", or `javascript:`) and its onclick, else its `javascript:` address, sends the reader to one
 * address (scriptedAddress), the link leads there and loses its onclick; a warning names the
 * address and the script. Any other link is left to checkLinks and convertAnchors, as before. Run
 * before those, and before the old blog's own addresses are relinked, so the address found is
 * treated like any other.
 */
function followScriptedLinks(tree: Root, notes: ConversionNote[]): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a') return;
    const written = typeof node.properties.href === 'string' ? node.properties.href : undefined;
    const href = written?.trim() ?? '';
    const script = javascriptOf(href);
    if (href && href !== '#' && script === undefined) return;
    const onclick = typeof node.properties.onClick === 'string' ? node.properties.onClick : '';
    if (written === undefined && !onclick) return;
    const fromClick = onclick ? scriptedAddress(onclick) : undefined;
    const address = fromClick ?? (script === undefined ? undefined : scriptedAddress(script));
    if (!address) return;
    const shown = fromClick ? `onclick="${onclick.trim()}"` : `href="${href}"`;
    const label = hastToString(node).replace(/\s+/g, ' ').trim();
    node.properties.href = address;
    delete node.properties.onClick;
    notes.push({
      kind: 'link',
      message: `the link${label ? ` on "${label}"` : ''} led to ${address} by a script (${shown.length > 120 ? `${shown.slice(0, 119)}…` : shown}); the site runs no scripts from posts, so it now leads to ${address} itself`,
    });
  });
}

/**
 * Links (B1): a link whose address the site's one URL rule refuses (judgeUrl: `http://`, a host
 * with spaces, a `javascript:` link, localhost) keeps its text without the link, and is reported;
 * the rest of the post is converted as usual.
 */
function checkLinks(tree: Root, notes: ConversionNote[]): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return undefined;
    const href = typeof node.properties.href === 'string' ? node.properties.href : undefined;
    if (href === undefined || !href.trim()) return undefined;
    const label = hastToString(node).trim();
    const spaced = spacedAbsoluteAddress(href);
    if (spaced) {
      node.properties.href = spaced;
      notes.push({
        kind: 'link',
        message: `the link "${href}"${label ? ` (on "${label}")` : ''} has spaces around its address that browsers do not strip (${unicodeSpaceNames(href)}), so it led to a page of the old blog that does not exist; it now leads to ${spaced}`,
      });
      return undefined;
    }
    const slashed = withBrowserSlashes(href);
    if (slashed !== href && judgeUrl(slashed, 'link').ok) {
      node.properties.href = slashed;
      notes.push({
        kind: 'link',
        message: `the link "${href}"${label ? ` (on "${label}")` : ''} is written with backslashes or extra slashes, which a browser reads as "/"; it now leads to ${slashed}, where it led on Blogger`,
      });
      return undefined;
    }
    const verdict = judgeUrl(href, 'link');
    if (verdict.ok) return undefined;
    notes.push({
      kind: 'link',
      message: `the link "${href}"${label ? ` (on "${label}")` : ''} ${verdict.problem}; its text is kept without the link${verdict.suggestion ? ` (perhaps ${verdict.suggestion} was meant)` : ''}`,
    });
    parent.children.splice(index, 1, ...node.children);
    return [SKIP, index];
  });
}

/**
 * An http(s) address as a browser reads its slashes (the URL Standard, for these "special"
 * schemes): a run of two or more "/" and "\\" after the scheme is the "//" before the host
 * (`http:\\\\example.com`, `https:///example.com`), and a "\\" before the query or fragment is a
 * "/" (`http://example.com\\a\\b.html`). Extra slashes without a backslash count only before a
 * host with a path after it (`https:///example.org/a`, not `https:///y.png`). Any other address is
 * returned as it is.
 */
export function withBrowserSlashes(address: string): string {
  const match = /^(https?:)[/\\]{2,}([^?#]*)(.*)$/is.exec(address);
  if (!match) return address;
  const [, scheme, rest, tail] = match;
  const host = rest!.split(/[/\\]/, 1)[0]!;
  if (!host) return address;
  // Extra slashes alone are repaired only before a host with a path after it: `https:///y.png`
  // is more likely a picture's file name than a site called y.png.
  const backslashed = /\\/.test(address.slice(0, address.length - tail!.length));
  if (!backslashed && !(host.includes('.') && rest!.length > host.length + 1)) return address;
  return `${scheme}//${rest!.replace(/\\/g, '/')}${tail}`;
}

/** Spaces other than ASCII ones (no-break, em, ideographic...), which a browser keeps in an address. */
const UNICODE_SPACES = /[\p{White_Space}\ufeff]/u;

/**
 * A link's address with spaces around it that the URL Standard does not strip (a no-break space
 * pasted before `https://`, an em space after it): a browser reads `"\u00a0https://x.org/"` as a
 * relative link to `%C2%A0https://x.org/` on the same site, a page that never existed, and the
 * site's URL rule takes it as such. When what is left without those spaces is a full address the
 * rule accepts, that address is what the writer meant: returned, else undefined.
 */
function spacedAbsoluteAddress(href: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed === href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || !judgeUrl(trimmed, 'link').ok) return undefined;
  return trimmed;
}

/** The names of the Unicode spaces around an address, for the report ("U+00A0 NO-BREAK SPACE"). */
function unicodeSpaceNames(href: string): string {
  const around = [...href].filter(
    (char, index, chars) =>
      UNICODE_SPACES.test(char) &&
      !/[\u0000-\u0020]/.test(char) &&
      (chars.slice(0, index).every((c) => UNICODE_SPACES.test(c)) ||
        chars.slice(index + 1).every((c) => UNICODE_SPACES.test(c))),
  );
  return [...new Set(around)]
    .map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(', ');
}

/**
 * Images whose address the site's one URL rule refuses (`http://`, a host with spaces, a
 * `javascript:` address) show nothing on any site, and cannot be downloaded: each is removed from
 * the tree and reported with its address and description. Run before the images are collected.
 */
export function removeBrokenImages(tree: Root): ConversionNote[] {
  const notes: ConversionNote[] = [];
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return undefined;
    const src = typeof node.properties.src === 'string' ? node.properties.src.trim() : '';
    if (!src) {
      // No address at all (`<img alt="…">`, `src=""`): a browser showed its description, or
      // nothing; an <img> without src is not HTML, so the description stays as text.
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : '';
      notes.push({
        kind: 'image',
        message: `an image${alt ? ` ("${alt}")` : ''} has no address, so it showed ${alt ? 'only its description' : 'nothing'} on Blogger; it is removed${alt ? ', its description kept as text' : ''}`,
      });
      parent.children.splice(index, 1, ...(alt ? [text(alt)] : []));
      return [SKIP, index];
    }
    const slashed = withBrowserSlashes(src);
    if (slashed !== src && judgeUrl(slashed, 'resource').ok) {
      node.properties.src = slashed;
      notes.push({
        kind: 'image',
        message: `the image "${src}" is written with backslashes or extra slashes, which a browser reads as "/"; it is taken from ${slashed}, where Blogger showed it from`,
      });
      return undefined;
    }
    const verdict = judgeUrl(src.startsWith('//') ? `https:${src}` : src, 'resource');
    if (verdict.ok) return undefined;
    const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : '';
    notes.push({
      kind: 'image',
      message: `the image "${src}"${alt ? ` ("${alt}")` : ''} ${verdict.problem}; it showed nothing on Blogger either, and is removed`,
    });
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return notes;
}

/**
 * Elements that show nothing by themselves: a link holding only these (and spaces) has nothing a
 * reader can see, or a screen reader can name.
 */
const SHOWS_NOTHING = new Set([
  'br',
  'wbr',
  'span',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'font',
  'small',
  'big',
  'sub',
  'sup',
  'strike',
  'del',
  'ins',
  'mark',
  'code',
  'tt',
]);

const showsNothing = (node: ElementContent): boolean =>
  node.type === 'comment' ||
  (node.type === 'text' && !node.value.trim()) ||
  (node.type === 'element' && SHOWS_NOTHING.has(node.tagName) && node.children.every(showsNothing));

/**
 * Links with an address and nothing to show (`<a href="https://…"></a>`, one holding only spaces or
 * a `<br>`, or one whose only picture had no address and was removed): Blogger's editor leaves them
 * where a link's text was deleted, and a reader cannot see them (a screen reader reads an unnamed
 * link). Each is removed, keeping its spaces and line breaks (a named one becomes a `<span id>`, so
 * links to it still land), and reported with its address. Run after removeBrokenImages.
 */
export function removeInvisibleLinks(tree: Root): ConversionNote[] {
  const notes: ConversionNote[] = [];
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return undefined;
    const href = typeof node.properties.href === 'string' ? node.properties.href.trim() : '';
    if (!href || !node.children.every(showsNothing)) return undefined;
    notes.push({
      kind: 'link',
      message: `the link to ${href} has no text or picture, so readers could not see it; it is removed`,
    });
    return replaceLinkByContent(node, index, parent, String(node.properties.id ?? node.properties.name ?? '').trim());
  });
  return notes;
}

/** An address as compared between a widget and its links: host without www., no query, fragment or final slash. */
function pageKey(address: string): string | undefined {
  if (!/^(?:https?:)?\/\//i.test(address) || !URL.canParse(address, 'https://x.invalid/')) return undefined;
  const url = new URL(address, 'https://x.invalid/');
  return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
}

/** What a social network's page is, by its address: "video on TikTok", "post on Facebook", "pin on Pinterest". */
function socialPageName(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|web)\./, '');
  const path = url.pathname;
  if (host === 'tiktok.com') return /\/video\//.test(path) ? 'video on TikTok' : 'page on TikTok';
  if (host === 'facebook.com') {
    if (/\/videos?\/|^\/watch/.test(path)) return 'video on Facebook';
    return /\/(?:posts|photos|permalink)/.test(path) ? 'post on Facebook' : 'page on Facebook';
  }
  if (host === 'instagram.com') return 'post on Instagram';
  if (/^(?:[a-z]{2}\.)?pinterest\.[a-z.]+$/.test(host))
    return /^\/pin\//.test(path) ? 'pin on Pinterest' : 'board on Pinterest';
  return `page on ${url.hostname}`;
}

/**
 * Where a social network's embed code names the page its script draws (Facebook's SDK, TikTok's and
 * Instagram's embed.js): `data-href` on Facebook's `fb-post`, `fb-video` and `fb-page`, `cite` on a
 * blockquote the code marks with a class (TikTok's `tiktok-embed`), `data-instgrm-permalink`.
 */
function widgetAddress(node: Element): string | undefined {
  const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
  const named = (value: unknown) => (typeof value === 'string' && pageKey(value.trim()) ? value.trim() : undefined);
  if (classes.some((name) => /^fb-(?:post|video|page)$/.test(name))) return named(node.properties.dataHref);
  if (node.tagName === 'blockquote' && classes.length > 0 && named(node.properties.cite))
    return named(node.properties.cite);
  return named(node.properties.dataInstgrmPermalink);
}

/**
 * Social networks' embeds that their script drew from an address the markup names (see
 * widgetAddress): with the script gone, a Facebook post's `<div class="fb-post">` showed nothing
 * and a TikTok video's blockquote only its author and caption. Each gets a link to the page it
 * showed ("The video on TikTok"), at its end, unless it already links there; a link a script named
 * and left empty (Pinterest's `<a data-pin-do href>`) is named the same way. Each is reported.
 * Run before the scripts are removed.
 */
function linkScriptWidgets(tree: Root, notes: ConversionNote[]): void {
  visit(tree, 'element', (node: Element) => {
    const scripted = Object.keys(node.properties).some((name) => /^data[A-Z]/.test(name));
    if (node.tagName === 'a' && scripted && node.children.every(showsNothing)) {
      const href = typeof node.properties.href === 'string' ? node.properties.href.trim() : '';
      if (!pageKey(href)) return undefined;
      const what = socialPageName(new URL(href, 'https://x.invalid/'));
      node.children = [text(`The ${what}`)];
      notes.push({ kind: 'embed', message: `an embed its script drew (${href}) is a link to the ${what} now` });
      return SKIP;
    }
    const address = widgetAddress(node);
    if (!address) return undefined;
    const key = pageKey(address);
    let linked = false;
    visit(node, 'element', (inner: Element) => {
      if (inner.tagName === 'a' && pageKey(String(inner.properties.href ?? '').trim()) === key) linked = true;
    });
    if (linked) return undefined;
    const href = new URL(address, 'https://x.invalid/').href;
    const what = socialPageName(new URL(href));
    node.children.push(linkParagraph(href, `The ${what}`));
    notes.push({
      kind: 'embed',
      message: `an embed its script drew (${href}) showed ${hastToString(node).trim() === `The ${what}` ? 'nothing' : 'only part of it'} without the script; a link to the ${what} follows it now`,
    });
    return SKIP;
  });
}

/** Form controls a reader fills in or chooses from; a form without one only sent what it held. */
const FILLED_CONTROLS = new Set(['select', 'textarea']);
const SENT_INPUTS = new Set(['hidden', 'submit', 'image', 'button', 'reset']);

/**
 * Forms (a PayPal "Buy now" button, a FeedBurner sign-up, a search box): the site's
 * Content-Security-Policy sends forms to its own comment inbox only (form-action), so a form to
 * another site would do nothing, and without it its button and field names were left as loose
 * words. A form whose fields are all hidden (a button that sends fixed values, as PayPal's does)
 * becomes a link to its action with those values in the query, showing the button's picture or
 * words; a form for the reader to fill in is removed. Each is reported with its address. A
 * `<textarea>` outside a form, where old posts offered code to copy ("paste this into your
 * template"), becomes a code block of its text, lines and indents kept, instead of prose. Run
 * after removeTrackingImages, so a button's tracking pixel is gone.
 */
function convertForms(tree: Root, notes: ConversionNote[]): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'form' || !parent || index === undefined) return undefined;
    const action = String(node.properties.action ?? '').trim();
    const controls: Element[] = [];
    visit(node, 'element', (inner: Element) => {
      if (['input', 'button', ...FILLED_CONTROLS].includes(inner.tagName)) controls.push(inner);
    });
    const type = (control: Element) => String(control.properties.type ?? 'text').toLowerCase();
    const filled = controls.some(
      (control) =>
        FILLED_CONTROLS.has(control.tagName) || (control.tagName === 'input' && !SENT_INPUTS.has(type(control))),
    );
    const post = String(node.properties.method ?? 'get').toLowerCase() === 'post';
    if (filled || !/^https?:\/\//i.test(action) || !URL.canParse(action)) {
      notes.push({
        kind: 'embed',
        message: `a form for readers to fill in (sent to ${action || 'the page itself'}) was removed: the site sends no form to another site (its Content-Security-Policy's form-action); link to the service's own page in its place if it still has one`,
      });
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const url = new URL(action);
    for (const control of controls) {
      const name = String(control.properties.name ?? '');
      if (control.tagName === 'input' && type(control) === 'hidden' && name) {
        url.searchParams.append(name, String(control.properties.value ?? ''));
      }
    }
    const button = controls.find((control) => control.tagName === 'button' || type(control) !== 'hidden');
    const words = button
      ? String(button.properties.value ?? button.properties.alt ?? hastToString(button)).trim() || 'Submit'
      : 'Submit';
    const picture = button && type(button) === 'image' && typeof button.properties.src === 'string';
    const label: ElementContent = picture
      ? { type: 'element', tagName: 'img', properties: { src: button.properties.src, alt: words }, children: [] }
      : text(words);
    const link: Element = { type: 'element', tagName: 'a', properties: { href: url.href }, children: [label] };
    parent.children[index] = { type: 'element', tagName: 'p', properties: {}, children: [link] };
    notes.push({
      kind: 'embed',
      message: `a form that only sent its hidden fields (to ${url.origin}) is a link with them in its address now (${url.href}), since the site sends no form to another site${post ? '; the form sent them by POST, so check that the link still leads where the button did' : ''}`,
    });
    return SKIP;
  });
  visit(tree, { type: 'element', tagName: 'textarea' }, (node: Element, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const code = hastToString(node).replace(/^\n/, '').replace(/\s+$/, '');
    const block: Element = {
      type: 'element',
      tagName: 'pre',
      properties: {},
      children: [{ type: 'element', tagName: 'code', properties: {}, children: [text(code)] }],
    };
    parent.children.splice(index, 1, ...(code ? [block] : []));
    return [SKIP, index];
  });
  // A code block is no part of a paragraph: one that held a text box is split around it.
  visit(tree, { type: 'element', tagName: 'p' }, (node: Element, index, parent) => {
    if (!parent || index === undefined || !node.children.some((child) => isElement(child, 'pre'))) return undefined;
    const parts: ElementContent[] = [];
    let words: ElementContent[] = [];
    const flush = () => {
      if (words.some((child) => child.type !== 'text' || child.value.trim())) {
        // The paragraph's id (a link's target) stays on its first part only.
        const others = Object.fromEntries(Object.entries(node.properties).filter(([name]) => name !== 'id'));
        parts.push({ ...node, properties: parts.length === 0 ? node.properties : others, children: words });
      }
      words = [];
    };
    for (const child of node.children) {
      if (isElement(child, 'pre')) {
        flush();
        parts.push(child);
      } else words.push(child);
    }
    flush();
    parent.children.splice(index, 1, ...parts);
    return [SKIP, index + parts.length];
  });
}

/** CSS for an HTML length attribute: "320" is 320px, "50%" stays as it is; undefined for anything else. */
function cssLength(value: unknown): string | undefined {
  const text = String(value ?? '').trim();
  if (/^\d+(\.\d+)?$/.test(text)) return `${text}px`;
  return /^\d+(\.\d+)?%$/.test(text) ? text : undefined;
}

/**
 * Table attributes of 1990s HTML (and `align` on blocks, and <center>), which Blogger's editor still writes and HTML no longer has
 * (the Nu HTML Checker refuses them): the ones that change the look become the same CSS in the
 * element's style (align, valign, width, bgcolor); spacing and border attributes, whose look the
 * site's own table style gives, are dropped. Property names as hast spells them.
 */
const TABLE_ELEMENTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'col', 'colgroup', 'caption']);
const DROPPED_TABLE_ATTRIBUTES = [
  'border',
  'cellPadding',
  'cellSpacing',
  'frame',
  'rules',
  'summary',
  'noWrap',
  'char',
  'charOff',
  'axis',
  'abbr',
  'height',
];

/** Block elements whose `align` (obsolete) becomes `text-align`, and <center>, which becomes a div. */
const ALIGNED_BLOCKS = new Set(['div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'center']);

function modernizeTables(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    if (ALIGNED_BLOCKS.has(node.tagName)) {
      const align = node.tagName === 'center' ? 'center' : String(node.properties.align ?? '').toLowerCase();
      if (node.tagName === 'center') node.tagName = 'div';
      delete node.properties.align;
      if (['left', 'right', 'center', 'justify'].includes(align)) {
        const own = String(node.properties.style ?? '')
          .trim()
          .replace(/;?$/, '');
        node.properties.style = [`text-align: ${align}`, ...(own ? [own] : [])].join('; ');
      }
      return;
    }
    if (!TABLE_ELEMENTS.has(node.tagName)) return;
    const { properties } = node;
    const css: string[] = [];
    const align = String(properties.align ?? '').toLowerCase();
    if (node.tagName === 'table' && align === 'center') css.push('margin-left: auto', 'margin-right: auto');
    else if (node.tagName === 'table' && (align === 'left' || align === 'right')) css.push(`float: ${align}`);
    else if (['left', 'right', 'center', 'justify'].includes(align)) css.push(`text-align: ${align}`);
    const valign = String(properties.vAlign ?? '').toLowerCase();
    if (['top', 'middle', 'bottom', 'baseline'].includes(valign)) css.push(`vertical-align: ${valign}`);
    const width = cssLength(properties.width);
    if (width && node.tagName !== 'col' && node.tagName !== 'colgroup') css.push(`width: ${width}`);
    if (typeof properties.bgColor === 'string' && /^#?[\w]+$/.test(properties.bgColor)) {
      css.push(`background-color: ${properties.bgColor}`);
    }
    for (const name of ['align', 'vAlign', 'bgColor', ...DROPPED_TABLE_ATTRIBUTES]) delete properties[name];
    if (node.tagName !== 'col' && node.tagName !== 'colgroup') delete properties.width;
    if (css.length > 0) {
      const own = String(properties.style ?? '')
        .trim()
        .replace(/;?$/, '');
      // The element's own style comes last, so where both say something, it wins (as it did on Blogger).
      properties.style = [...css, ...(own ? [own] : [])].join('; ');
    }
  });
}

/**
 * An address attribute as a browser reads it. The URL Standard's parser first strips leading and
 * trailing C0 controls and spaces, then removes every tab and newline (https://url.spec.whatwg.org/,
 * "basic URL parser", steps 1 to 3): `href=" https://x.org/a\n"` goes to https://x.org/a on
 * Blogger, and must not become a relative link to "%20https://x.org/a%0A" here.
 */
export function tidyAddress(value: string): string {
  return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** Every `href` and `src` of the tree as a browser reads it (tidyAddress). */
function tidyAddresses(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    for (const name of ['href', 'src'] as const) {
      const value = node.properties[name];
      // One of only spaces stays as written: convertAnchors reports it as the author wrote it.
      if (typeof value === 'string' && tidyAddress(value)) node.properties[name] = tidyAddress(value);
    }
  });
}

/** An address with a scheme (`https:`, `mailto:`, `data:`), scheme-relative (`//x.org`) or a fragment only (`#top`). */
const isWhole = (address: string) => /^(?:[a-z][a-z\d+.-]*:|\/\/|#)/i.test(address);

/**
 * Reads each relative address of the entry's images (`src`, `srcset`) and links (`href`) against
 * `address`, the entry's own address on the old blog, as browsers read it there: `photo.jpg` in
 * https://calm.blogspot.com/2020/01/post.html is https://calm.blogspot.com/2020/01/photo.jpg, and
 * a link to `/p/prices.html` names the old blog's page, which relinkOwnBlog then leads here. Left
 * as written, the image named a file the site does not have and the build refused the post. One
 * note per entry lists what changed. Run after tidyAddresses, before the links are judged.
 */
function resolveRelativeAddresses(tree: Root, address: string, notes: ConversionNote[]): void {
  const read: string[] = [];
  const resolve = (value: string): string => {
    // One the site's URL rule refuses (www.example.com without https://, a misspelt "https;//") is
    // left for checkLinks and removeBrokenImages to report with the address that was meant.
    if (!value.trim() || isWhole(value) || !judgeUrl(value, 'link').ok) return value;
    try {
      const whole = new URL(value, address).href;
      read.push(`${value} → ${whole}`);
      return whole;
    } catch {
      return value;
    }
  };
  visit(tree, 'element', (node: Element) => {
    const names =
      node.tagName === 'a' ? ['href'] : ['img', 'source', 'audio', 'video'].includes(node.tagName) ? ['src'] : [];
    for (const name of names) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = resolve(value);
    }
    const srcset = node.properties.srcSet;
    if ((node.tagName === 'img' || node.tagName === 'source') && typeof srcset === 'string' && srcset.trim()) {
      node.properties.srcSet = mapSrcset(srcset, resolve) ?? srcset;
    }
  });
  if (read.length > 0) {
    notes.push({
      kind: 'relative',
      message: `${read.length === 1 ? 'an address was' : `${read.length} addresses were`} relative to the post's address on the old blog (${address}), and ${read.length === 1 ? 'is' : 'are'} read against it as browsers read ${read.length === 1 ? 'it' : 'them'} there: ${read.join(', ')}`,
    });
  }
}

/**
 * Links within the entry (`href="#fn3"`) that lead to no place in it: no element with that id, no
 * heading whose address on the site is that (github-slugger, as Astro gives headings ids), and not
 * `#top`, which browsers take to the top of any page (the HTML standard's "indicated part of the
 * document"), nor `#comments`, a post's comments here. Each is kept as written and named in a warning, since on Blogger it went nowhere
 * either, or to a part of the page the post no longer has (the blog's sidebar). Run last.
 */
function reportMissingTargets(tree: Root, notes: ConversionNote[]): void {
  // A post page's comments are at #comments (CommentsSection), where relinkOwnBlog leads #c123.
  const targets = new Set<string>(['top', 'comments']);
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') targets.add(node.properties.id);
    if (/^h[1-6]$/.test(node.tagName)) targets.add(githubSlug(hastToString(node)));
  });
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || href.length < 2) return;
    let fragment = href.slice(1);
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      // Kept as written: a browser looks for the undecoded id too.
    }
    if (targets.has(fragment) || fragment.toLowerCase() === 'top') return;
    notes.push({
      kind: 'link',
      message: `the link "${hastToString(node).trim() || href}" leads to ${href}, but nothing in the post has that id, so it goes nowhere (on Blogger it may have led to the blog's sidebar); point it at a heading of the post or remove the link`,
    });
  });
}

/**
 * Ids that a link of the post points at (`href="#fn2"`) on elements the Markdown cannot give an id
 * (a footnote's `<p id="fn2">`, a `<li id>`, a heading's own id): each moves to an empty `<span>`
 * at the element's start, so the link still lands. Other ids (editors' leftovers such as `docs-internal-guid-…`) are not kept. Run after
 * convertAnchors, which keeps the ids of `<a id>`/`<a name>`; an id is kept once.
 */
function keepLinkedIds(tree: Root, ids: Set<string>): void {
  const linked = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && href.length > 1) {
      try {
        linked.add(decodeURIComponent(href.slice(1)));
      } catch {
        linked.add(href.slice(1));
      }
    }
  });
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'span') return undefined;
    // A link may name its target the old way too (`<a href="#fn1" name="r1">`).
    const named = node.tagName === 'a' ? node.properties.name : undefined;
    const written = node.properties.id ?? named;
    const id = typeof written === 'string' ? written : '';
    if (!id || !linked.has(id)) return undefined;
    delete node.properties.id;
    delete node.properties.name;
    if (ids.has(id)) return undefined;
    ids.add(id);
    // The site gives each heading an id from its text (github-slugger, as Astro does): an old id
    // that is the same needs no second element with it.
    if (/^h[1-6]$/.test(node.tagName) && githubSlug(hastToString(node)) === id) return undefined;
    if (node.tagName === 'a') {
      // A footnote's number is often the link and the target of "back to the text" at once
      // (`<a href="#fn1" id="r1">`): the target goes just before the link.
      if (!parent || index === undefined) return undefined;
      parent.children.splice(index, 0, { type: 'element', tagName: 'span', properties: { id }, children: [] });
      return [SKIP, index + 2];
    }
    // An empty span at the start: around the text it would put a paragraph inside a span where
    // Markdown wraps a list item's text in one.
    node.children.unshift({ type: 'element', tagName: 'span', properties: { id }, children: [] });
    return undefined;
  });
}

/**
 * The attributes lazy-loading scripts read the real picture from (hast's names): `data-src`
 * (lazysizes, lozad and most others), `data-lazy-src` (WordPress's and Blogger themes' plug-ins),
 * `data-original` (jQuery Lazy Load), in that order, then `data-srcset` (lazysizes' responsive form).
 */
const LAZY_SOURCES = [
  ['dataSrc', 'data-src'],
  ['dataLazySrc', 'data-lazy-src'],
  ['dataOriginal', 'data-original'],
] as const;

/** An address an image can be downloaded from: http(s), or `//` (read as https). */
const downloadable = (address: string) =>
  /^(?:https?:)?\/\/[^/]/i.test(address) &&
  judgeUrl(address.startsWith('//') ? `https:${address}` : address, 'resource').ok;

/**
 * Whether an image's own `src` only stands in for a picture a script loads: none, a `data:` URI
 * (lazy-loading scripts' inline blank GIF), a file whose name says it (blank, spacer, placeholder,
 * loading, lazy, pixel, transparent, 1x1: `/img/placeholder.gif`, `grey-loading.svg`), or an image
 * 1×1 pixels or smaller by its attributes.
 */
function isPlaceholderSource(node: Element): boolean {
  const src = typeof node.properties.src === 'string' ? node.properties.src.trim() : '';
  if (!src || /^data:/i.test(src)) return true;
  const name =
    src
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? '';
  if (/blank|spacer|placeholder|loading|lazy|pixel|transparent|1x1/i.test(name)) return true;
  const width = pixelSize(node, 'width');
  const height = pixelSize(node, 'height');
  return width !== undefined && height !== undefined && width <= 1 && height <= 1;
}

/**
 * The picture a lazy-loading script would have put in an image, when its `src` is only a
 * placeholder (isPlaceholderSource): the first of `data-src`, `data-lazy-src` and `data-original`
 * that holds an http(s) address, else the largest candidate of `data-srcset` (with that srcset).
 * `from` names the attribute. Undefined when the image has its own picture, or no such address.
 */
export function lazyImageSource(node: Element): { src: string; from: string; srcset?: string } | undefined {
  if (node.tagName !== 'img' || !isPlaceholderSource(node)) return undefined;
  for (const [property, attribute] of LAZY_SOURCES) {
    const value = node.properties[property];
    const address = typeof value === 'string' ? tidyAddress(value) : '';
    if (address && downloadable(address)) return { src: address, from: attribute };
  }
  const srcset = typeof node.properties.dataSrcset === 'string' ? node.properties.dataSrcset.trim() : '';
  const largest = srcset ? largestSrcsetCandidate(srcset) : undefined;
  return largest && downloadable(largest) ? { src: largest, from: 'data-srcset', srcset } : undefined;
}

/**
 * The image in a `<noscript>` that holds nothing else, when it is this picture (lazy-loading
 * markup's copy for readers without scripts); else undefined.
 */
function noscriptCopy(node: ElementContent | undefined, src: string): Element | undefined {
  if (!isElement(node, 'noscript')) return undefined;
  const inside = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  const image = inside.length === 1 && isElement(inside[0], 'img') ? inside[0] : undefined;
  const copy = typeof image?.properties.src === 'string' ? tidyAddress(image.properties.src) : '';
  return copy && (copy === src || isSameImage(upgradeToHttps(copy), upgradeToHttps(src))) ? image : undefined;
}

/**
 * Lazy-loading markup (`<img src="data:image/gif;base64,…" data-src="https://…/real.jpg">`,
 * `src="/img/placeholder.gif" data-lazy-src="…"`, jQuery Lazy Load's `data-original`): the script
 * that swapped the real picture in runs here no more, so the image takes that picture's address
 * (lazyImageSource) as its `src`, and is downloaded like any other; a `data-srcset` becomes its
 * `srcset` (with `data-sizes` its `sizes`, unless that is lazysizes' `auto`) when it has none. The lazy-loading attributes go, and so
 * do a 1×1 placeholder's width and height. A `<noscript>` right after it holding only the same
 * picture (the copy for readers without scripts) goes too, or the picture would show twice; its
 * alt, title and size fill in what the image lacks. The script's `lazy…` classes go. One
 * note per entry counts the images and names the first address. Run before the trackers are
 * removed, which a 1×1 placeholder would look like.
 */
function resolveLazyImages(tree: Root, notes: ConversionNote[]): void {
  const found: { src: string; from: string }[] = [];
  let copies = 0;
  visit(tree, 'element', (node: Element, index, parent) => {
    const lazy = lazyImageSource(node);
    if (!lazy) return undefined;
    const width = pixelSize(node, 'width');
    const height = pixelSize(node, 'height');
    const tiny = width !== undefined && height !== undefined && width <= 1 && height <= 1;
    node.properties.src = lazy.src;
    const srcset = typeof node.properties.dataSrcset === 'string' ? node.properties.dataSrcset.trim() : '';
    if (srcset && node.properties.srcSet === undefined) {
      node.properties.srcSet = srcset;
      // lazysizes' `data-sizes="auto"` was the script's to compute; without it, none is right.
      const sizes = node.properties.dataSizes;
      if (typeof sizes === 'string' && !/^\s*auto\s*$/i.test(sizes) && node.properties.sizes === undefined)
        node.properties.sizes = sizes;
    }
    for (const name of ['dataSrc', 'dataLazySrc', 'dataOriginal', 'dataSrcset', 'dataSizes']) {
      delete node.properties[name];
    }
    if (tiny) {
      delete node.properties.width;
      delete node.properties.height;
    }
    // The script's own classes (lazy, lazyload, lazyloaded) styled the swap; nothing here uses them.
    if (Array.isArray(node.properties.className)) {
      node.properties.className = node.properties.className.filter((name) => !/^lazy/i.test(String(name)));
      if (node.properties.className.length === 0) delete node.properties.className;
    }
    found.push(lazy);
    if (!parent || index === undefined) return undefined;
    let next = index + 1;
    while (parent.children[next]?.type === 'text' && !(parent.children[next] as Text).value.trim()) next += 1;
    const copy = noscriptCopy(parent.children[next] as ElementContent | undefined, lazy.src);
    if (copy) {
      // What the copy says that the image does not (its description, its size) stays.
      for (const name of ['alt', 'title', 'width', 'height']) {
        const own = node.properties[name];
        if ((own === undefined || own === '') && copy.properties[name] !== undefined) {
          node.properties[name] = copy.properties[name];
        }
      }
      parent.children.splice(next, 1);
      copies += 1;
    }
    return undefined;
  });
  if (found.length === 0) return;
  const one = found.length === 1;
  const attributes = [...new Set(found.map((lazy) => lazy.from))].join(', ');
  notes.push({
    kind: 'lazy-image',
    message: `${one ? 'an image' : `${found.length} images`} showed a placeholder until a lazy-loading script put the picture from ${attributes} in ${one ? 'its' : 'their'} place; the site runs no scripts from posts, so ${one ? 'it shows' : 'they show'} that picture (${found[0]!.src}${one ? '' : ', …'}), downloaded like any other${copies > 0 ? `, and the copy for readers without scripts (<noscript>) is not shown a second time` : ''}`,
  });
}

/**
 * Hosts that serve only hit counters, visitor maps and analytics pixels (a subdomain counts:
 * c.statcounter.com), the ones old blogs pasted into posts and sidebars: their images count
 * visits for another site and let it see every reader.
 */
const TRACKER_HOSTS = [
  'statcounter.com',
  'sitemeter.com',
  'histats.com',
  'clustrmaps.com',
  'flagcounter.com',
  'amung.us',
  'amazingcounters.com',
  'google-analytics.com',
  'hitwebcounter.com',
  'freecounterstat.com',
  'easycounter.com',
  'revolvermaps.com',
  'extreme-dm.com',
  'quantserve.com',
  'scorecardresearch.com',
  'mc.yandex.ru',
  'counter.yadro.ru',
  'top.mail.ru',
  'pixel.wp.com',
];

/** A number of CSS pixels from a size attribute (`1`, `1px`, `0`), or from a style's declaration; else undefined. */
function pixelSize(node: Element, name: 'width' | 'height'): number | undefined {
  const attribute = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(String(node.properties[name] ?? ''))?.[1];
  const styled = new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*(\\d+(?:\\.\\d+)?)px\\s*(?:!important\\s*)?(?:;|$)`, 'i').exec(
    String(node.properties.style ?? ''),
  )?.[1];
  const value = attribute ?? styled;
  return value === undefined ? undefined : Number(value);
}

/**
 * Whether an image is a tracking image, and where it loaded from: the host named in the report
 * (the address itself when it has no host, `/counter.gif`). Tracking images are: any image whose
 * width and height (attributes, or the same in its style) are both 1 pixel or less, which shows
 * nothing and exists only to be loaded; Blogger's own view tracker
 * (`blogger.googleusercontent.com/tracker/…`, which Blogger put in each post's footer); an image
 * from a hit counter or analytics host (TRACKER_HOSTS); FeedBurner's feed pixels and "flare"
 * buttons (`feeds.feedburner.com/~r/…`, `/~ff/…`). Undefined for any other image, and for a
 * `data:` image, which loads nothing from anywhere.
 */
export function trackingImageHost(node: Element): string | undefined {
  if (node.tagName !== 'img') return undefined;
  const src = typeof node.properties.src === 'string' ? node.properties.src.trim() : '';
  if (!src || /^data:/i.test(src)) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(src.startsWith('//') ? `https:${src}` : src);
  } catch {
    url = undefined;
  }
  const host = url && /^https?:$/.test(url.protocol) ? url.hostname.toLowerCase().replace(/\.$/, '') : undefined;
  const width = pixelSize(node, 'width');
  const height = pixelSize(node, 'height');
  const pixel = width !== undefined && height !== undefined && width <= 1 && height <= 1;
  const bloggerTracker =
    host !== undefined &&
    /(^|\.)(blogger\.com|googleusercontent\.com)$/.test(host) &&
    /^\/tracker\//i.test(url!.pathname);
  const counter = host !== undefined && TRACKER_HOSTS.some((known) => host === known || host.endsWith(`.${known}`));
  const feedPixel =
    host !== undefined &&
    /(^|\.)feedburner\.com$|^feedproxy\.google\.com$/.test(host) &&
    /^\/~(?:r|ff)\//i.test(url!.pathname);
  if (!pixel && !bloggerTracker && !counter && !feedPixel) return undefined;
  return host ?? src;
}

/** Whether an element holds nothing a reader sees: no text but spaces, no element but line breaks. */
const holdsNothing = (node: Element) =>
  node.children.every(
    (child) => (child.type === 'text' && !child.value.trim()) || (child.type === 'element' && child.tagName === 'br'),
  );

/**
 * Hit counters and tracking pixels (see trackingImageHost): old posts and sidebars pasted a
 * counter's code, a script (removed by convertScripts) and a `<noscript>` fallback holding its
 * image, wrapped in a link to the counter's site; Blogger put a 1×1 view tracker in each post's
 * footer. Each tracking image is removed, and so is each element it leaves holding nothing (the
 * link around it, the `<div class="statcounter">`, the `<noscript>`), up to the one that still
 * holds something; an emptied element with an `id` or `name` stays, as a target links may land on
 * (a link among them without its address). A `<noscript>` with real content keeps it. One note per
 * entry names the hosts. Run before convertScripts, which unwraps the `<noscript>`s.
 */
function removeTrackingImages(tree: Root, notes: ConversionNote[]): void {
  const hosts = new Set<string>();
  const links = new Set<string>();
  let count = 0;
  /** Removes the trackers under `parent`; true when it removed any. */
  const prune = (parent: Root | Element): boolean => {
    let removed = false;
    parent.children = (parent.children as ElementContent[]).filter((child) => {
      if (child.type !== 'element') return true;
      const host = trackingImageHost(child);
      if (host !== undefined) {
        hosts.add(host);
        count += 1;
        removed = true;
        return false;
      }
      if (!prune(child)) return true;
      removed = true;
      if (!holdsNothing(child)) return true;
      const href = child.tagName === 'a' ? child.properties.href : undefined;
      if (typeof href === 'string' && href.trim()) {
        links.add(href.trim());
        delete child.properties.href;
      }
      return child.properties.id !== undefined || child.properties.name !== undefined;
    }) as typeof parent.children;
    return removed;
  };
  prune(tree);
  if (count === 0) return;
  const one = count === 1;
  notes.push({
    kind: 'tracker',
    message: `${one ? 'a tracking image' : `${count} tracking images`} (hit counters, visitor maps, 1×1 pixels that count views) from ${[...hosts].join(', ')} ${one ? 'was' : 'were'} removed${links.size > 0 ? `, with the link${links.size > 1 ? 's' : ''} around ${one ? 'it' : 'them'} (${[...links].join(', ')})` : ''}: ${one ? 'it was' : 'they were'} no part of the post, counted visits for another site and would have shown it every reader of this one; the site loads no trackers`,
  });
}

/** How cleanImportedHtml treats an entry. */
/** What the import knows of the old blog, to tell a link to one of its own pages from any other. */
export interface OwnBlog {
  /** Its host names, lowercased (BloggerExport.hosts); empty for a Takeout export. */
  hosts: ReadonlySet<string>;
  /** The old paths of its posts and pages (`/2020/01/welcome.html`, `/p/prices.html`). */
  oldPaths: ReadonlySet<string>;
  /** Its labels as written, whose `/search/label/...` addresses lead to tags. */
  labels: ReadonlySet<string>;
}

/** "calm" for calm.blogspot.com, calm.blogspot.co.uk or www.calm.blogspot.de; undefined for any other host. */
const blogspotName = (host: string) => /^(?:www\.)?([a-z0-9-]+)\.blogspot\.(?:[a-z]{2,3}\.)?[a-z]{2,}$/.exec(host)?.[1];
const withoutWww = (host: string) => host.replace(/^www\./, '').replace(/\.$/, '');

/**
 * The address on this site of a link to one of the old blog's own pages, written whole
 * (`https://calm.blogspot.com/2020/01/welcome.html?m=1#more`), as a path the build redirects
 * (`/2020/01/welcome.html`); undefined for a link anywhere else, or to an old page the site does
 * not redirect (a post the export did not hold), which keeps leading to the old blog.
 *
 * The old blog's addresses: its own hosts (with or without "www.", a blogspot name under any of
 * Google's country domains, as Blogger served calm.blogspot.co.uk to British readers); when no
 * blogspot name is known (a Takeout export names no host), any blogspot host whose path is one of
 * the blog's posts or pages.
 * Kept: the path; the home page, posts, pages and labels the export holds. Dropped: Blogger's
 * query (`?m=1` for phones, `showComment=`, `max-results=`) and the jump break's `#more`; a
 * comment's `#c123` becomes the comments section, `#comments`.
 */
export function ownBlogPath(href: string, blog: OwnBlog): string | undefined {
  if (!URL.canParse(href)) return undefined;
  const url = new URL(href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = withoutWww(url.hostname.toLowerCase());
  const name = blogspotName(host);
  const path = url.pathname;
  const names = [...blog.hosts].map(blogspotName).filter((known) => known !== undefined);
  const ownHost = [...blog.hosts].some((known) => withoutWww(known) === host) || (name && names.includes(name));
  // With no blogspot name known (Takeout, or a custom domain), a blogspot address of one of its posts.
  const byPath = name !== undefined && names.length === 0 && blog.oldPaths.has(path);
  if (!ownHost && !byPath) return undefined;
  const label = /^\/search\/label\/([^/]+)$/.exec(path)?.[1];
  const known =
    path === '/' ||
    blog.oldPaths.has(path) ||
    (label !== undefined && blog.labels.has(safeDecode(label).replace(/\+/g, ' ')));
  if (!known) return undefined;
  const fragment = url.hash === '#more' ? '' : /^#c\d+$/.test(url.hash) ? '#comments' : url.hash;
  return `${path}${fragment}`;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Links to the old blog's own pages written whole (Blogger's link dialog writes them so) lead to
 * this site instead: the path the build redirects to the page now there (ownBlogPath). One note per
 * entry says how many, with the first.
 */
function relinkOwnBlog(tree: Root, blog: OwnBlog, notes: ConversionNote[]): void {
  const moved: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const href = node.tagName === 'a' ? node.properties.href : undefined;
    if (typeof href !== 'string') return;
    const path = ownBlogPath(href, blog);
    if (path === undefined) return;
    node.properties.href = path;
    moved.push(`${href} → ${path}`);
  });
  if (moved.length > 0) {
    notes.push({
      kind: 'own-link',
      message: `${moved.length === 1 ? 'a link' : `${moved.length} links`} to the old blog's own pages now ${moved.length === 1 ? 'leads' : 'lead'} to this site (${moved[0]}${moved.length > 1 ? ', …' : ''}), where the old address redirects to the page now there`,
    });
  }
}

/**
 * Srcsets that offer two pictures for one descriptor (`a.jpg 1x, b.jpg 1x`, `a.jpg 800w, b.jpg
 * 800w`: invalid HTML) keep the first candidate of each (see oneCandidatePerDescriptor: the one
 * browsers showed), on <img> and <source>; a note per image names the candidates left out and the
 * one kept. Runs after the lazy images take their data-srcset, so theirs is mended too.
 */
function mendSrcsets(tree: Root, notes: ConversionNote[]): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'img' && node.tagName !== 'source') return;
    const srcset = node.properties.srcSet;
    if (typeof srcset !== 'string') return;
    const mended = oneCandidatePerDescriptor(srcset);
    if (!mended || mended.dropped.length === 0) return;
    node.properties.srcSet = mended.srcset;
    const image = String(node.properties.src ?? '') || mended.srcset.split(/\s/)[0];
    const descriptors = [...new Set(mended.dropped.map((candidate) => candidate.descriptor))];
    notes.push({
      kind: 'srcset',
      message: `the srcset of the image ${image} offered more than one picture for ${descriptors.join(', ')}, which is invalid HTML: it keeps the first of each, the one browsers showed (they skip the later ones), and leaves out ${mended.dropped.map((candidate) => `${candidate.source} (${candidate.descriptor})`).join(', ')}`,
    });
  });
}

export interface CleanOptions {
  /** The entry's title, which names a video its frame does not name (`Video in “Title”`). */
  title?: string | undefined;
  /**
   * Whether YouTube and Vimeo frames and Flash players become the site's click-to-load player
   * (src/lib/video.ts), as in posts and pages; a comment keeps the frame, which it shows as a link.
   */
  facades?: boolean | undefined;
  /** The old blog, whose own pages a link may name by their whole address (see ownBlogPath). */
  ownBlog?: OwnBlog | undefined;
  /**
   * The entry's own address on the old blog (https://calm.blogspot.com/2020/01/post.html), against
   * which a relative address in it is read (resolveRelativeAddresses); none for a Takeout export,
   * which names no host.
   */
  address?: string | undefined;
}

/**
 * Runs the clean-ups of an imported post's HTML that come before its images are collected, in
 * place: addresses, lazy-loading markup and trackers, links (an address in a script among them), tables, scripts, embeds, anchors and
 * headings. Returns what it changed, for the report.
 */
export function cleanImportedHtml(tree: Root, options: CleanOptions = {}): ConversionNote[] {
  const notes: ConversionNote[] = [];
  tidyAddresses(tree);
  resolveLazyImages(tree, notes);
  if (options.address) resolveRelativeAddresses(tree, options.address, notes);
  removeTrackingImages(tree, notes);
  convertForms(tree, notes);
  mendSrcsets(tree, notes);
  followScriptedLinks(tree, notes);
  if (options.ownBlog) relinkOwnBlog(tree, options.ownBlog, notes);
  modernizeTables(tree);
  removeSwfObjectPlayers(tree, notes);
  linkScriptWidgets(tree, notes);
  convertScripts(tree, notes);
  convertEmbeds(tree, notes, options);
  liftVideoPlayers(tree);
  checkLinks(tree, notes);
  splitFormattingAroundBlocks(tree);
  const ids = new Set<string>();
  convertAnchors(tree, ids, notes);
  // After the headings are flattened to their text, which would drop a span put inside them.
  flattenHeadings(tree);
  dropEmptyHeadings(tree);
  rankHeadings(tree);
  keepLinkedIds(tree, ids);
  reportMissingTargets(tree, notes);
  return notes;
}
