/**
 * Helpers shared by the dashboard's scripts (browser JavaScript, served as /assets/common.js).
 * Text is always set with textContent, never innerHTML: names and evidence come from outside.
 */
export const COMMON_JS = String.raw`
'use strict';
var LR = (function () {
  function csrf() { var m = document.querySelector('meta[name="csrf-token"]'); return m ? m.getAttribute('content') : ''; }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'class') e.className = attrs[k];
      else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), attrs[k]);
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c !== null && c !== undefined) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function pct(r) { return r === undefined || r === null ? '—' : (r * 100).toFixed(r >= 0.9995 || r === 0 ? 2 : 3) + ' %'; }
  function ago(t, now) {
    if (!t) return '—';
    var s = Math.round((now - t) / 1000);
    if (s < 60) return s + ' s ago';
    if (s < 3600) return Math.round(s / 60) + ' min ago';
    if (s < 172800) return Math.round(s / 3600) + ' h ago';
    return Math.round(s / 86400) + ' d ago';
  }
  function time(t) { return t ? new Date(t).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '—'; }
  function duration(ms) {
    var s = Math.round(ms / 1000);
    if (s < 60) return s + ' s';
    if (s < 3600) return Math.floor(s / 60) + ' min' + (s % 60 ? ' ' + (s % 60) + ' s' : '');
    return Math.floor(s / 3600) + ' h' + (s % 3600 >= 60 ? ' ' + Math.floor((s % 3600) / 60) + ' min' : '');
  }
  function api(method, url, body) {
    var opts = { method: method, headers: { 'x-csrf-token': csrf() }, credentials: 'same-origin' };
    if (body !== undefined) { opts.headers['content-type'] = 'application/json'; opts.body = JSON.stringify(body); }
    return fetch(url, opts).then(function (r) {
      if (r.status === 401) { location.href = '/login'; throw new Error('logged out'); }
      return r.json().then(function (j) { if (!r.ok) throw new Error(j.error || ('HTTP ' + r.status)); return j; });
    });
  }
  function spark(values, values2) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'spark'); svg.setAttribute('viewBox', '0 0 120 24'); svg.setAttribute('preserveAspectRatio', 'none');
    var all = values.concat(values2).filter(function (v) { return v !== null; });
    if (!all.length) return svg;
    var max = Math.max.apply(null, all) || 1;
    [[values2, '#d4a72c'], [values, '#0969da']].forEach(function (pair) {
      var d = '', pen = false;
      pair[0].forEach(function (v, i) {
        if (v === null) { pen = false; return; }
        var x = (i / (pair[0].length - 1)) * 120, y = 23 - (v / max) * 22;
        // A point with no neighbour draws as a dot (a zero-length segment with round caps).
        d += (pen ? 'L' : 'M') + x.toFixed(1) + ' ' + y.toFixed(1) + (pen ? ' ' : ' l0 0 '); pen = true;
      });
      var p = document.createElementNS(ns, 'path');
      p.setAttribute('d', d); p.setAttribute('fill', 'none'); p.setAttribute('stroke', pair[1]); p.setAttribute('stroke-width', '1.5'); p.setAttribute('stroke-linecap', 'round');
      svg.appendChild(p);
    });
    return svg;
  }
  function state(s) { return el('span', { class: 'state ' + s, text: s }); }
  return { el: el, pct: pct, ago: ago, time: time, duration: duration, api: api, spark: spark, state: state };
})();
`;
