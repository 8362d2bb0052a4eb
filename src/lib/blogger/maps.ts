/**
 * Google Maps embeds in old Blogger posts, read from their frame's address: what the map showed and
 * where a reader opens it in a whole browser window. See googleMapOf.
 */

/** The forms of Google Maps embed code Blogger posts hold, oldest first. */
export type GoogleMapForm =
  /** maps.google.com/maps?q=…&output=embed (2006-2013), on any country's host (maps.google.co.uk…). */
  | 'classic'
  /** maps.google.com/maps/ms?msid=…&output=embed: a map made in the classic My Maps. */
  | 'classic-my-map'
  /** www.google.com/maps/embed?pb=…: Google Maps' Share › Embed a map, since 2013. */
  | 'embed'
  /** www.google.com/maps/embed/v1/place?key=…&q=…: the Maps Embed API. */
  | 'embed-api'
  /** www.google.com/maps/d/embed?mid=…: a map made in My Maps. */
  | 'my-map';

/** A Google Maps embed, as googleMapOf reads it. */
export interface GoogleMap {
  form: GoogleMapForm;
  /** Where the map opens in a browser window of its own (https; never the API key of an embed-api frame). */
  href: string;
  /** The place the address names (`q=`, `hnear=`, the Embed API's `q=` or `center=`, the name in a `pb=`), whitespace collapsed. */
  place?: string | undefined;
  /** The route, for directions (`saddr=`/`daddr=`, the Embed API's `origin=`/`destination=`). */
  route?: { from: string; to: string } | undefined;
}

/** Google Maps' own hosts: maps.google.com and every country's (maps.google.co.uk, maps.google.com.au, maps.google.de). */
const MAPS_HOST = /^maps\.google\.(?:com?\.)?[a-z]{2,3}$/;
/** Google's search hosts, which serve Maps under /maps (www.google.com/maps/embed?pb=…, www.google.co.uk/maps). */
const GOOGLE_HOST = /^(?:www\.)?google\.(?:com?\.)?[a-z]{2,3}$/;
/** The longest place name a link's text takes; a longer one (a pasted address list) is cut there. */
const MAX_PLACE = 120;

