// Keeps what was ticked or typed in a form out of reach of Back and reload. Chromium keeps a page
// that is left whole in its back-forward cache (even one sent no-store) and shows it again, fields
// and all: clearing on pagehide empties the page before it is kept, and a page shown again from that
// cache is cleared once more. The form's autocomplete="off" stops the browser refilling it when the
// page is loaded again instead. A form being sent has already been read when pagehide comes.
export function forgetOnLeave(form: HTMLFormElement, afterReset: () => void = () => {}): void {
  const clear = () => {
    form.reset();
    afterReset();
  };
  window.addEventListener('pagehide', clear);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) clear();
  });
  // A page that answered a post (a form sent back with a problem) is made an ordinary visit in
  // history, so that Back to it or reload loads an empty form instead of sending the answers again.
  history.replaceState(history.state, '', location.href);
}
