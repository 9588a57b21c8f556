import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // The build runs on a shared 2-core machine: no size report, no brotli pass.
  build: { reportCompressedSize: false },
});