/** A value of the address as text for a link: whitespace collapsed, cut at MAX_PLACE; undefined when empty. */
function placeText(value: string | null | undefined): string | undefined {
  // Control characters are no text; a reader sees nothing of them either.
  const text = (value ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return undefined;
  return text.length > MAX_PLACE ? `${text.slice(0, MAX_PLACE - 1).trimEnd()}…` : text;
}

/**
 * The place a classic address's `q=` names: "loc:" and a trailing "@lat,lng" (classic ways of
 * pinning a name) are dropped; a KML file's address (`q=http://…/route.kml`, which drew a route from
 * that file) names no place.
 */
function classicPlace(q: string | null): string | undefined {
  const text = placeText(q)
    ?.replace(/^loc:\s*/i, '')
    .replace(/\s*@\s*-?\d+(?:\.\d+)?\s*,\s*-?\d+(?:\.\d+)?\s*$/, '');
  if (!text || /^(?:https?:)?\/\//i.test(text)) return undefined;
  return text;
}

/**
 * The place a `pb=` (the packed parameters of Share › Embed a map) names: the text after a place's
 * feature id (`!1s0x…:0x…!2sTour%20Eiffel`), percent-decoded; undefined when it names none (a map
 * of an area, or directions).
 */
function pbPlace(pb: string): string | undefined {
  const match = /!1s0x[0-9a-f]+(?::|%3A)0x[0-9a-f]+!2s([^!]+)/i.exec(pb);
  if (!match) return undefined;
  try {
    return placeText(decodeURIComponent(match[1]!));
  } catch {
    return placeText(match[1]);
  }
}

/** An address of Google Maps' documented Maps URLs (https://www.google.com/maps/…?api=1&…). */
function mapsUrl(path: string, parameters: Record<string, string | undefined>): string {
  const url = new URL(`https://www.google.com/maps/${path}`);
  url.searchParams.set('api', '1');
  for (const [name, value] of Object.entries(parameters)) if (value) url.searchParams.set(name, value);
  return url.href;
}

/**
 * Reads a Google Maps embed from its frame's address (`url`, https, as toHttpsEmbedUrl writes it):
 * its form, the place or route it shows, and the address that opens the same map in a window of its
 * own (`href`), which is:
 * - classic (`maps.google.com/maps?q=…&output=embed`, any country's host, `/`, `/maps` or another
 *   `/maps/…` page): the same address without `output=`, which opens Google Maps itself;
 * - classic My Maps (`/maps/ms?msid=…`): likewise;
 * - Share › Embed a map (`/maps/embed?pb=…`): the embed address itself, which Google shows as a
 *   page too; its `pb=` has no other documented form;
 * - the Maps Embed API (`/maps/embed/v1/MODE?key=…`): the Maps URL of the same place, search,
 *   route, view or Street View (https://developers.google.com/maps/documentation/urls), without
 *   the key;
 * - My Maps (`/maps/d/embed?mid=…`, also `/maps/d/u/0/embed`): its viewer, `/maps/d/viewer?mid=…`.
 * Undefined for any other address (another site, Google's search, an image of a map).
 */
export function googleMapOf(url: URL): GoogleMap | undefined {
  const host = url.hostname.toLowerCase();
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const onMaps = MAPS_HOST.test(host) && (path === '/' || path === '/maps' || path.startsWith('/maps/'));
  const onGoogle = GOOGLE_HOST.test(host) && (path === '/maps' || path.startsWith('/maps/'));
  if (url.protocol !== 'https:' || !(onMaps || onGoogle)) return undefined;
  const query = url.searchParams;
  const myMap = /^\/maps\/d(?:\/u\/\d+)?\/(?:embed|viewer|edit)$/.exec(path);
  if (myMap) {
    const viewer = new URL(`https://${host}/maps/d/viewer`);
    for (const name of ['mid', 'll', 'z']) {
      const value = query.get(name);
      if (value) viewer.searchParams.set(name, value);
    }
    return { form: 'my-map', href: viewer.href };
  }
  const api = /^\/maps\/embed\/v1\/(\w+)$/.exec(path);
  if (api) {
    const mode = api[1]!.toLowerCase();
    if (mode === 'directions') {
      const from = placeText(query.get('origin'));
      const to = placeText(query.get('destination'));
      return {
        form: 'embed-api',
        href: mapsUrl('dir/', {
          origin: query.get('origin') ?? undefined,
          destination: query.get('destination') ?? undefined,
          waypoints: query.get('waypoints') ?? undefined,
          travelmode: query.get('mode') ?? undefined,
        }),
        route: from && to ? { from, to } : undefined,
      };
    }
    if (mode === 'view' || mode === 'streetview') {
      const at = mode === 'view' ? query.get('center') : query.get('location');
      return {
        form: 'embed-api',
        href:
          mode === 'view'
            ? mapsUrl('@', { map_action: 'map', center: at ?? undefined, zoom: query.get('zoom') ?? undefined })
            : mapsUrl('@', { map_action: 'pano', viewpoint: at ?? undefined }),
        place: placeText(at),
      };
    }
    const q = query.get('q');
    return {
      form: 'embed-api',
      href: q ? mapsUrl('search/', { query: q }) : 'https://www.google.com/maps',
      place: placeText(q),
    };
  }
  if (path === '/maps/embed') {
    return { form: 'embed', href: url.href, place: pbPlace(query.get('pb') ?? '') };
  }
  // The query as written, less `output=` (URLSearchParams would re-encode the rest).
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && pair.split('=')[0]!.toLowerCase() !== 'output');
  const classic = `${url.origin}${url.pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
  const from = placeText(query.get('saddr'));
  const to = placeText(query.get('daddr'));
  // A page of Google Maps itself in a frame (maps/place/Eiffel+Tower/@48.85,2.29,17z).
  const named = /^\/maps\/(?:place|search)\/([^/@]+)/.exec(url.pathname)?.[1];
  let place = classicPlace(query.get('q')) ?? placeText(query.get('hnear'));
  if (!place && named) {
    try {
      place = placeText(decodeURIComponent(named.replace(/\+/g, ' ')));
    } catch {
      place = placeText(named.replace(/\+/g, ' '));
    }
  }
  return {
    form: path === '/maps/ms' ? 'classic-my-map' : 'classic',
    href: classic,
    place: from && to ? undefined : place,
    route: from && to ? { from, to } : undefined,
  };
}

/** Frame titles embed code gave every map, which name no place ("Google Maps", "map"). */
const GENERIC_MAP_TITLE = /^(?:google\s*)?maps?(?:\s*embed)?$|^embedded\s+(?:google\s+)?map$/i;

/**
 * The text of the link that replaces a map: the route ("Directions from A to B on Google Maps"),
 * the place ("Eiffel Tower, Paris on Google Maps"), the frame's own `title` when it names something
 * ("Our studio on Google Maps"), else "The map on Google Maps".
 */
export function googleMapLinkText(map: GoogleMap, title = ''): string {
  if (map.route) return `Directions from ${map.route.from} to ${map.route.to} on Google Maps`;
  if (map.place) return `${map.place} on Google Maps`;
  const own = placeText(title);
  if (own && !GENERIC_MAP_TITLE.test(own)) return /google\s*maps?/i.test(own) ? own : `${own} on Google Maps`;
  return 'The map on Google Maps';
}
