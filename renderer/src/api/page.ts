/** Reloads the page: a fresh heap, a fresh connection. Its own module so tests can replace it. */
export function reloadPage(): void {
  window.location.reload();
}
