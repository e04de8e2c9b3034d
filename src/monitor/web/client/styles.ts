/** The dashboard's stylesheet, served as /assets/app.css. */
export const APP_CSS = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --up: #1a7f37; --down: #cf222e; --warn: #9a6700; --idle: #818b98; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: #fff; }
a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }
.top { display: flex; align-items: center; justify-content: space-between; padding: 10px 20px; border-bottom: 1px solid var(--line); background: var(--bg); }
.top .brand { font-weight: 600; color: var(--fg); }
.top nav { display: flex; gap: 16px; align-items: center; }
form.inline { display: inline; }
button { font: inherit; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
button:hover { background: var(--bg); }
main { padding: 16px 20px; max-width: 1400px; }
h1 { font-size: 20px; margin: 4px 0 12px; } h2 { font-size: 16px; margin: 20px 0 8px; }
.banner { padding: 8px 12px; border-radius: 6px; margin: 8px 0; border: 1px solid; white-space: pre-wrap; }
.banner.error { border-color: var(--down); color: var(--down); background: #ffebe9; }
.banner.warn { border-color: var(--warn); color: var(--warn); background: #fff8c5; }
.counts span { margin-right: 14px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.state { display: inline-block; min-width: 64px; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px; text-align: center; }
.state.up, .state.operational { background: var(--up); } .state.down { background: var(--down); } .state.error { background: var(--warn); }
.state.pending, .state.nodata, .state.paused, .state.unknown, .state.maintenance { background: var(--idle); }
.muted { color: var(--muted); } .problem { color: var(--down); font-size: 12px; }
.spark { width: 120px; height: 24px; }
.chart { min-height: 320px; margin: 8px 0 16px; }
.bars { display: flex; gap: 1px; height: 28px; align-items: stretch; }
.bars i { flex: 1; border-radius: 1px; background: var(--idle); } .bars i.good { background: var(--up); } .bars i.fair { background: var(--warn); } .bars i.bad { background: var(--down); }
.login { max-width: 360px; margin: 12vh auto; padding: 24px; border: 1px solid var(--line); border-radius: 8px; }
.login input { width: 100%; padding: 6px 8px; margin: 6px 0 12px; font: inherit; border: 1px solid var(--line); border-radius: 6px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; } dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
code, pre { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; } pre { white-space: pre-wrap; margin: 0; }
`;
