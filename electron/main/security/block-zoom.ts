import type { WebContents } from 'electron';

/** Pinch and Ctrl+wheel zoom off: the layout is sized for the screen, and a zoomed page traps residents. */
export function blockZoom(contents: WebContents): void {
  const pin = () => {
    void contents.setVisualZoomLevelLimits(1, 1);
    contents.setZoomFactor(1);
  };
  contents.on('did-finish-load', pin);
  contents.on('zoom-changed', pin);
}
