/**
 * The report's only script, inlined and allowed by its hash in the Content-Security-Policy. It expands requirements
 * (buttons with aria-expanded), and renders findings from the embedded data block only when a reader asks for them,
 * a page at a time, with filters. It builds every node with createElement and textContent: data never reaches
 * innerHTML, and the policy's `require-trusted-types-for 'script'` makes the browser refuse it if a change ever tried.
 *
 * It decodes the format written by data.ts (keep the two in step; html.test.ts checks the round trip in TypeScript,
 * test/e2e/html-report.test.ts in Chromium). Plain ES2017, no template literals: this is a string in a TS file.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var doc = document;
  doc.documentElement.classList.add('js');
  var NAME = '\u0001';
  var TEXT = ['rule', 'status', 'sev', 'type', 'label', 'uid', 'src', 'acct', 'region', 'file', 'msg', 'reason', 'path', 'notes'];
  var NUM = ['line', 'waiver'];
  var STATUS = { fail: 'Fail', error: 'Rule error', unknown: 'Not evaluated', waived: 'Waived', not_applicable: 'Not applicable', pass: 'Pass' };
  var STATUS_ORDER = ['fail', 'error', 'unknown', 'waived', 'not_applicable', 'pass'];
  var SEV = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };
  var SEV_ORDER = ['critical', 'high', 'medium', 'low', 'info'];
  var SRC = { live: 'Live account', cloudformation: 'CloudFormation', terraform: 'Terraform' };
  var cache = null;

  function fmt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }

  function el(tag, cls, text) {
    var node = doc.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function expand(col, n, empty) {
    var out = new Array(n), i, k, at = 0;
    if (!col) { for (i = 0; i < n; i++) out[i] = empty; return out; }
    if (Array.isArray(col)) return col;
    for (i = 0; i < col.r.length; i += 2) for (k = 0; k < col.r[i + 1]; k++) out[at++] = col.r[i];
    return out;
  }

  function data() {
    if (cache) return cache;
    var node = doc.getElementById('ftr-data');
    var raw = JSON.parse(node ? node.textContent : '{}');
    var s = raw.s || [], n = raw.n || 0, c = raw.c || {}, col = {}, names = {};
    TEXT.forEach(function (name) {
      var values = expand(c[name], n, -1), out = new Array(n), i, v;
      for (i = 0; i < n; i++) { v = values[i]; out[i] = typeof v === 'string' ? v : v >= 0 ? s[v] : ''; }
      col[name] = out;
    });
    NUM.forEach(function (name) { col[name] = expand(c[name], n, name === 'line' ? 0 : -1); });
    (raw.acct || []).forEach(function (a) { names[a[0]] = a[1]; });
    var req = (raw.req || []).map(function (deltas) { var at = 0; return deltas.map(function (d) { at += d; return at; }); });
    cache = { n: n, page: raw.page || 50, col: col, w: raw.w || [], req: req, names: names, hay: new Array(n) };
    return cache;
  }

  function named(value, label) { return value.split(NAME).join(label); }

  function accountLabel(d, id) { return d.names[id] ? d.names[id] + ' (' + id + ')' : id; }

  function place(d, i) {
    var c = d.col;
    if (c.file[i]) return c.line[i] > 0 ? c.file[i] + ':' + c.line[i] : c.file[i];
    return [c.acct[i] ? accountLabel(d, c.acct[i]) : '', c.region[i]].filter(Boolean).join(' / ');
  }

  function haystack(d, i) {
    var h = d.hay[i];
    if (h === undefined) {
      var c = d.col, label = c.label[i];
      h = [label, named(c.uid[i], label), named(c.msg[i], label), c.rule[i], c.type[i], place(d, i), c.path[i], c.reason[i]].join('\n').toLowerCase();
      d.hay[i] = h;
    }
    return h;
  }

  function span(parent, cls, text) { if (text) parent.appendChild(el('span', cls, text)); }

  function findingItem(d, i) {
    var c = d.col, label = c.label[i], uid = named(c.uid[i], label);
    var li = el('li', 'finding');
    var head = el('div', 'fhead');
    head.appendChild(el('span', SEV[c.sev[i]] ? 'sev sev-' + c.sev[i] : 'sev', SEV[c.sev[i]] || c.sev[i]));
    head.appendChild(el('span', STATUS[c.status[i]] ? 'out out-' + c.status[i] : 'out', STATUS[c.status[i]] || c.status[i]));
    head.appendChild(el('span', 'fmsg', named(c.msg[i], label)));
    li.appendChild(head);
    var meta = el('div', 'fmeta');
    var rule = el('span'); rule.appendChild(el('code', '', c.rule[i])); meta.appendChild(rule);
    span(meta, '', c.type[i]);
    var res = el('span'); res.appendChild(el('b', '', label)); meta.appendChild(res);
    span(meta, '', place(d, i));
    span(meta, '', SRC[c.src[i]] || c.src[i]);
    li.appendChild(meta);
    var more = el('div', 'fmeta');
    if (uid && uid !== label) span(more, 'mono', uid);
    if (c.path[i]) span(more, '', 'property ' + c.path[i]);
    if (c.reason[i]) span(more, '', 'reason ' + c.reason[i]);
    if (more.firstChild) li.appendChild(more);
    if (c.notes[i]) li.appendChild(el('div', 'fmeta pre', 'Assumes: ' + c.notes[i]));
    var w = c.waiver[i] >= 0 ? d.w[c.waiver[i]] : null;
    if (w) {
      var who = [w[1], w[2] ? 'until ' + w[2] : ''].filter(Boolean).join(', ');
      li.appendChild(el('div', 'fwaiver', 'Waived: ' + w[0] + (who ? ' (' + who + ')' : '') + (w[3] ? ' [' + w[3] + ']' : '')));
    }
    return li;
  }

  function tally(values, indices) {
    var counts = {};
    for (var k = 0; k < indices.length; k++) { var v = values[indices[k]]; counts[v] = (counts[v] || 0) + 1; }
    return counts;
  }

  function option(value, text) { var o = el('option', '', text); o.value = value; return o; }

  function field(text, control) { var label = el('label'); label.appendChild(el('span', '', text)); label.appendChild(control); return label; }

  function isOpen(status) { return status === 'fail' || status === 'error' || status === 'unknown'; }

  function findingsView(mount, indices, title) {
    var d = data(), c = d.col, page = d.page, shown = indices, rendered = 0, timer = 0;
    var view = el('div', 'fview');
    var bar = el('div', 'fbar');
    bar.setAttribute('role', 'search');
    bar.setAttribute('aria-label', 'Filter ' + title);
    var search = el('input');
    search.type = 'search';
    search.placeholder = 'Resource, ARN, message, rule…';
    bar.appendChild(field('Search', search));
    var selects = {};
    [['status', 'Status', STATUS_ORDER, STATUS], ['sev', 'Severity', SEV_ORDER, SEV], ['acct', 'Account', null, null], ['region', 'Region', null, null], ['src', 'Source', null, SRC]].forEach(function (f) {
      var counts = tally(c[f[0]], indices);
      var keys = (f[2] || Object.keys(counts).sort()).filter(function (k) { return k && counts[k]; });
      if (keys.length < 2) return;
      var select = el('select');
      select.appendChild(option('', 'All (' + fmt(indices.length) + ')'));
      if (f[0] === 'status') {
        var open = indices.filter(function (i) { return isOpen(c.status[i]); }).length;
        if (open > 0 && open < indices.length) select.appendChild(option('*open', 'Open only (' + fmt(open) + ')'));
      }
      keys.forEach(function (k) {
        var text = f[0] === 'acct' ? accountLabel(d, k) : f[3] && f[3][k] ? f[3][k] : k;
        select.appendChild(option(k, text + ' (' + fmt(counts[k]) + ')'));
      });
      select.addEventListener('change', apply);
      selects[f[0]] = select;
      bar.appendChild(field(f[1], select));
    });
    var status = el('p', 'fcount');
    status.setAttribute('aria-live', 'polite');
    var list = el('ol', 'flist');
    list.setAttribute('aria-label', title);
    var more = el('button', 'more');
    more.type = 'button';
    more.addEventListener('click', function () { next(); });
    if (indices.length > 1) view.appendChild(bar);
    view.appendChild(status);
    view.appendChild(list);
    view.appendChild(more);
    mount.appendChild(view);

    search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 150); });

    function apply() {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean), want = [];
      Object.keys(selects).forEach(function (k) { if (selects[k].value) want.push([k, selects[k].value]); });
      shown = want.length === 0 && words.length === 0 ? indices : indices.filter(function (i) {
        for (var w = 0; w < want.length; w++) {
          if (want[w][1] === '*open' ? !isOpen(c.status[i]) : c[want[w][0]][i] !== want[w][1]) return false;
        }
        if (words.length === 0) return true;
        var h = haystack(d, i);
        for (var k = 0; k < words.length; k++) if (h.indexOf(words[k]) < 0) return false;
        return true;
      });
      list.textContent = '';
      rendered = 0;
      next();
    }

    function next() {
      var end = Math.min(shown.length, rendered + page), frag = doc.createDocumentFragment();
      for (var k = rendered; k < end; k++) frag.appendChild(findingItem(d, shown[k]));
      list.appendChild(frag);
      rendered = end;
      var filtered = shown.length !== indices.length;
      status.textContent = shown.length === 0
        ? (filtered ? 'No finding matches these filters (' + fmt(indices.length) + ' in all).' : 'No findings.')
        : 'Showing ' + fmt(rendered) + ' of ' + fmt(shown.length) + (filtered ? ' matching (' + fmt(indices.length) + ' in all)' : '') + ', worst first.';
      var left = shown.length - rendered;
      more.hidden = left <= 0;
      more.textContent = 'Show ' + fmt(Math.min(page, left)) + ' more (' + fmt(left) + ' left)';
    }

    next();
  }

  function mountFindings(panel) {
    var mounts = panel.querySelectorAll('[data-findings]');
    for (var m = 0; m < mounts.length; m++) {
      var mount = mounts[m];
      if (mount.getAttribute('data-mounted')) continue;
      mount.setAttribute('data-mounted', '1');
      var d = data(), which = mount.getAttribute('data-findings'), indices;
      if (which === 'all') { indices = new Array(d.n); for (var i = 0; i < d.n; i++) indices[i] = i; }
      else indices = d.req[Number(which)] || [];
      mount.textContent = '';
      findingsView(mount, indices, mount.getAttribute('data-title') || 'Findings');
    }
  }

  function toggle(button, open) {
    var panel = doc.getElementById(button.getAttribute('aria-controls') || '');
    if (!panel) return;
    var now = open === undefined ? button.getAttribute('aria-expanded') !== 'true' : open;
    button.setAttribute('aria-expanded', now ? 'true' : 'false');
    panel.classList.toggle('open', now);
    if (now) mountFindings(panel);
  }

  function openFromHash() {
    var id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { return; }
    var target = id ? doc.getElementById(id) : null;
    var button = target && target.classList.contains('req') ? target.querySelector('[data-toggle]') : null;
    if (button) { toggle(button, true); target.scrollIntoView(); }
  }

  function init() {
    doc.addEventListener('click', function (event) {
      var button = event.target.closest ? event.target.closest('[data-toggle]') : null;
      if (button) { toggle(button); return; }
      var all = event.target.closest ? event.target.closest('[data-expand-all]') : null;
      if (all) {
        var open = all.getAttribute('data-expand-all') === 'open';
        var buttons = doc.querySelectorAll('.req [data-toggle]');
        for (var b = 0; b < buttons.length; b++) toggle(buttons[b], open);
      }
    });
    window.addEventListener('hashchange', openFromHash);
    window.addEventListener('beforeprint', function () {
      var details = doc.querySelectorAll('details.fix:not([open])');
      for (var k = 0; k < details.length; k++) { details[k].open = true; details[k].setAttribute('data-print-open', ''); }
    });
    window.addEventListener('afterprint', function () {
      var details = doc.querySelectorAll('details[data-print-open]');
      for (var k = 0; k < details.length; k++) { details[k].open = false; details[k].removeAttribute('data-print-open'); }
    });
    openFromHash();
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', init);
  else init();
})();
`;
