// Progressive enhancement for Akson omfang. Pages work without it; htmx does the partial updates.
// Kept free of eval and inline handlers so a strict Content-Security-Policy holds.

// When htmx swaps a region, tell screen-reader users what happened through the region's own
// aria-live; here we only move focus back to the control that triggered the request.
document.addEventListener('htmx:afterSwap', (event) => {
  const trigger = event.detail && event.detail.requestConfig && event.detail.requestConfig.elt;
  if (trigger instanceof HTMLElement && !document.body.contains(document.activeElement)) trigger.focus();
});
