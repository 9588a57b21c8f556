import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ out: 'build', precompress: false }),
    // Only our own code runs: no inline scripts beyond SvelteKit's (hashed), no
    // third-party origins at all. The browser talks to the API through /api on
    // this origin (see src/routes/api/[...path]/+server.ts).
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'object-src': ['none'],
      },
    },
    typescript: {
      // The e2e tests and configs are type-checked with the app.
      config(tsconfig) {
        tsconfig.include.push('../test/**/*.ts', '../vitest.e2e.config.ts');
        return tsconfig;
      },
    },
  },
};

export default config;
