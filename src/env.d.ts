interface ImportMetaEnv {
  /** True under `astro dev` only (see src/integrations/preview-unpublished.ts). */
  readonly SHOW_UNPUBLISHED: boolean;
}
