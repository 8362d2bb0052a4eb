import { z } from 'astro/zod';
import { describeUrlProblem, judgeUrl } from '../urls.ts';
import { contentDate, extraField } from './fields.ts';

/** "4:05" or "1:02:03" → seconds. */
export function parseDuration(text: string): number | null {
  const match = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

export function createVideoSchema<I extends z.ZodType>(image: I, timeZone: string) {
  return z.strictObject({
    title: z.string().trim().min(1),
    description: z.string().trim().min(1),
    /** The day the video was first published; search engines require it. */
    uploadDate: z
      .unknown()
      .pipe(
        z.custom<unknown>((value) => value !== undefined, {
          error: 'a video needs uploadDate: the day it was first published, e.g. 2026-11-26',
        }),
      )
      .pipe(contentDate(timeZone)),
    duration: z.string().transform((text, ctx) => {
      const seconds = parseDuration(text);
      if (seconds !== null) return seconds;
      ctx.addIssue({ code: 'custom', message: `duration "${text}" should be written as m:ss or h:mm:ss, e.g. 4:05` });
      return z.NEVER;
    }),
    poster: image,
    source: z.discriminatedUnion(
      'provider',
      [
        z.strictObject({
          provider: z.literal('youtube'),
          id: z.string().regex(/^[\w-]{11}$/, 'a YouTube id is 11 characters, as in youtube.com/watch?v=ID'),
        }),
        z.strictObject({
          provider: z.literal('vimeo'),
          id: z.string().regex(/^\d+$/, 'a Vimeo id is a number, as in vimeo.com/ID'),
        }),
        z.strictObject({
          provider: z.literal('file'),
          src: z
            .string()
            .regex(/^\/.+\.(mp4|webm)$/, 'a video file is a path under public/, e.g. /media/clip.webm')
            .superRefine((src, ctx) => {
              // "//host/clip.mp4" matches the pattern but is another site's file; judgeUrl says what else is wrong.
              const verdict = judgeUrl(src, 'resource');
              if (!verdict.ok) ctx.addIssue({ code: 'custom', message: describeUrlProblem('', src, verdict) });
              else if (verdict.kind !== 'site-path') {
                ctx.addIssue({
                  code: 'custom',
                  message: `"${src}" is another site's file; put the video in public/ and write its path, e.g. /media/clip.webm`,
                });
              }
            }),
          type: z.enum(['video/mp4', 'video/webm']).optional(),
        }),
      ],
      { error: 'source.provider must be youtube, vimeo or file' },
    ),
    extra: extraField,
  });
}
