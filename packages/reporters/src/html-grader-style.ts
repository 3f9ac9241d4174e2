/** What the graders' pages add to the report's stylesheet: the report as GitHub shows it, findings beside it. */
export const graderStyle = `
.bar { position: sticky; top: 0; z-index: 5; display: flex; align-items: center; gap: 12px; flex-wrap: wrap;
  padding: 8px 20px; background: var(--paper); border-bottom: 1px solid var(--line); box-shadow: 0 1px 3px #1f232814; }
.bar .group { font-weight: 700; font-size: 16px; }
.bar .bar-path { font-size: 12px; overflow-wrap: anywhere; }
.bar .counts { display: flex; gap: 6px; margin-left: auto; flex-wrap: wrap; }
.back { font-weight: 600; }
.report-page { max-width: 1240px; }
.markdown-body { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px;
  font-size: 15px; line-height: 1.55; }
.row { display: grid; grid-template-columns: minmax(0, 1fr) 320px; column-gap: 24px; scroll-margin-top: 56px; }
.row > .md { min-width: 0; overflow-wrap: anywhere; }
.row > .md > :first-child { margin-top: 0; }
.row > .md > * { margin: 0 0 14px; }
.row.has-findings > .md { border-right: 3px solid #d4a72c55; padding-right: 10px; }
.notes { font-size: 13px; min-width: 0; }
.notes .findings { margin: 0 0 10px; background: var(--soft); border: 1px solid var(--line); border-radius: 8px;
  padding: 4px 10px; }
.question-chip { border: 1px solid var(--line); border-left: 4px solid var(--ok); border-radius: 8px; padding: 6px 10px;
  margin-bottom: 8px; background: var(--paper); }
.question-chip.warning { border-left-color: #d4a72c; }
.question-chip.error { border-left-color: var(--err); }
.question-chip.unanswered { border-left-color: #8c959f; }
.question-chip.info { border-left-color: var(--info); }
.chip-head { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.chip-line { font-size: 12.5px; margin-top: 4px; }
.markdown-body h1, .markdown-body h2 { padding-bottom: .3em; border-bottom: 1px solid var(--line); }
.markdown-body h1 { font-size: 1.9em; margin-top: 0; }
.markdown-body h2 { font-size: 1.45em; margin-top: 22px; word-break: normal; }
.markdown-body h3 { font-size: 1.2em; margin-top: 20px; color: var(--ink); text-transform: none; letter-spacing: 0; }
.markdown-body blockquote { margin: 0; padding: 0 1em; color: var(--muted); border-left: .25em solid var(--line); }
.markdown-body pre { background: var(--soft); border-radius: 6px; padding: 12px 14px; overflow: auto;
  font-size: 13px; line-height: 1.45; }
.markdown-body code { background: #818b981f; border-radius: 6px; padding: .15em .35em; }
.markdown-body pre code { background: none; padding: 0; }
.markdown-body table { width: auto; max-width: 100%; display: block; overflow: auto; }
.markdown-body table th, .markdown-body table td { border: 1px solid var(--line); padding: 6px 13px; }
.markdown-body table th { background: var(--soft); color: var(--ink); font-size: inherit; }
.markdown-body table tr:nth-child(2n) td { background: var(--soft); }
.markdown-body ul, .markdown-body ol { padding-left: 2em; }
.markdown-body .contains-task-list { list-style: none; padding-left: 1.2em; }
.markdown-body .task-list-item input { margin: 0 .35em .2em -1.3em; vertical-align: middle; }
.markdown-body img.figure { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
.markdown-body hr { border: 0; border-top: 2px solid var(--line); }
.repository-link { color: var(--info); border-bottom: 1px dotted var(--info); cursor: help; }
.figure-box { display: inline-block; padding: 6px 10px; margin: 2px 0; border: 1px dashed var(--err); border-radius: 6px;
  background: var(--err-soft); font-size: 13px; }
.figure-box b { color: var(--err); text-transform: uppercase; font-size: 11px; letter-spacing: .03em; }
.figure-box.remote, .figure-box.not-checked, .figure-box.found { border-color: var(--warn); background: var(--warn-soft); }
.figure-box.remote b, .figure-box.not-checked b, .figure-box.found b { color: var(--warn); }
.item-note { font-size: 12px; margin: 2px 0 4px; display: flex; flex-direction: column; gap: 2px; }
.item-note .flag.error { color: var(--err); }
.item-note .flag.warning { color: var(--warn); }
.item-note .flag.info { color: var(--info); }
.filters { display: flex; gap: 18px; align-items: center; flex-wrap: wrap; margin-bottom: 10px; padding: 10px 14px; }
.filters select { font: inherit; }
table.groups th button { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
table.groups th button::after { content: " ↕"; color: #8c959f; }
table.groups th[aria-sort="ascending"] button::after { content: " ↑"; color: var(--ink); }
table.groups th[aria-sort="descending"] button::after { content: " ↓"; color: var(--ink); }
table.groups tbody.group tr:first-child td { border-bottom: 0; }
table.groups tbody.group tr.strip-row td { padding-top: 0; }
.group-link { font-weight: 600; }
.strip a.info, .key.info { background: var(--info); }
.strip a.focus { outline: 2px solid var(--ink); outline-offset: 1px; }
table.questions tr.focus td { background: var(--info-soft); }
.count.unanswered { display: inline-block; min-width: 24px; padding: 0 6px; border-radius: 999px; background: var(--line);
  color: var(--ink); text-align: center; }
.class-questions { margin-top: 8px; }
@media (max-width: 900px) { .row { grid-template-columns: minmax(0, 1fr); } }
`;
