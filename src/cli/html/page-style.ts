/**
 * The style sheet of the HTML report, inlined in the page (it loads nothing).
 *
 * @module
 */

/**
 * The report's CSS: a compact header, the headline tiles in a row (each as wide as its number needs),
 * readable tables with numbers right-aligned, charts at most the page's width.
 */
export const PAGE_STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --band: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: .5rem 0 1rem; font-size: .875rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
dl.tiles { display: flex; flex-wrap: wrap; gap: .75rem; margin: 0 0 .5rem; }
.tile { flex: 1 1 0; min-width: max-content; border: 1px solid var(--rule); border-radius: 6px; padding: .5rem .75rem; background: var(--band); }
.tile dt { color: var(--muted); font-size: .8rem; white-space: nowrap; }
.tile dd { margin: 0; font-size: 1.4rem; font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }
#glance h2 { margin-top: 1.25rem; }
#glance figure { margin: .5rem 0; }
nav ol { columns: 2; padding-left: 1.25rem; }
footer ul { padding-left: 1.25rem; }
figure { margin: 1rem 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: .875rem; }
th, td { padding: .25rem .6rem; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
th { background: var(--band); font-weight: 600; }
td.num { text-align: right; }
p.note { color: var(--muted); font-size: .85rem; margin: .4rem 0; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
`;
