import type { ContentRule } from './types.ts';

/** The favicon and logo named in the settings are files in public/. */
export const settingsFiles: ContentRule = {
  name: 'settings-files',
  checks: 'the favicon and logo the settings name are files in public/',
  scope: 'site',
  check: ({ input }) =>
    Object.entries(input.settingsFiles ?? {})
      .filter(([, path]) => path && !input.staticPaths.has(path))
      .map(([field, path]) => ({
        file: 'src/site.config.ts',
        field,
        message: `${path} is not in public/; put the file at public${path} or fix the path`,
        severity: 'error' as const,
      })),
};
