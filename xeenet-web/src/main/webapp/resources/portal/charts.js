/*
 * XeeNet portal charts: parallel coordinates, val_bpb against each parameter and learning curves,
 * drawn on canvases from the JSON of /portal/chart-data (see ChartData.java). No library, no CDN.
 * A container <div class="xn-charts" data-url="..."> holds <canvas data-chart="parallel">,
 * <div data-chart="scatters"> and <canvas data-chart="curves">; while the campaign runs the data
 * is fetched again every 10 s.
 */
(function () {
  "use strict";
  var VIRIDIS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  var REFRESH_MS = 10000;
  var FONT = "11px sans-serif";

  /* colour of t in [0, 1]: 0 = best (yellow) ... 1 = worst (purple) */
  function colour(t, alpha) {
    t = 1 - Math.max(0, Math.min(1, t));
    var x = t * (VIRIDIS.length - 1), i = Math.min(Math.floor(x), VIRIDIS.length - 2), f = x - i;
    var a = VIRIDIS[i], b = VIRIDIS[i + 1];
    return "rgba(" + Math.round(a[0] + (b[0] - a[0]) * f) + "," + Math.round(a[1] + (b[1] - a[1]) * f) +
      "," + Math.round(a[2] + (b[2] - a[2]) * f) + "," + alpha + ")";
  }

  function scale(min, max, log) {
    if (log && min > 0 && max > 0) {
      var lmin = Math.log(min), lmax = Math.log(max);
      return function (v) { return lmax === lmin ? 0.5 : (Math.log(v) - lmin) / (lmax - lmin); };
    }
    return function (v) { return max === min ? 0.5 : (v - min) / (max - min); };
  }

  function fmt(v) {
    if (v === null || v === undefined || isNaN(v)) { return ""; }
    var a = Math.abs(v);
    if (a !== 0 && (a < 0.01 || a >= 100000)) { return v.toExponential(1); }
    if (Math.round(v) === v) { return String(v); }
    return a < 1 ? v.toPrecision(2) : v.toFixed(a < 10 ? 2 : 1);
  }

  function prepare(canvas, cssHeight) {
    var ratio = window.devicePixelRatio || 1;
    var width = canvas.clientWidth || canvas.parentNode.clientWidth || 600;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(cssHeight * ratio);
    canvas.style.height = cssHeight + "px";
    var ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, cssHeight);
    ctx.font = FONT;
    return { ctx: ctx, w: width, h: cssHeight };
  }

  function empty(c, text) {
    c.ctx.fillStyle = "#7b8794";
    c.ctx.textAlign = "center";
    c.ctx.fillText(text, c.w / 2, c.h / 2);
  }

  /* ---- parallel coordinates ------------------------------------------------------------- */
  function parallel(canvas, doc) {
    var c = prepare(canvas, 320);
    canvas.brushes = canvas.brushes || {};
    var params = doc.parameters.slice();
    params.push({ name: "val_bpb", min: doc.bpb ? doc.bpb.min : 0, max: doc.bpb ? doc.bpb.max : 1, log: false });
    if (!doc.rows.length || params.length < 2) {
      empty(c, doc.rows.length ? "the configurations do not vary yet" : "no valid results yet");
      canvas.setAttribute("data-lines", "0");
      return;
    }
    var top = 28, bottom = c.h - 22, left = 40, right = c.w - 40;
    var step = (right - left) / (params.length - 1);
    var scales = params.map(function (p) { return scale(p.min, p.max, p.log); });
    var bpbScale = scales[scales.length - 1];
    function value(row, k) { return k === params.length - 1 ? row[1] : row[k + 2]; }
    function y(k, v) { return bottom - scales[k](v) * (bottom - top); }
    function selected(row) {
      for (var k = 0; k < params.length; k++) {
        var b = canvas.brushes[params[k].name];
        if (b) {
          var yy = y(k, value(row, k));
          if (yy < b[0] || yy > b[1]) { return false; }
        }
      }
      return true;
    }
    var rows = doc.rows.slice().sort(function (a, b) { return b[1] - a[1]; }); /* worst first */
    var alpha = Math.max(0.06, Math.min(0.8, 12 / Math.sqrt(rows.length)));
    var shown = 0, ctx = c.ctx;
    ctx.lineWidth = 1;
    for (var pass = 0; pass < 2; pass++) {
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i], sel = selected(row);
        if ((pass === 0) === sel) { continue; }
        ctx.strokeStyle = sel ? colour(bpbScale(row[1]), alpha) : "rgba(200,205,212,0.25)";
        ctx.beginPath();
        var started = false;
        for (var k = 0; k < params.length; k++) {
          var v = value(row, k);
          if (v === null || v === undefined) { started = false; continue; }
          var x = left + k * step, yy = y(k, v);
          if (started) { ctx.lineTo(x, yy); } else { ctx.moveTo(x, yy); started = true; }
        }
        ctx.stroke();
        if (sel) { shown++; }
      }
    }
    for (var a = 0; a < params.length; a++) {
      var ax = left + a * step;
      ctx.strokeStyle = "#323f4b";
      ctx.lineWidth = 1;
      ctx.beginPath(); ctx.moveTo(ax, top); ctx.lineTo(ax, bottom); ctx.stroke();
      var brush = canvas.brushes[params[a].name];
      if (brush) {
        ctx.fillStyle = "rgba(30,58,95,0.18)";
        ctx.fillRect(ax - 7, brush[0], 14, brush[1] - brush[0]);
      }
      ctx.fillStyle = "#1f2933";
      ctx.textAlign = a === 0 ? "left" : a === params.length - 1 ? "right" : "center";
      ctx.font = "bold " + FONT;
      ctx.fillText(params[a].name, a === 0 ? ax - 20 : a === params.length - 1 ? ax + 20 : ax, top - 14);
      ctx.font = FONT;
      ctx.fillStyle = "#52606d";
      ctx.textAlign = "center";
      ctx.fillText(fmt(params[a].max), ax, top - 2);
      ctx.fillText(fmt(params[a].min), ax, bottom + 13);
    }
    canvas.setAttribute("data-lines", String(shown));
    canvas.layout = { left: left, step: step, top: top, bottom: bottom, params: params };
    var note = canvas.parentNode.querySelector("[data-chart=parallel-note]");
    if (note) {
      note.textContent = shown + " of " + rows.length + " configurations" +
        (shown < rows.length ? " in the selection (click an axis to clear it)" : "; drag along an axis to select a range");
    }
  }

  function brushable(canvas) {
    if (canvas.brushing) { return; }
    canvas.brushing = true;
    var start = null, axisName = null;
    function pos(e) {
      var r = canvas.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    }
    canvas.addEventListener("mousedown", function (e) {
      var L = canvas.layout, p = pos(e);
      if (!L) { return; }
      var k = Math.round((p.x - L.left) / L.step);
      if (k < 0 || k >= L.params.length || Math.abs(L.left + k * L.step - p.x) > 14) { return; }
      axisName = L.params[k].name;
      start = p.y;
    });
    canvas.addEventListener("mousemove", function (e) {
      if (start === null) { return; }
      var y = pos(e).y;
      canvas.brushes[axisName] = [Math.min(start, y), Math.max(start, y)];
      parallel(canvas, canvas.doc);
    });
    window.addEventListener("mouseup", function (e) {
      if (start === null) { return; }
      var b = canvas.brushes[axisName];
      if (!b || b[1] - b[0] < 3) { delete canvas.brushes[axisName]; }
      start = null;
      parallel(canvas, canvas.doc);
    });
  }

  /* ---- frame for x/y charts ---------------------------------------------------------------- */
  function frame(c, xs, ys, xlabel, ylabel) {
    var ctx = c.ctx, m = { l: 46, r: 10, t: 10, b: 30 };
    var X = function (v) { return m.l + xs(v) * (c.w - m.l - m.r); };
    var Y = function (v) { return c.h - m.b - ys(v) * (c.h - m.t - m.b); };
    ctx.strokeStyle = "#cbd2d9";
    ctx.strokeRect(m.l, m.t, c.w - m.l - m.r, c.h - m.t - m.b);
    ctx.fillStyle = "#52606d";
    ctx.textAlign = "center";
    ctx.fillText(xlabel, m.l + (c.w - m.l - m.r) / 2, c.h - 4);
    ctx.save();
    ctx.translate(11, m.t + (c.h - m.t - m.b) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(ylabel, 0, 0);
    ctx.restore();
    return { X: X, Y: Y, m: m };
  }

  function ticks(c, f, xmin, xmax, ymin, ymax) {
    var ctx = c.ctx;
    ctx.fillStyle = "#7b8794";
    ctx.textAlign = "left";
    ctx.fillText(fmt(xmin), f.m.l, c.h - f.m.b + 11);
    ctx.textAlign = "right";
    ctx.fillText(fmt(xmax), c.w - f.m.r, c.h - f.m.b + 11);
    ctx.fillText(fmt(ymax), f.m.l - 3, f.m.t + 9);
    ctx.fillText(fmt(ymin), f.m.l - 3, c.h - f.m.b);
  }

  /* ---- val_bpb against each parameter --------------------------------------------------- */
  function scatters(box, doc) {
    var params = doc.parameters;
    while (box.children.length > params.length) { box.removeChild(box.lastChild); }
    while (box.children.length < params.length) {
      var cell = document.createElement("div");
      cell.className = "chart-box small";
      cell.appendChild(document.createElement("canvas"));
      box.appendChild(cell);
    }
    var bpbScale = scale(doc.bpb ? doc.bpb.min : 0, doc.bpb ? doc.bpb.max : 1, false);
    params.forEach(function (p, k) {
      var canvas = box.children[k].firstChild;
      canvas.setAttribute("data-parameter", p.name);
      var c = prepare(canvas, 190);
      var xs = scale(p.min, p.max, p.log);
      var span = doc.bpb.max - doc.bpb.min || 1;
      var ymin = doc.bpb.min - span * 0.05, ymax = doc.bpb.max + span * 0.05;
      var f = frame(c, function (v) { return 0.04 + 0.92 * xs(v); }, scale(ymin, ymax, false),
        p.name + (p.log ? " (log)" : ""), "val_bpb");
      var distinct = {};
      doc.rows.forEach(function (r) { distinct[r[k + 2]] = true; });
      var jitter = Object.keys(distinct).length <= 12 ? 0.025 * (c.w - 56) : 0;
      var alpha = Math.max(0.15, Math.min(0.85, 20 / Math.sqrt(doc.rows.length)));
      doc.rows.forEach(function (r) {
        var v = r[k + 2];
        if (v === null || v === undefined) { return; }
        var jx = jitter ? ((r[0] * 7919) % 101 / 100 - 0.5) * jitter : 0;
        c.ctx.fillStyle = colour(bpbScale(r[1]), alpha);
        c.ctx.beginPath();
        c.ctx.arc(f.X(v) + jx, f.Y(r[1]), 2.2, 0, 2 * Math.PI);
        c.ctx.fill();
      });
      ticks(c, f, p.min, p.max, ymin, ymax);
    });
  }

  /* ---- learning curves -------------------------------------------------------------------- */
  var CURVE_COLOURS = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626"];

  function curves(canvas, doc) {
    var c = prepare(canvas, 240);
    var all = doc.curves.filter(function (cv) { return cv.points.length > 0; });
    canvas.setAttribute("data-curves", String(all.length));
    if (!all.length) {
      empty(c, "no learning curves reported yet");
      return;
    }
    var xmax = 0, ymin = Infinity, ymax = -Infinity;
    all.forEach(function (cv) {
      cv.points.forEach(function (p) {
        xmax = Math.max(xmax, p[0]); ymin = Math.min(ymin, p[1]); ymax = Math.max(ymax, p[1]);
      });
    });
    var f = frame(c, scale(0, xmax, false), scale(ymin, ymax, false), "step", "val_bpb");
    all.forEach(function (cv, i) {
      var ctx = c.ctx;
      ctx.strokeStyle = CURVE_COLOURS[i % CURVE_COLOURS.length];
      ctx.lineWidth = 1.8;
      ctx.beginPath();
      cv.points.forEach(function (p, j) {
        if (j === 0) { ctx.moveTo(f.X(p[0]), f.Y(p[1])); } else { ctx.lineTo(f.X(p[0]), f.Y(p[1])); }
      });
      ctx.stroke();
      ctx.fillStyle = ctx.strokeStyle;
      ctx.textAlign = "right";
      ctx.fillText("task " + cv.index + " · " + cv.val_bpb.toFixed(4), c.w - f.m.r - 6, f.m.t + 14 + 13 * i);
    });
    ticks(c, f, 0, xmax, ymin, ymax);
  }

  /* ---- importance bars and best so far ---------------------------------------------------- */
  function importance(canvas, doc) {
    var items = doc.importance || [];
    var c = prepare(canvas, Math.max(120, 26 * items.length + 30));
    canvas.setAttribute("data-bars", String(items.length));
    if (!items.length) {
      empty(c, doc.count > 2 ? "no parameter explains val_bpb yet" : "needs a few results");
      return;
    }
    var ctx = c.ctx, left = 110, right = c.w - 50, max = 0;
    items.forEach(function (it) { max = Math.max(max, it.share); });
    items.forEach(function (it, i) {
      var y = 10 + i * 26, w = max > 0 ? (it.share / max) * (right - left) : 0;
      ctx.fillStyle = "#1f2933";
      ctx.textAlign = "right";
      ctx.fillText(it.parameter, left - 8, y + 14);
      ctx.fillStyle = "rgba(37, 99, 235, 0.8)";
      ctx.fillRect(left, y + 3, Math.max(1, w), 16);
      ctx.fillStyle = "#52606d";
      ctx.textAlign = "left";
      ctx.fillText((it.share * 100).toFixed(1) + " %", left + w + 5, y + 15);
    });
  }

  function best(canvas, doc) {
    var c = prepare(canvas, 220);
    var pts = doc.best_so_far || [];
    canvas.setAttribute("data-points", String(pts.length));
    if (!pts.length) {
      empty(c, "no valid results yet");
      return;
    }
    var n = pts[pts.length - 1][0], ymin = pts[pts.length - 1][1], ymax = pts[0][1];
    if (ymax === ymin) { ymax = ymin + 0.01; }
    var f = frame(c, scale(0, n, false), scale(ymin, ymax, false), "results (in the order they arrived)", "best val_bpb");
    var ctx = c.ctx;
    ctx.strokeStyle = "rgba(22, 163, 74, 0.95)";
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(f.X(pts[0][0]), f.Y(pts[0][1]));
    for (var i = 1; i < pts.length; i++) {
      ctx.lineTo(f.X(pts[i][0]), f.Y(pts[i - 1][1]));
      ctx.lineTo(f.X(pts[i][0]), f.Y(pts[i][1]));
    }
    ctx.stroke();
    ticks(c, f, 0, n, ymin, ymax);
  }

  /* ---- loading ------------------------------------------------------------------------------ */
  function draw(container, doc) {
    var pc = container.querySelector("[data-chart=parallel]");
    var sc = container.querySelector("[data-chart=scatters]");
    var cv = container.querySelector("[data-chart=curves]");
    if (pc) { pc.doc = doc; parallel(pc, doc); brushable(pc); }
    if (sc) { scatters(sc, doc); }
    if (cv) { curves(cv, doc); }
    var im = container.querySelector("[data-chart=importance]");
    var be = container.querySelector("[data-chart=best]");
    if (im) { importance(im, doc); }
    if (be) { best(be, doc); }
    container.setAttribute("data-count", String(doc.count));
    container.setAttribute("data-drawn", "true");
  }

  function load(container) {
    var url = container.getAttribute("data-url");
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (doc) {
        container.doc = doc;
        draw(container, doc);
        if (doc.live && container.getAttribute("data-live") !== "false") {
          setTimeout(function () { load(container); }, REFRESH_MS);
        }
      })
      .catch(function (e) {
        container.setAttribute("data-error", String(e));
        setTimeout(function () { load(container); }, REFRESH_MS * 3);
      });
  }

  function start() {
    var all = document.querySelectorAll(".xn-charts[data-url]");
    for (var i = 0; i < all.length; i++) { load(all[i]); }
  }

  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      var all = document.querySelectorAll(".xn-charts");
      for (var i = 0; i < all.length; i++) { if (all[i].doc) { draw(all[i], all[i].doc); } }
    }, 200);
  });
  window.addEventListener("beforeprint", function () {
    var all = document.querySelectorAll(".xn-charts");
    for (var i = 0; i < all.length; i++) { if (all[i].doc) { draw(all[i], all[i].doc); } }
  });
  window.XeeCharts = { start: start, load: load };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
