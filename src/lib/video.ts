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

export type VideoSource =
  | { provider: 'youtube'; id: string }
  | { provider: 'vimeo'; id: string }
  | { provider: 'file'; src: string; type?: string | undefined };

/** The provider's addresses, or undefined for a file served by this site. */
export function getRemoteVideo(source: VideoSource): RemoteVideo | undefined {
  if (source.provider === 'youtube') {
    const embed = `https://www.youtube-nocookie.com/embed/${source.id}`;
    return {
      watch: `https://www.youtube.com/watch?v=${source.id}`,
      embed,
      embedOnClick: `${embed}?autoplay=1`,
      name: 'YouTube',
    };
  }
  if (source.provider === 'vimeo') {
    const embed = `https://player.vimeo.com/video/${source.id}`;
    return { watch: `https://vimeo.com/${source.id}`, embed, embedOnClick: `${embed}?autoplay=1&dnt=1`, name: 'Vimeo' };
  }
  return undefined;
}
