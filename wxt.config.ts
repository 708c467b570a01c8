import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See ARCHITECTURE.md for why each permission exists. Nothing broader than these is requested:
// the chart is read only on EHR origins the user grants at run time (optional_host_permissions).
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
    worker: { format: 'es' },
  }),
  manifest: {
    name: 'Chartside',
    description:
      'On-device medical coding and CDI assistant. No patient data leaves your device.',
    permissions: ['sidePanel', 'storage', 'activeTab'],
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    action: { default_title: 'Open Chartside' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'",
    },
  },
});
