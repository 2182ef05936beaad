// Renders the embedded findings, filters them and exports decisions.
// All text goes in through textContent: it comes from scraped pages.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('detritus-data').textContent);
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');

  // Every finding in one flat list; `state` holds each fix's decision.
  const items = [];
  data.files.forEach((file, f) => file.items.forEach((it) => { it.file = f; it.i = items.length; items.push(it); }));
  const state = items.map((it) => (it.safety === 'safe' ? 'accept' : ''));
  // A decision is stored by rule and key, so fixes sharing both are one decision.
  const twins = new Map();
  items.forEach((it, i) => {
    if (!it.key) return;
    const k = it.rule + ' ' + it.key;
    if (!twins.has(k)) twins.set(k, []);
    twins.get(k).push(i);
  });
  const twinsOf = (i) => twins.get(items[i].rule + ' ' + items[i].key);

  const rules = new Map(data.rules.map((r) => [r.code, r]));
  const rulesOn = new Set(data.rules.map((r) => r.code));
  const safetyOn = new Set(['safe', 'unsafe', 'note']);
  const shown = (it) => rulesOn.has(it.rule) && safetyOn.has(it.safety);
  const rendered = new Map(); // item index -> its element, once its file is opened

  // Summary: counts per rule and safety, with bars.
  const perRule = new Map(data.rules.map((r) => [r.code, { safe: 0, unsafe: 0, note: 0 }]));
  const perSafety = { safe: 0, unsafe: 0, note: 0 };
  for (const it of items) { perRule.get(it.rule)[it.safety]++; perSafety[it.safety]++; }
  const fixes = perSafety.safe + perSafety.unsafe;
  $('totals').textContent = plural(data.files.length, 'file') + ', ' +
    fixes + (fixes === 1 ? ' proposed fix' : ' proposed fixes') + ' (' + perSafety.safe + ' safe, ' +
    perSafety.unsafe + ' unsafe), ' + plural(perSafety.note, 'note') + '; ' +
    plural(data.files.filter((f) => f.items.length === 0).length, 'file') + ' without findings.';
  for (const e of data.errors) $('errors').append(el('li', '', e));
  const widest = Math.max(1, ...[...perRule.values()].map((c) => c.safe + c.unsafe + c.note));
  const ruleRows = new Map();
  for (const r of data.rules) {
    const c = perRule.get(r.code);
    const total = c.safe + c.unsafe + c.note;
    const tr = el('tr');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = true;
    box.value = r.code;
    box.id = 'rule-' + r.code;
    const label = el('label');
    label.htmlFor = box.id;
    label.title = r.summary;
    label.append(el('span', 'code', r.code), ' ', r.name);
    const bar = el('div', 'bar');
    for (const s of ['safe', 'unsafe', 'note']) {
      if (!c[s]) continue;
      const part = el('span', s);
      part.style.width = (100 * c[s] / widest) + '%';
      part.title = c[s] + ' ' + s;
      bar.append(part);
    }
    const cells = [box, label, c.safe || '', c.unsafe || '', c.note || '', total, bar];
    cells.forEach((x, i) => {
      const td = el('td', i >= 2 && i <= 5 ? 'n' : '');
      td.append(x);
      tr.append(td);
    });
    ruleRows.set(r.code, tr);
    $('rules').append(tr);
  }
  document.querySelectorAll('#safety label').forEach((l) => {
    l.querySelector('.count').textContent = perSafety[l.querySelector('input').value];
  });

  // Files: a collapsed <details> each; its changes are built when first opened.
  const fileEls = [];
  data.files.forEach((file, f) => {
    if (!file.items.length) { fileEls.push(null); return; }
    const d = el('details', 'file');
    const s = el('summary');
    s.append(el('span', 'path', file.path), el('span', 'tally'));
    d.append(s);
    d.addEventListener('toggle', () => { if (d.open && !d.dataset.built) build(d, f); });
    fileEls.push(d);
    $('files').append(d);
  });
  // Filtering hides changes by class through this one stylesheet, so no
  // change element is touched when a filter moves.
  const filterStyle = document.head.appendChild(el('style'));

  function build(d, f) {
    d.dataset.built = '1';
    const body = el('div', 'changes');
    for (const it of data.files[f].items) body.append(change(it, it.i));
    d.append(body);
  }

  function change(it, i) {
    const c = el('div', 'chg r-' + it.rule + ' ' + it.safety);
    c.dataset.i = i;
    const rule = rules.get(it.rule);
    const head = el('div', 'head');
    head.append(el('span', 'loc', 'L' + it.line + ':' + it.col), el('span', 'code', it.rule),
      el('span', 'name', rule.name), el('span', 'badge ' + it.safety, it.safety));
    if (it.key) {
      const acts = el('span', 'acts');
      const acc = el('button', 'acc', '✓ Accept');
      const rej = el('button', 'rej', '✗ Reject');
      acc.type = rej.type = 'button';
      acc.dataset.act = 'accept';
      rej.dataset.act = 'reject';
      acts.append(acc, rej);
      head.append(acts);
    }
    head.append(el('span', 'msg', it.message));
    const inline = el('div', 'diff inline');
    const before = el('div', 'diff');
    const after = el('div', 'diff');
    for (const [kind, text] of it.pieces) {
      // A deleted or inserted line break would otherwise not show.
      const shownText = kind === '=' ? text : text.replace(/\n/g, '↵\n');
      if (kind === '=') {
        inline.append(text); before.append(text); after.append(text);
      } else if (kind === '-') {
        inline.append(el('del', '', shownText)); before.append(el('del', '', shownText));
      } else if (kind === '+') {
        inline.append(el('ins', '', shownText)); after.append(el('ins', '', shownText));
      } else {
        inline.append(el('mark', '', shownText)); before.append(el('mark', '', shownText));
        after.append(el('mark', '', shownText));
      }
    }
    const sbs = el('div', 'sbs');
    sbs.append(before, after);
    c.append(head, inline, sbs);
    if (it.key) { rendered.set(i, c); paint(i); }
    return c;
  }

  function paint(i) {
    const c = rendered.get(i);
    if (!c) return;
    c.classList.toggle('st-accept', state[i] === 'accept');
    c.classList.toggle('st-reject', state[i] === 'reject');
    c.querySelector('.acc').setAttribute('aria-pressed', state[i] === 'accept');
    c.querySelector('.rej').setAttribute('aria-pressed', state[i] === 'reject');
  }

  function decide(i, verdict) {
    for (const j of twinsOf(i)) { state[j] = verdict; paint(j); }
  }

  $('files').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-act]');
    if (!b) return;
    const i = Number(b.closest('.chg').dataset.i);
    // Pressing the chosen verdict again takes it back.
    decide(i, state[i] === b.dataset.act ? '' : b.dataset.act);
    tallyDecisions();
  });

  function applyFilters() {
    const hide = [];
    for (const r of data.rules) {
      const on = rulesOn.has(r.code);
      ruleRows.get(r.code).classList.toggle('off', !on);
      if (!on) hide.push('.chg.r-' + CSS.escape(r.code));
    }
    for (const s of ['safe', 'unsafe', 'note']) if (!safetyOn.has(s)) hide.push('.chg.' + s);
    filterStyle.textContent = hide.length ? hide.join(',') + '{display:none}' : '';
    const perFile = data.files.map(() => 0);
    let count = 0;
    items.forEach((it) => { if (shown(it)) { perFile[it.file]++; count++; } });
    let files = 0;
    fileEls.forEach((d, f) => {
      if (!d) return;
      const n = perFile[f];
      const total = data.files[f].items.length;
      d.hidden = n === 0;
      files += n > 0;
      const text = n === total ? plural(total, 'finding') : n + ' of ' + plural(total, 'finding');
      const tally = d.firstChild.lastChild;
      if (tally.textContent !== text) tally.textContent = text;
    });
    $('rules-all').checked = rulesOn.size === data.rules.length;
    $('shown').textContent = 'showing ' + plural(count, 'finding') + ' in ' + plural(files, 'file');
    $('shown').dataset.count = count;
  }

  function tallyDecisions() {
    let a = 0, r = 0, u = 0;
    items.forEach((it, i) => {
      if (!it.key) return;
      if (state[i] === 'accept') a++; else if (state[i] === 'reject') r++; else u++;
    });
    $('decided').textContent = a + ' accepted · ' + r + ' rejected · ' + u + ' undecided';
  }

  $('rules').addEventListener('change', (e) => {
    if (e.target.checked) rulesOn.add(e.target.value); else rulesOn.delete(e.target.value);
    applyFilters();
  });
  $('rules-all').addEventListener('change', (e) => {
    document.querySelectorAll('#rules input').forEach((b) => {
      b.checked = e.target.checked;
      if (b.checked) rulesOn.add(b.value); else rulesOn.delete(b.value);
    });
    applyFilters();
  });
  $('safety').addEventListener('change', (e) => {
    if (e.target.checked) safetyOn.add(e.target.value); else safetyOn.delete(e.target.value);
    applyFilters();
  });
  $('side-by-side').addEventListener('change', (e) => document.body.classList.toggle('side-by-side', e.target.checked));
  $('expand').addEventListener('click', () => fileEls.forEach((d) => { if (d && !d.hidden) d.open = true; }));
  $('collapse').addEventListener('click', () => fileEls.forEach((d) => { if (d) d.open = false; }));
  const decideShown = (verdict) => {
    items.forEach((it, i) => { if (it.key && shown(it)) decide(i, verdict); });
    tallyDecisions();
  };
  $('accept-visible').addEventListener('click', () => decideShown('accept'));
  $('reject-visible').addEventListener('click', () => decideShown('reject'));

  // The decisions file: the lines embedded for each decided fix, one per
  // rule and key. Undecided fixes are left out.
  function exportDecisions() {
    const lines = [];
    for (const group of twins.values()) {
      const i = group[0];
      if (state[i]) lines.push(items[i][state[i]]);
    }
    return lines.length ? lines.join('\n') + '\n' : '';
  }
  $('export').addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([exportDecisions()], { type: 'application/x-ndjson' }));
    const a = el('a');
    a.href = url;
    a.download = 'decisions.jsonl';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  // For scripts driving the page.
  window.detritusExport = exportDecisions;

  applyFilters();
  tallyDecisions();
})();
