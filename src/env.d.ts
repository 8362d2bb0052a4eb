interface ImportMetaEnv {
  /** True under `astro dev` only (see src/integrations/preview-unpublished.ts). */
  readonly SHOW_UNPUBLISHED: boolean;
}

/** OpenCC's table of Traditional to Simplified characters ("體 体|..."), shipped by opencc-js. */
declare module 'opencc-js/dict/TSCharacters' {
  const table: string;
  export default table;
}

/** The Unicode line breaking algorithm (UAX #14), as satori itself uses it. */
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
