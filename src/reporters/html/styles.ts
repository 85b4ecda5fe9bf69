/**
 * The report's stylesheet, inlined (the Content-Security-Policy allows exactly this text by its hash). Light and dark
 * palettes follow the reader's system; print expands every requirement and drops the controls. Colour never carries
 * meaning alone: every status has a word and a glyph.
 */
export const STYLES = `
:root{color-scheme:light dark;--bg:#f6f7f9;--card:#fff;--fg:#1c2128;--muted:#57606a;--line:#d8dee4;--soft:#eef1f4;--accent:#0b5cad;--code:#f0f2f5;
--compliant:#1a7f37;--partially_compliant:#9a6700;--non_compliant:#cf222e;--unknown:#8250df;--not_applicable:#6e7781;
--compliant-bg:#dafbe1;--partially_compliant-bg:#fff1c2;--non_compliant-bg:#ffe3e1;--unknown-bg:#f0e7ff;--not_applicable-bg:#eaeef2;
--critical:#a40e26;--high:#cf222e;--medium:#bc4c00;--low:#0969da;--info:#6e7781;--warn-bg:#fff8c5;--warn-line:#d4a72c}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--card:#161b22;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--soft:#1f2630;--accent:#4493f8;--code:#1f2630;
--compliant:#3fb950;--partially_compliant:#d29922;--non_compliant:#f85149;--unknown:#bc8cff;--not_applicable:#8b949e;
--compliant-bg:#12321c;--partially_compliant-bg:#3a2c08;--non_compliant-bg:#42161a;--unknown-bg:#2b1f47;--not_applicable-bg:#262c34;
--critical:#ff7b72;--high:#f85149;--medium:#f0883e;--low:#58a6ff;--info:#8b949e;--warn-bg:#2e2a12;--warn-line:#9e6a03}}
*{box-sizing:border-box}
html{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;background:var(--bg);color:var(--fg)}
body{margin:0}
.wrap{max-width:1120px;margin:0 auto;padding:0 24px 48px}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,monospace;font-size:.86em}
code{background:var(--code);padding:1px 5px;border-radius:4px;overflow-wrap:break-word}
pre{background:var(--code);padding:10px 12px;border-radius:6px;overflow:auto;white-space:pre;margin:6px 0 10px;line-height:1.45}
a{color:var(--accent)}
h1,h2,h3,h4{line-height:1.25;margin:0}
h2{font-size:1.35rem;margin:36px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem}
h4{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:18px 0 6px}
p{margin:6px 0}
.muted{color:var(--muted)}
.pre{white-space:pre-wrap;overflow-wrap:anywhere}
.skip{position:absolute;left:-9999px}.skip:focus{left:12px;top:12px;background:var(--card);padding:6px 10px;z-index:10}
header.top{background:var(--card);border-bottom:1px solid var(--line)}
header.top .wrap{padding-top:28px;padding-bottom:22px}
.eyebrow{font-size:.78rem;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted)}
h1{font-size:1.9rem;margin:4px 0 2px;overflow-wrap:anywhere}
.subtitle{color:var(--muted);margin:0 0 16px}
.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:10px 24px;margin:0}
.meta div{min-width:0}.meta dt{font-size:.75rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.meta dd{margin:0;overflow-wrap:anywhere}
nav.toc{display:flex;flex-wrap:wrap;gap:4px 18px;margin-top:18px;font-size:.92rem}
nav.toc a{text-decoration:none}nav.toc a:hover{text-decoration:underline}
.banner{border:1px solid var(--warn-line);background:var(--warn-bg);border-radius:6px;padding:10px 14px;margin:16px 0 0}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:18px 20px}
.summary{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px;margin-top:24px}
@media (max-width:820px){.summary{grid-template-columns:1fr}}
.big{font-size:2.2rem;font-weight:700;line-height:1}
.bar{width:100%;height:28px;display:block;margin:14px 0 12px;border-radius:6px}
.bar rect,.mini rect,.legend .sw,.sevbars .fill{fill:currentColor;background:currentColor}
.c-compliant{color:var(--compliant)}.c-partially_compliant{color:var(--partially_compliant)}.c-non_compliant{color:var(--non_compliant)}.c-unknown{color:var(--unknown)}.c-not_applicable{color:var(--not_applicable)}
.c-critical{color:var(--critical)}.c-high{color:var(--high)}.c-medium{color:var(--medium)}.c-low{color:var(--low)}.c-info{color:var(--info)}
.legend{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:4px 28px}
.legend li{display:grid;grid-template-columns:12px minmax(0,1fr) auto 40px;align-items:center;gap:8px}
.legend .pct{text-align:right}
.legend .sw{width:12px;height:12px;border-radius:3px;flex:none}
.legend b{font-variant-numeric:tabular-nums}
.start{list-style:none;margin:0;padding:0;display:grid;gap:4px}
.start li{display:flex;gap:8px;align-items:baseline;min-width:0}
.start a{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0;text-decoration:none}.start a:hover{text-decoration:underline}
.meta .wide{grid-column:span 2}
.stats{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:1fr 1fr;gap:12px}
.stats li{border-left:3px solid var(--line);padding-left:10px}.stats b{display:block;font-size:1.4rem;font-variant-numeric:tabular-nums}
.sevbars{list-style:none;margin:10px 0 0;padding:0;font-size:.85rem}
.sevbars li{display:grid;grid-template-columns:70px 1fr 56px;align-items:center;gap:8px;margin:3px 0}
.sevbars svg{width:100%;height:10px;display:block}.sevbars .track{fill:var(--soft)}
.sevbars .n{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-flex;align-items:center;gap:5px;font-size:.78rem;font-weight:600;padding:1px 8px;border-radius:999px;white-space:nowrap;border:1px solid transparent}
.badge .glyph{font-weight:700}
.st-compliant{color:var(--compliant);background:var(--compliant-bg)}
.st-partially_compliant{color:var(--partially_compliant);background:var(--partially_compliant-bg)}
.st-non_compliant{color:var(--non_compliant);background:var(--non_compliant-bg)}
.st-unknown{color:var(--unknown);background:var(--unknown-bg)}
.st-not_applicable{color:var(--not_applicable);background:var(--not_applicable-bg)}
.sev,.out,.tag{display:inline-block;font-size:.72rem;font-weight:600;padding:0 6px;border-radius:4px;border:1px solid currentColor;white-space:nowrap;line-height:1.5}
.sev-critical{color:var(--critical)}.sev-high{color:var(--high)}.sev-medium{color:var(--medium)}.sev-low{color:var(--low)}.sev-info{color:var(--info)}
.out-fail,.out-error{color:var(--non_compliant)}.out-pass{color:var(--compliant)}.out-unknown{color:var(--unknown)}.out-waived{color:var(--partially_compliant)}.out-not_applicable{color:var(--not_applicable)}
.tag{color:var(--muted);font-weight:500}
.tag.bad{color:var(--non_compliant)}.tag.good{color:var(--compliant)}
.section{margin-top:22px}
.section-head{display:flex;flex-wrap:wrap;align-items:center;gap:4px 12px;margin-bottom:8px}
.section-head h3{flex:1 1 240px;overflow-wrap:anywhere}
.mini{width:120px;height:8px;border-radius:4px;flex:none}
.reqs{list-style:none;margin:0;padding:0;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden}
.req+.req{border-top:1px solid var(--line)}
.req-toggle{all:unset;box-sizing:border-box;display:grid;grid-template-columns:14px 160px 96px minmax(0,1fr);gap:4px 12px;align-items:baseline;width:100%;padding:10px 16px;cursor:pointer}
.req-toggle:hover{background:var(--soft)}
.req-toggle:focus-visible{outline:2px solid var(--accent);outline-offset:-2px}
.chev{color:var(--muted);transition:transform .12s}
.req-toggle[aria-expanded=true] .chev{transform:rotate(90deg)}
.rid{font-weight:600}
.req-toggle .badge{justify-self:start}
.rtitle{overflow-wrap:anywhere}
.rreason{grid-column:3/5;color:var(--muted);font-size:.88rem;overflow-wrap:anywhere}
@media (max-width:700px){.req-toggle{grid-template-columns:16px auto minmax(0,1fr)}.req-toggle .rtitle,.req-toggle .rreason{grid-column:2/4}}
.panel{padding:4px 20px 18px 44px;border-top:1px dashed var(--line);background:var(--card);overflow-wrap:anywhere}
@media (max-width:700px){.wrap{padding:0 12px 32px}.panel{padding:4px 12px 14px}.fbar input{min-width:0;width:100%}}
html.js .panel:not(.open){display:none}
.panel.flat{padding:0;border:0;background:none}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.kv{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 14px;margin:4px 0}
.kv dt{color:var(--muted)}.kv dd{margin:0;overflow-wrap:anywhere}
ul.plain,ol.plain{margin:4px 0;padding-left:20px}
ul.plain li,ol.plain li{margin:2px 0}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line);overflow-wrap:break-word}
th{white-space:nowrap}
th{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
.tablebox{background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:auto}
.tablebox table th:first-child,.tablebox table td:first-child{padding-left:14px}
td.nowrap{white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.fview{margin-top:6px}
.fbar{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;margin:6px 0 8px}
.fbar label{display:flex;flex-direction:column;font-size:.72rem;color:var(--muted);gap:2px}
.fbar input,.fbar select{font:inherit;font-size:.88rem;color:var(--fg);background:var(--card);border:1px solid var(--line);border-radius:6px;padding:4px 8px}
.fbar input{min-width:220px}
.fbar select{max-width:260px;text-overflow:ellipsis}
.fcount{font-size:.85rem;color:var(--muted);margin:4px 0}
.flist{list-style:none;margin:0;padding:0;border:1px solid var(--line);border-radius:8px;overflow:hidden}
.flist:empty{display:none}
.finding{padding:8px 12px;display:grid;gap:2px;background:var(--card)}
.finding+.finding{border-top:1px solid var(--line)}
.fhead{display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
.fmsg{overflow-wrap:anywhere}
.fmeta{font-size:.82rem;color:var(--muted);overflow-wrap:anywhere}
.fmeta span+span::before{content:" · "}
.fwaiver{font-size:.82rem;border-left:3px solid var(--partially_compliant);padding-left:8px}
button.more,button.act{font:inherit;font-size:.88rem;margin-top:8px;padding:5px 14px;border-radius:6px;border:1px solid var(--line);background:var(--soft);color:var(--fg);cursor:pointer}
button.more:hover,button.act:hover{border-color:var(--accent)}
button.more:focus-visible,button.act:focus-visible,.fbar :focus-visible{outline:2px solid var(--accent);outline-offset:1px}
.plan-bucket{margin-top:20px}
.plan-item{margin:10px 0}
.plan-item header{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
.plan-item header a{font-weight:600}
.plan-item .who{margin-left:auto;font-size:.85rem;color:var(--muted)}
.plan-item .who.none{font-style:italic}
details.fix{border:1px solid var(--line);border-radius:6px;padding:6px 12px;margin:8px 0;background:var(--bg)}
details.fix summary{cursor:pointer;font-weight:600}
details.fix[open] summary{margin-bottom:6px}
.foot{margin-top:40px;font-size:.82rem;color:var(--muted)}
.noscript{border:1px solid var(--line);border-radius:6px;padding:6px 10px;font-size:.88rem}
html.js .noscript{display:none}
@media print{
html{background:#fff;color:#000;font-size:11pt}
.wrap{max-width:none;padding:0}
nav.toc,.fbar,button.more,button.act,.skip{display:none!important}
.chev{visibility:hidden}
.panel,html.js .panel:not(.open){display:block!important;padding-left:24px}
.card,.reqs,.tablebox,.flist{border-color:#bbb;break-inside:auto}
.req,.finding,.plan-item,tr{break-inside:avoid}
h2{break-after:avoid}
a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em;color:#555}
}
`;
