import { decodeHTMLAttribute } from 'entities';

/** A click-to-load video player (src/lib/video.ts videoFacade) read back from HTML or Markdown. */
export interface PlayerSeen {
  /** The link's address: the video's page on the provider's site. */
  watch: string;
  /** The player the click loads (data-video-embed). */
  embed: string;
  title: string;
  /** The poster's address, or undefined for the plain box. */
  poster: string | undefined;
}

/** The video players in HTML or Markdown, in order, with their attributes decoded. */
export function playersIn(html: string): PlayerSeen[] {
  const player =
    /<div class="player" data-pagefind-ignore=""><a class="facade" href="([^"]*)" data-video-embed="([^"]*)" data-video-title="([^"]*)">(?:<img src="([^"]*)" alt=""|<span class="no-poster" aria-hidden="true">)/g;
  return [...html.matchAll(player)].map((match) => ({
    watch: decodeHTMLAttribute(match[1]!),
    embed: decodeHTMLAttribute(match[2]!),
    title: decodeHTMLAttribute(match[3]!),
    poster: match[4] === undefined ? undefined : decodeHTMLAttribute(match[4]),
  }));
}
