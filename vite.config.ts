/**
 * Builds the renderer (DESIGN §2): a pure web page served by the browser shell or loaded by the
 * Electron shell from disk, hence `base: './'`. Messages are precompiled by
 * @intlify/unplugin-vue-i18n so the runtime-only vue-i18n build needs no message compiler and the
 * strict CSP (no eval, no inline script) holds.
 */
import { fileURLToPath } from 'node:url';
import vueI18n from '@intlify/unplugin-vue-i18n/vite';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The dev panel is compiled in unless this is a production build (`KIOSK_PRODUCTION=1`). */
const devPanel = process.env.KIOSK_PRODUCTION !== '1';

/** The policy the shells also send as a header (DESIGN §4 rule 7); the built page carries it too. */
const contentSecurityPolicy =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; connect-src 'self'";

/**
 * Adds the CSP meta to the built index.html only: the dev server injects styles as <style> tags
 * for hot reload, which this policy would (rightly) block.
 */
function cspMeta(): Plugin {
  return {
    name: 'kiosk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: fromRoot('./renderer'),
  base: './',
  publicDir: false,
  plugins: [
    vue(),
    cspMeta(),
    vueI18n({
      include: [fromRoot('./renderer/src/i18n/locales/**')],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      strictMessage: true,
      escapeHtml: false,
    }),
  ],
  define: {
    __KIOSK_DEV_PANEL__: JSON.stringify(devPanel),
  },
  build: {
    outDir: fromRoot('./dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // No inline data: scripts or styles; everything is a file under 'self'.
    assetsInlineLimit: 0,
    sourcemap: devPanel,
  },
  server: {
    host: '127.0.0.1',
    strictPort: true,
  },
});
