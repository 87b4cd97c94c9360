/**
 * The report's own stylesheet: light and dark by the reader's setting, statuses in colour and in
 * words, the failures-only filter done in CSS (`:has`), so it works with scripts off.
 */
export const PAGE_STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--dim:#59636e;--line:#d1d9e0;--card:#f6f8fa;
--pass:#1a7f37;--fail:#cf222e;--error:#9a6700;--code:#eff2f5}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--dim:#9198a1;--line:#3d444d;
--card:#151b23;--pass:#3fb950;--fail:#f85149;--error:#d29922;--code:#212830}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main,header.summary{max-width:72rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.4rem;margin:.8rem 0 .2rem}h2{font-size:1.15rem;margin:1.4rem 0 .3rem}
h3{font-size:1rem;margin:0 0 .3rem;display:flex;gap:.6rem;align-items:baseline;flex-wrap:wrap}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--code);padding:.1em .3em;border-radius:4px;overflow-wrap:anywhere}
header.summary{border-bottom:1px solid var(--line);padding-bottom:.5rem}
.counts{margin:.2rem 0;font-size:1.05rem}.facts,.place,.source,.figures,.note{color:var(--dim);margin:.2rem 0}
.bar{display:flex;height:.6rem;border-radius:3px;overflow:hidden;background:var(--line);margin:.3rem 0}
.segment.pass{background:var(--pass)}.segment.fail{background:var(--fail)}.segment.error{background:var(--error)}
.status{font-weight:600;white-space:nowrap}.status.pass{color:var(--pass)}.status.fail{color:var(--fail)}.status.error{color:var(--error)}
.identity{border-top:1px solid var(--line);margin-top:1rem}
.identity h2 .title{font-weight:400}
.claim{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--pass);border-radius:6px;padding:.6rem .9rem;margin:.6rem 0}
.claim.fail{border-left-color:var(--fail)}.claim.error{border-left-color:var(--error)}
.formula,.author{overflow-x:auto;overflow-y:hidden}.author{color:var(--dim)}
.formula .katex-display,.author .katex-display{margin:.4rem 0}
.message{margin:.3rem 0;font-weight:500}.hint{margin:.3rem 0}
.command{margin:.2rem 0;display:flex;gap:.4rem;align-items:baseline;flex-wrap:wrap}.command .what{color:var(--dim)}
button{font:inherit;color:inherit;background:var(--code);border:1px solid var(--line);border-radius:4px;padding:0 .5rem;cursor:pointer}
button:focus-visible,a:focus-visible,input:focus-visible{outline:2px solid #0969da;outline-offset:2px}
a{color:inherit}
.evidence{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start;margin-top:.5rem}
.evidence .note{flex-basis:100%;margin:0}
.panel{margin:0}.panel figcaption{font-size:13px;color:var(--dim);display:flex;flex-direction:column;gap:.1rem;margin-top:.2rem}
.heatmap{display:block;border:1px solid var(--line)}
.heatmap path.out{stroke:var(--fg);stroke-width:2px;vector-effect:non-scaling-stroke}
.legend{display:flex;align-items:center;gap:.3rem;font-size:12px}.ramp{display:inline-block;width:5rem;height:.5rem;border-radius:2px}
.tex{color:var(--error)}
.spec-errors li{margin:.3rem 0}
.gradebook .scroll{overflow-x:auto}
table{border-collapse:collapse;font-size:14px}th,td{border:1px solid var(--line);padding:.2rem .5rem;text-align:left;white-space:nowrap}
tfoot td{color:var(--dim)}td.pass{color:var(--pass)}td.fail{color:var(--fail)}td.error{color:var(--error)}td a{text-decoration:none}
td .word{font-size:12px}th button.sort{border:0;background:none;font-weight:700;padding:0}
th[aria-sort=ascending] button.sort::after{content:" ▲"}th[aria-sort=descending] button.sort::after{content:" ▼"}
body:has(#only-failures:checked) .claim.pass,body:has(#only-failures:checked) .identity.all-passed{display:none}
`;
