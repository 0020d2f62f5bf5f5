import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server runs on port 3000; in development Vite proxies the API and health routes to it so
// the browser sees one origin (the session and CSRF cookies stay same-origin).
const apiServer = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  publicDir: 'public',
  server: {
    port: 5173,
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
      '/readyz': apiServer,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
