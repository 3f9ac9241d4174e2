/** The page's only stylesheet; the Content-Security-Policy allows exactly this text by its hash. */
export const htmlStyle = `
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --paper: #ffffff;
  --ok: #1a7f37; --ok-soft: #dafbe1; --warn: #9a6700; --warn-soft: #fff8c5;
  --err: #cf222e; --err-soft: #ffebe9; --info: #0969da; --info-soft: #ddf4ff; --band: #b7e4c2;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--soft); color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0; word-break: break-all; }
h3 { font-size: 15px; margin: 22px 0 10px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
a { color: var(--info); text-decoration: none; }
a:hover { text-decoration: underline; }
.page-head { display: flex; justify-content: space-between; align-items: baseline; gap: 16px; flex-wrap: wrap;
  margin-bottom: 18px; }
.muted { color: var(--muted); }
.pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 600;
  white-space: nowrap; border: 1px solid transparent; }
.pill.ok { background: var(--ok-soft); color: var(--ok); }
.pill.warning { background: var(--warn-soft); color: var(--warn); }
.pill.error { background: var(--err-soft); color: var(--err); }
.pill.info { background: var(--info-soft); color: var(--info); }
.pill.unanswered { background: var(--soft); color: var(--muted); border-color: var(--line); }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; }
.report { margin-top: 28px; }
.report-head { display: flex; justify-content: space-between; align-items: center; gap: 12px; flex-wrap: wrap;
  margin-bottom: 12px; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 10px 18px; margin: 0; }
.facts div { min-width: 0; }
.facts dt { font-size: 12px; color: var(--muted); }
.facts dd { margin: 0; font-size: 16px; font-weight: 600; }
.facts dd small { display: block; font-weight: 400; color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; width: 100%; background: var(--paper); }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { border: 1px solid var(--line); border-radius: 10px; overflow: auto; }
.strip { display: flex; flex-wrap: wrap; gap: 3px; }
.strip a { flex: none; width: 24px; height: 18px; border-radius: 3px; background: var(--ok); color: #fff; font-size: 11px; line-height: 18px; text-align: center; text-decoration: none; font-variant-numeric: tabular-nums; }
.key { flex: none; width: 10px; height: 14px; border-radius: 2px; background: var(--ok); }
.strip a.warning, .key.warning { background: #d4a72c; }
.strip a.error, .key.error { background: var(--err); }
.strip a.unanswered, .key.unanswered { background: var(--line); color: var(--ink); }
.key { display: inline-block; vertical-align: -2px; margin: 0 3px 0 10px; }
.class-overview tr:not(.strip-row) td { border-bottom: 0; }
.class-overview tr.strip-row td { padding-top: 0; }
/* The legend stays in view while the overview scrolls by. */
.legend { font-size: 12px; margin: 0; padding: 6px 0; position: sticky; top: 0; z-index: 1; background: var(--soft); }
th { white-space: nowrap; }
.findings { list-style: none; margin: 8px 0 0; padding: 0; }
.panel > .findings { margin: 0; }
.findings li { display: grid; grid-template-columns: 12px 1fr; gap: 8px; padding: 4px 0;
  border-top: 1px dashed var(--line); }
.findings li:first-child { border-top: 0; }
.dot { width: 9px; height: 9px; border-radius: 50%; margin-top: 6px; background: var(--info); }
.dot.error { background: var(--err); }
.dot.warning { background: #d4a72c; }
.finding-meta { color: var(--muted); font-size: 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 12px; }
.card { background: var(--paper); border: 1px solid var(--line); border-left: 4px solid var(--ok);
  border-radius: 8px; padding: 12px 14px; min-width: 0; }
.card.warning { border-left-color: #d4a72c; }
.card.error { border-left-color: var(--err); }
.card.unanswered { border-left-color: var(--line); }
.card-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; }
.card-title { font-weight: 700; font-size: 15px; }
.card-section { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
.metric { margin-top: 10px; }
.metric-label { display: flex; justify-content: space-between; gap: 8px; font-size: 12.5px; }
.metric-label b { font-variant-numeric: tabular-nums; }
.wordbar { display: block; width: 100%; height: 16px; margin-top: 4px; }
.wordbar .track { fill: #eaeef2; }
.wordbar .band { fill: var(--band); }
.wordbar .count { fill: var(--ok); }
.wordbar .count.out { fill: #d4a72c; }
.wordbar .count.none { fill: #8c959f; }
.wordbar .edge { stroke: var(--ok); stroke-width: 1; }
.class-summary h4 { margin: 16px 0 8px; font-size: 14px; }
.tickbar { display: inline-block; width: 120px; height: 10px; vertical-align: middle; margin-right: 8px; }
.tickbar .track { fill: #eaeef2; }
.tickbar .count { fill: var(--ok); }
.images { list-style: none; margin: 4px 0 0; padding: 0; font-size: 12.5px; }
.images li { display: flex; gap: 8px; align-items: baseline; min-width: 0; }
.images .path { overflow-wrap: anywhere; min-width: 0; }
.status { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; white-space: nowrap; }
.status.found { color: var(--ok); }
.status.missing { color: var(--err); }
.status.in-code, .status.unrendered, .status.remote, .status.not-checked { color: var(--warn); }
details { margin-top: 10px; font-size: 12.5px; }
summary { cursor: pointer; color: var(--muted); }
.answer-text { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 320px; overflow: auto; margin: 6px 0 0;
  padding: 8px 10px; background: var(--soft); border-radius: 6px; }
.checklist { display: grid; grid-template-columns: repeat(auto-fit, minmax(270px, 1fr)); gap: 12px;
  align-items: start; }
.week h4 { margin: 0 0 6px; font-size: 14px; display: flex; justify-content: space-between; }
.week ul { list-style: none; margin: 0; padding: 0; }
.checklist-item { display: grid; grid-template-columns: 20px 1fr auto; gap: 6px; padding: 3px 4px;
  border-radius: 5px; font-size: 12.5px; align-items: start; }
.checklist-item + .checklist-item { border-top: 1px solid #eef1f4; }
.mark { width: 16px; height: 16px; border-radius: 4px; border: 1.5px solid #8c959f; margin-top: 1px;
  font-size: 11px; line-height: 13px; text-align: center; font-weight: 700; color: #fff; }
.checked .mark { background: var(--ok); border-color: var(--ok); }
.other .mark { background: var(--warn-soft); border-color: var(--warn); color: var(--warn); }
.module { color: var(--muted); font-size: 11px; white-space: nowrap; }
.checklist-item.flagged { background: var(--warn-soft); }
.checklist-item.flagged.error { background: var(--err-soft); }
.flag { grid-column: 2 / 4; font-size: 12px; color: var(--warn); }
.evidence { grid-column: 2 / 4; font-size: 12px; color: var(--muted); }
.flagged.error .flag { color: var(--err); }
.item-text { overflow-wrap: anywhere; }
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; text-align: center; }
`;
