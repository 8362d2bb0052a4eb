import type { AstroIntegration } from 'astro';

/**
 * Sets import.meta.env.SHOW_UNPUBLISHED: true under `astro dev` only. It is decided by the command,
 * not by NODE_ENV or Vite's DEV flag, because a production build run with NODE_ENV=development (or
 * test) would otherwise publish drafts and future posts.
 */
export function previewUnpublished(): AstroIntegration {
  return {
    name: 'preview-unpublished',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.SHOW_UNPUBLISHED': JSON.stringify(command === 'dev') } } });
      },
    },
  };
}
