// Draws the diagrams on a page with Mermaid (served by the app itself), on load and after every
// htmx swap, and offers each drawing as an SVG download. No inline scripts, no inline handlers,
// no eval: a strict Content-Security-Policy holds. Without JavaScript the page still shows the
// Mermaid source, the legend and the same content as a table.
(function () {
  'use strict';
  // Without Mermaid (its script did not load) each figure is marked failed and says so, like a
  // diagram that cannot be drawn: the page never waits for a drawing that will not come.
  var mermaid = window.mermaid;

  var config = {
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
    gantt: { useMaxWidth: false },
  };

  /** A Gantt chart is as wide as its box, but never narrower than its labels and years can be read at. */
  function configure(canvas) {
    config.gantt.useWidth = Math.max(canvas.clientWidth - 24, 960);
    mermaid.initialize(config);
  }

  var counter = 0;
  var queue = Promise.resolve();

  function fail(figure, canvas, id, error) {
    // The words come from the page (in the reader's language), read before the canvas is emptied.
    var status = canvas.querySelector('[data-diagram-status]');
    var words = (status && status.getAttribute('data-failed')) || 'Diagrammet kunne ikke tegnes.';
    figure.setAttribute('data-diagram-state', 'failed');
    var leftover = document.getElementById('d' + id);
    if (leftover) leftover.remove();
    canvas.textContent = '';
    var message = document.createElement('p');
    message.className = 'ds-alert';
    message.setAttribute('data-color', 'danger');
    message.setAttribute('role', 'alert');
    message.textContent = words;
    canvas.append(message);
    console.error('Diagrammet kunne ikke tegnes:', error);
  }

  function draw(figure) {
    var canvas = figure.querySelector('[data-diagram-canvas]');
    var source = figure.querySelector('[data-diagram-source]');
    var id = 'mermaid-diagram-' + ++counter;
    if (!canvas) {
      figure.setAttribute('data-diagram-state', 'failed');
      return Promise.resolve();
    }
    if (!mermaid || !source) {
      fail(figure, canvas, id, new Error(mermaid ? 'no Mermaid source in the figure' : 'Mermaid did not load'));
      return Promise.resolve();
    }
    var started = performance.now();
    // Whatever throws ends in a failed figure, never in a queue stuck at «rendering» for the rest.
    return Promise.resolve()
      .then(function () {
        configure(canvas);
        // Drawn inside the canvas, so Mermaid's scratch element never sits loose in the page.
        return mermaid.render(id, source.textContent, canvas);
      })
      .then(function (result) {
        canvas.innerHTML = result.svg;
        figure.setAttribute('data-render-ms', String(Math.round(performance.now() - started)));
        var button = figure.querySelector('[data-diagram-download]');
        if (button) button.hidden = false;
        startZoom(figure, canvas);
        figure.setAttribute('data-diagram-state', 'rendered');
      })
      .catch(function (error) {
        fail(figure, canvas, id, error);
      });
  }

  // Zoom: the drawing starts at full size (readable, scrolling inside its box on a phone); the
  // buttons, or + - 0 on the focused box, make it larger, smaller, or as wide as the box.
  var steps = [0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];

  function naturalSize(svg) {
    var box = svg.viewBox && svg.viewBox.baseVal;
    if (box && box.width > 0) return { width: box.width, height: box.height };
    var rect = svg.getBoundingClientRect();
    return { width: rect.width, height: rect.height };
  }

  function startZoom(figure, canvas) {
    var svg = canvas.querySelector('svg');
    var controls = figure.querySelector('[data-diagram-zoom]');
    if (!svg) return;
    var natural = naturalSize(svg);
    var level = figure.querySelector('[data-zoom-level]');
    var percent = new Intl.NumberFormat(document.documentElement.lang || 'nb', { style: 'percent', maximumFractionDigits: 0 });
    function apply(scale) {
      figure.setAttribute('data-zoom', String(scale));
      svg.style.maxWidth = 'none';
      svg.style.width = Math.round(natural.width * scale) + 'px';
      svg.style.height = Math.round(natural.height * scale) + 'px';
      if (level) level.textContent = percent.format(scale);
    }
    figure.diagramZoom = function (how) {
      var current = Number(figure.getAttribute('data-zoom')) || 1;
      if (how === 'fit') {
        var room = canvas.clientWidth - 2 * parseFloat(getComputedStyle(canvas).paddingLeft || '0');
        return apply(Math.max(steps[0], Math.min(1, room / natural.width)));
      }
      var next = how === 'in' ? steps.find(function (s) { return s > current + 0.001; }) : steps.slice().reverse().find(function (s) { return s < current - 0.001; });
      if (next !== undefined) apply(next);
    };
    apply(1);
    if (controls) controls.hidden = false;
  }

  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('[data-zoom-action]') : null;
    var figure = button && button.closest('[data-diagram]');
    if (figure && figure.diagramZoom) figure.diagramZoom(button.getAttribute('data-zoom-action'));
  });

  document.addEventListener('keydown', function (event) {
    var canvas = event.target instanceof Element ? event.target.closest('[data-diagram-canvas]') : null;
    var figure = canvas && canvas.closest('[data-diagram]');
    if (!figure || !figure.diagramZoom || event.ctrlKey || event.metaKey || event.altKey) return;
    var how = { '+': 'in', '=': 'in', '-': 'out', '0': 'fit' }[event.key];
    if (!how) return;
    event.preventDefault();
    figure.diagramZoom(how);
  });

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
