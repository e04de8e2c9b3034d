/**
 * A monitor's page (/assets/monitor.js): the latency chart (uPlot, served from /assets, no CDN)
 * with deploy markers, uptime and SLA, the check log with evidence, incidents with an acknowledge
 * button, alert deliveries with each attempt.
 */
export const MONITOR_JS = String.raw`
'use strict';
(function () {
  var el = LR.el;
  var id = document.body.getAttribute('data-monitor');
  var chart = null;
  function deployMarkers(deploys) {
    return { hooks: { draw: [function (u) {
      var ctx = u.ctx; ctx.save(); ctx.strokeStyle = '#8250df'; ctx.fillStyle = '#8250df'; ctx.lineWidth = 1; ctx.setLineDash([4, 3]);
      ctx.font = (11 * devicePixelRatio) + 'px system-ui';
      deploys.forEach(function (d) {
        var x = Math.round(u.valToPos(d.at / 1000, 'x', true));
        if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
        ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
        ctx.fillText(d.version, x + 4, u.bbox.top + 12 * devicePixelRatio);
      });
      ctx.restore();
    }] } };
  }
  function drawChart(d) {
    var box = document.getElementById('chart'); box.textContent = '';
    if (chart) { chart.destroy(); chart = null; }
    if (!d.latency.length) { box.appendChild(el('p', { class: 'muted', text: 'No checks in this range yet.' })); return; }
    var data = [d.latency.map(function (p) { return p.at / 1000; }), d.latency.map(function (p) { return p.p50Ms; }), d.latency.map(function (p) { return p.p95Ms; }), d.latency.map(function (p) { return p.maxMs; })];
    chart = new uPlot({
      width: Math.max(320, box.clientWidth || 900), height: 300,
      series: [{}, { label: 'p50 ms', stroke: '#0969da', width: 1.5 }, { label: 'p95 ms', stroke: '#d4a72c', width: 1.5 }, { label: 'max ms', stroke: '#cf222e', width: 1, dash: [3, 3] }],
      scales: { x: { time: true, range: [d.window.from / 1000, d.window.to / 1000] } },
      axes: [{}, { label: 'ms' }],
      plugins: [deployMarkers(d.deploys)],
    }, data, box);
  }
  function facts(d) {
    var m = d.monitor, u = d.uptime;
    document.getElementById('name').textContent = m.name;
    var state = document.getElementById('state'); state.textContent = ''; state.appendChild(LR.state(m.state));
    if (m.since) state.appendChild(document.createTextNode(' since ' + LR.time(m.since)));
    var dl = document.getElementById('facts'); dl.textContent = '';
    [['Target', m.target], ['Kind', m.kind + ' (' + m.source + ')'], ['Condition', m.condition], ['Every', LR.duration(m.intervalMs) + ', timeout ' + LR.duration(m.timeoutMs)],
     ['Uptime 24 h / 7 d / 30 d', LR.pct(u.d1 && u.d1.ratio) + ' / ' + LR.pct(u.d7 && u.d7.ratio) + ' / ' + LR.pct(u.d30 && u.d30.ratio)],
     ['SLA this month', LR.pct(u.month.ratio) + ' (down ' + LR.duration(u.month.downMs || 0) + ', maintenance ' + LR.duration(u.month.maintenanceMs || 0) + ', no data ' + LR.duration(u.month.noDataMs || 0) + ')'],
     ['Next check', m.nextDue ? LR.time(m.nextDue) : (m.paused ? 'paused' : '—')]].forEach(function (f) {
      dl.appendChild(el('dt', { text: f[0] })); dl.appendChild(el('dd', { text: f[1] }));
    });
    if (m.error) dl.appendChild(el('dd', { class: 'problem', text: m.error }));
    var pause = document.getElementById('pause');
    pause.textContent = m.paused ? 'Resume' : 'Pause';
    pause.onclick = function () { LR.api('POST', '/api/monitors/' + encodeURIComponent(id) + (m.paused ? '/resume' : '/pause')).then(load); };
  }
  function results(d) {
    var body = document.querySelector('#results tbody'); body.textContent = '';
    d.results.forEach(function (r) {
      body.appendChild(el('tr', {}, [
        el('td', { text: LR.time(r.at) }), el('td', {}, [LR.state(r.ok ? 'up' : 'down')]),
        el('td', { class: 'num', text: r.latencyMs + ' ms' }), el('td', { class: 'num', text: r.status === undefined ? '—' : String(r.status) }),
        el('td', {}, [el('pre', { text: (r.recheck ? '(re-check) ' : '') + (r.failed || []).join('\n') + (r.detail ? '\n' + r.detail : '') })]),
      ]));
    });
  }
  function incidents(d) {
    var body = document.querySelector('#incidents tbody'); body.textContent = '';
    d.incidents.forEach(function (i) {
      var open = i.resolvedAt === undefined;
      var ack = i.acknowledgedAt ? el('span', { class: 'muted', text: 'acknowledged ' + LR.time(i.acknowledgedAt) }) :
        open ? el('button', { class: 'ack', 'data-incident': String(i.id), text: 'Acknowledge', onclick: function () { LR.api('POST', '/api/incidents/' + i.id + '/ack').then(load); } }) : '';
      body.appendChild(el('tr', { 'data-incident-row': String(i.id) }, [
        el('td', { text: '#' + i.id }), el('td', { text: LR.time(i.downSince) }),
        el('td', { text: open ? 'open, ' + LR.duration(d.generatedAt - i.downSince) : LR.duration(i.resolvedAt - i.downSince) }),
        el('td', {}, [el('pre', { text: (i.flapping ? 'flapping\n' : '') + (i.suppressed ? 'alerts suppressed: ' + i.suppressed + '\n' : '') + i.cause })]),
        el('td', {}, [ack]),
      ]));
    });
  }
  function deliveries(d) {
    var body = document.querySelector('#deliveries tbody'); body.textContent = '';
    d.deliveries.forEach(function (x) {
      body.appendChild(el('tr', {}, [el('td', { text: LR.time(x.createdAt) }), el('td', { text: x.kind }), el('td', { text: x.channel }), el('td', { text: x.state }),
        el('td', {}, [el('pre', { text: x.attempts.map(function (a) { return LR.time(a.at) + (a.ok ? ' ok ' : ' failed ') + a.detail; }).join('\n') })])]));
    });
  }
  var range = '24h';
  function load() {
    return LR.api('GET', '/api/monitors/' + encodeURIComponent(id) + '?range=' + range).then(function (d) {
      facts(d); drawChart(d); results(d); incidents(d); deliveries(d);
      document.body.setAttribute('data-loaded', String(d.generatedAt));
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('[data-range]'), function (b) {
    b.addEventListener('click', function () { range = b.getAttribute('data-range'); load(); });
  });
  document.getElementById('check-now').addEventListener('click', function () { LR.api('POST', '/api/monitors/' + encodeURIComponent(id) + '/check').then(function () { setTimeout(load, 1500); }); });
  load(); setInterval(load, 30000);
})();
`;
