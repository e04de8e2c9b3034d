/** The dashboard's script (/assets/dashboard.js): renders /api/dashboard and refreshes it every 15 s. */
export const DASHBOARD_JS = String.raw`
'use strict';
(function () {
  var el = LR.el;
  function banners(d) {
    var box = document.getElementById('banners'); box.textContent = '';
    if (d.configError) box.appendChild(el('div', { class: 'banner error', id: 'config-error', text: 'The config edit was refused; the last good config keeps running.\n' + d.configError }));
    if (d.offline) box.appendChild(el('div', { class: 'banner warn', text: 'The monitor itself is offline since ' + LR.time(d.offline.since) + ' (' + d.offline.reason + '): failed checks are set aside and no "down" alert is sent.' }));
    d.channelProblems.forEach(function (p) { box.appendChild(el('div', { class: 'banner warn', text: p })); });
  }
  function counts(d) {
    var box = document.getElementById('counts'); box.textContent = '';
    ['down', 'error', 'pending', 'up', 'paused', 'nodata'].forEach(function (s) { if (d.counts[s]) box.appendChild(el('span', {}, [LR.state(s), ' ' + d.counts[s]])); });
  }
  function incidents(d) {
    var body = document.querySelector('#incidents tbody'); body.textContent = '';
    document.getElementById('incidents-empty').hidden = d.incidents.length > 0;
    d.incidents.forEach(function (i) {
      var ack = i.acknowledged ? el('span', { class: 'muted', text: 'acknowledged' }) : el('button', { class: 'ack', 'data-incident': String(i.id), text: 'Acknowledge', onclick: function () {
        LR.api('POST', '/api/incidents/' + i.id + '/ack').then(load);
      } });
      body.appendChild(el('tr', {}, [
        el('td', {}, [el('a', { href: '/monitors/' + encodeURIComponent(i.monitorId), text: i.monitorName })]),
        el('td', { text: LR.time(i.since) }),
        el('td', { text: LR.duration(d.generatedAt - i.since) }),
        el('td', { text: (i.flapping ? 'flapping ' : '') + (i.suppressed || '') }),
        el('td', {}, [ack]),
      ]));
    });
  }
  function monitors(d) {
    var body = document.querySelector('#monitors tbody');
    var rows = document.createDocumentFragment();
    d.monitors.forEach(function (m) {
      var name = el('td', {}, [el('a', { href: '/monitors/' + encodeURIComponent(m.id), text: m.name }), el('div', { class: 'muted', text: m.target })]);
      if (m.problem || m.error) name.appendChild(el('div', { class: 'problem', text: m.error || m.problem }));
      rows.appendChild(el('tr', { 'data-monitor': m.id, 'data-state': m.state }, [
        el('td', {}, [LR.state(m.state), m.incident && m.incident.acknowledged ? el('div', { class: 'muted', text: 'ack' }) : null]),
        name,
        el('td', { class: 'num', text: LR.pct(m.uptime.d1) }),
        el('td', { class: 'num', text: LR.pct(m.uptime.d7) }),
        el('td', { class: 'num', text: LR.pct(m.uptime.d30) }),
        el('td', {}, [LR.spark(m.spark.p50, m.spark.p95)]),
        el('td', { class: 'num', text: m.latencyMs === undefined ? '—' : m.latencyMs + ' ms' }),
        el('td', { class: 'num', text: m.budgetLeft === undefined ? '—' : Math.round(Math.max(0, m.budgetLeft) * 100) + ' %' }),
        el('td', { class: 'num muted', text: LR.ago(m.lastCheckAt, d.generatedAt) }),
      ]));
    });
    body.textContent = ''; body.appendChild(rows);
  }
  function deploys(d) {
    var box = document.getElementById('deploys'); box.textContent = '';
    if (!d.deploys.length) { box.appendChild(el('li', { class: 'muted', text: 'No deploys in the last 7 days. launch-ready deploy verify records each release it verifies (add --monitor-data DIR when the monitor keeps its data outside ./.launch-ready); launch-ready monitor deploy --version V records one by hand.' })); return; }
    d.deploys.slice().reverse().forEach(function (x) { box.appendChild(el('li', { text: LR.time(x.at) + ' — ' + x.version + (x.note ? ' (' + x.note + ')' : '') })); });
  }
  function load() {
    return LR.api('GET', '/api/dashboard').then(function (d) {
      document.getElementById('product').textContent = d.product;
      document.getElementById('target').textContent = d.uptimeTarget + ' %';
      banners(d); counts(d); incidents(d); monitors(d); deploys(d);
      document.body.setAttribute('data-loaded', String(d.generatedAt));
    });
  }
  load(); setInterval(load, 15000);
})();
`;
