// Clears a form as its page is left, so that Back cannot show what was ticked or typed. Chromium
// keeps a page that is left whole in its back-forward cache (even one sent no-store) and shows it
// again, fields and all: clearing on pagehide empties the page before it is kept, and a page shown
// again from that cache is cleared once more. The form's autocomplete="off" stops the browser
// refilling it when the page is loaded again instead. A form being sent has already been read.
export function forgetOnLeave(form: HTMLFormElement, afterReset: () => void): void {
  const clear = () => {
    form.reset();
    afterReset();
  };
  window.addEventListener('pagehide', clear);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) clear();
  });
}
