/// <reference types="vite/client" />

/**
 * Build-time switch (vite.config.ts `define`): true unless `KIOSK_PRODUCTION=1`. When false, the
 * dev panel's dynamic import is dead code and the production bundle carries none of it.
 * Undeclared in unit tests, which read it through `devPanelCompiledIn()`.
 */
declare const __KIOSK_DEV_PANEL__: boolean;
