import { defineConfig } from 'vite';

// No framework plugin: Vite's own transformer compiles TSX with React's automatic runtime, which keeps
// the install small (nothing downloads a binary) and the bundle plain.
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: true },
  server: { proxy: { '/api': process.env.VETTING_GATEWAY ?? 'http://127.0.0.1:8080' } },
});
