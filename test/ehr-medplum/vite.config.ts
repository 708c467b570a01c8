/**
 * Builds the Medplum test EHR page (test only) into .cache/ehr-medplum/, where the e2e server
 * serves it. React's JSX here, not Preact's: esbuild is told so, and the page has its own
 * tsconfig.json.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic', jsxImportSource: 'react' },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: resolve(here, '..', '..', '.cache', 'ehr-medplum'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 20_000,
    // Medplum's stylesheet carries a postcss-preset-mantine variable in one media query, which
    // Lightning CSS refuses to minify; a test page need not be minified.
    cssMinify: false,
    reportCompressedSize: false,
    rollupOptions: {
      // Mantine marks its modules 'use client' for React Server Components; a browser bundle
      // ignores the directive, so the warning says nothing here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
