// Progressive enhancement for Akson omfang. Every page works without it; htmx does the partial
// updates. No eval and no inline handlers, so the strict Content-Security-Policy holds.

// After a swap that removed the focused element, give focus back to what started the request,
// so keyboard users do not land at the top of the page.
document.addEventListener('htmx:afterSwap', (event) => {
  const trigger = event.detail && event.detail.requestConfig && event.detail.requestConfig.elt;
  if (trigger instanceof HTMLElement && document.body.contains(trigger) && !document.body.contains(document.activeElement)) trigger.focus();
});

// Escape closes an inline editor (a matrix cell) the way its own cancel button does.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !(event.target instanceof Element)) return;
  const cancel = event.target.closest('form')?.querySelector('[data-cancel]');
  if (cancel instanceof HTMLElement) {
    event.preventDefault();
    cancel.click();
  }
});

// "Velg alle": a checkbox that ticks every checkbox belonging to the form it names.
document.addEventListener('change', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.dataset.selectAll) return;
  for (const other of document.querySelectorAll(`input[type=checkbox][form="${CSS.escape(box.dataset.selectAll)}"]`)) {
    if (other instanceof HTMLInputElement) other.checked = box.checked;
  }
});

// On narrow screens the main menu folds behind a button; without this script it simply shows.
const toggle = document.querySelector('.site-menu-toggle');
const menu = document.getElementById('hovedmeny');
if (toggle instanceof HTMLButtonElement && menu) {
  toggle.hidden = false;
  menu.dataset.collapsible = 'true';
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    menu.dataset.open = String(open);
  });
  // Escape closes the open menu and returns focus to its button (WCAG 2.1.2 / common menu practice).
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true') return;
    toggle.setAttribute('aria-expanded', 'false');
    menu.dataset.open = 'false';
    toggle.focus();
  });
}

// A sticky bar at the bottom (the review form's "Lagre utkast / Send inn") must never cover the
// focused field (WCAG 2.2, 2.4.11): the page keeps scroll padding as tall as the bar, and a field
// that still ends up under it is scrolled clear.
const stickyBar = document.querySelector('.review-form .review-actions');
if (stickyBar instanceof HTMLElement) {
  const pad = () => document.documentElement.style.setProperty('--sticky-bottom', `${stickyBar.offsetHeight + 16}px`);
  pad();
  new ResizeObserver(pad).observe(stickyBar);
  document.addEventListener('focusin', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || stickyBar.contains(target)) return;
    const overlap = target.getBoundingClientRect().bottom - stickyBar.getBoundingClientRect().top;
    if (overlap > 0) window.scrollBy({ top: overlap + 16, behavior: 'instant' });
  });
}
