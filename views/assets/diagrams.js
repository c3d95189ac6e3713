// Draws the diagrams on a page with Mermaid (served by the app itself), on load and after every
// htmx swap, and offers each drawing as an SVG download. No inline scripts, no inline handlers,
// no eval: a strict Content-Security-Policy holds. Without JavaScript the page still shows the
// Mermaid source, the legend and the same content as a table.
(function () {
  'use strict';
  var mermaid = window.mermaid;
  if (!mermaid) return;

  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'default',
    // A diagram that fails to parse throws instead of drawing Mermaid's bomb graphic; we say so in words.
    suppressErrorRendering: true,
    // Our generators escape every label, so long ones grow; they also keep diagrams below a node threshold.
    maxTextSize: 200000,
    fontFamily: "Inter, 'Segoe UI', system-ui, -apple-system, sans-serif",
    // Drawn at full size, never shrunk to the screen: a wide diagram scrolls inside its box (readable on a phone).
    flowchart: { htmlLabels: true, useMaxWidth: false },
    gantt: { useMaxWidth: true },
  });

  var counter = 0;
  var queue = Promise.resolve();

  function fail(figure, canvas, id, error) {
    figure.setAttribute('data-diagram-state', 'failed');
    var leftover = document.getElementById('d' + id);
    if (leftover) leftover.remove();
    canvas.textContent = '';
    var message = document.createElement('p');
    message.className = 'ds-alert';
    message.setAttribute('data-color', 'danger');
    message.setAttribute('role', 'alert');
    message.textContent = 'Diagrammet kunne ikke tegnes. Innholdet står i tabellen under.';
    canvas.append(message);
    console.error('Diagrammet kunne ikke tegnes:', error);
  }

  function draw(figure) {
    var canvas = figure.querySelector('[data-diagram-canvas]');
    var source = figure.querySelector('[data-diagram-source]');
    if (!canvas || !source) return Promise.resolve();
    var id = 'mermaid-diagram-' + ++counter;
    var started = performance.now();
    // Drawn inside the canvas, so Mermaid's scratch element never sits loose in the page.
    return mermaid.render(id, source.textContent, canvas).then(
      function (result) {
        canvas.innerHTML = result.svg;
        figure.setAttribute('data-render-ms', String(Math.round(performance.now() - started)));
        figure.setAttribute('data-diagram-state', 'rendered');
        var button = figure.querySelector('[data-diagram-download]');
        if (button) button.hidden = false;
      },
      function (error) {
        fail(figure, canvas, id, error);
      },
    );
  }

  // One at a time: Mermaid measures text in the document while it draws.
  function drawWithin(root) {
    if (!root || !root.querySelectorAll) return;
    var figures = Array.prototype.slice.call(root.querySelectorAll('[data-diagram]'));
    if (root.matches && root.matches('[data-diagram]')) figures.unshift(root);
    figures.forEach(function (figure) {
      if (figure.hasAttribute('data-diagram-state')) return;
      figure.setAttribute('data-diagram-state', 'rendering');
      queue = queue.then(function () {
        return draw(figure);
      });
    });
  }

  document.addEventListener('htmx:load', function (event) {
    drawWithin((event.detail && event.detail.elt) || event.target);
  });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      drawWithin(document);
    });
  } else {
    drawWithin(document);
  }

  // The drawing as a standalone SVG file, made in the browser from what Mermaid drew.
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('[data-diagram-download]') : null;
    if (!button) return;
    var figure = button.closest('[data-diagram]');
    var svg = figure && figure.querySelector('[data-diagram-canvas] svg');
    if (!svg) return;
    var text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
    var url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
    var link = document.createElement('a');
    link.href = url;
    link.download = (figure.getAttribute('data-file-name') || 'diagram') + '.svg';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 1000);
  });
})();
