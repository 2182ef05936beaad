// Drives a `detritus report --html` page in headless Chromium the way a
// reviewer would, and checks what `fix --decisions` makes of the export.
// Run by html-report-browser.sh, which sets up the files named below.
//
//   node html-report-browser.js review REPORT BIN CORPUS_COPY SAFE_COPY SHOT
//   node html-report-browser.js time REPORT
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const { chromium } = require('playwright-core');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function check(ok, what) {
  if (!ok) throw new Error('FAILED: ' + what);
  console.log('ok: ' + what);
}

async function open(report, profile) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 1000 },
  });
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
  page.on('request', (r) => { if (!/^(file|blob|data):/.test(r.url())) problems.push('network request: ' + r.url()); });
  const started = Date.now();
  await page.goto('file://' + report, { waitUntil: 'load' });
  await page.waitForSelector('#shown[data-count]');
  return { context, page, problems, loadMs: Date.now() - started };
}

// The findings count the page claims, and the change elements really on screen.
const counts = (page) => page.evaluate(() => ({
  claimed: Number(document.getElementById('shown').dataset.count),
  visible: [...document.querySelectorAll('details.file:not([hidden]) .chg')]
    .filter((c) => c.getClientRects().length > 0).length,
}));

// Opening a file renders it on the `toggle` event, which the browser fires
// in a later turn: wait (up to 10 s) for the screen to match the count the
// page claims before judging either.
const settled = async (page) => {
  await page.waitForFunction(() => {
    const claimed = Number(document.getElementById('shown').dataset.count);
    const visible = [...document.querySelectorAll('details.file:not([hidden]) .chg')]
      .filter((c) => c.getClientRects().length > 0).length;
    return claimed === visible;
  }, null, { timeout: 10000 }).catch(() => {});
  return counts(page);
};

// Keys and safeties `report` proposes for a tree, read from a fresh page's data.
function proposed(bin, tree, out) {
  execFileSync(bin, ['report', '--quiet', '--html', out, tree]);
  const html = fs.readFileSync(out, 'utf8');
  const start = html.indexOf('application/json">') + 'application/json">'.length;
  const data = JSON.parse(html.slice(start, html.indexOf('</script>', start)));
  return new Set(data.files.flatMap((f) => f.items).filter((i) => i.key).map((i) => i.rule + ' ' + i.key));
}

async function review([report, bin, copy, safeCopy, shot]) {
  const { context, page, problems } = await open(report, fs.mkdtempSync(copy + '-profile'));
  await page.click('#expand');
  let before = await settled(page);
  check(before.claimed > 50 && before.visible === before.claimed,
    `all ${before.claimed} findings are on screen once every file is open`);

  // Untick the rule with the most findings.
  const rule = await page.evaluate(() => [...document.querySelectorAll('#rules tr')]
    .map((tr) => ({ code: tr.querySelector('input').value, total: Number(tr.children[5].textContent) }))
    .sort((a, b) => b.total - a.total)[0]);
  await page.uncheck('#rule-' + rule.code);
  let after = await settled(page);
  check(after.claimed === before.claimed - rule.total && after.visible === after.claimed,
    `unticking ${rule.code} hides its ${rule.total} findings (${before.claimed} -> ${after.claimed})`);
  await page.check('#rule-' + rule.code);

  // Safety filter: hide the safe fixes.
  const safe = Number(await page.textContent('#safety label:nth-child(1) .count'));
  await page.uncheck('#safety input[value=safe]');
  after = await settled(page);
  check(after.claimed === before.claimed - safe && after.visible === after.claimed,
    `unticking "safe" hides the ${safe} safe fixes (${before.claimed} -> ${after.claimed})`);
  const onlySafeGone = await page.evaluate(() => document.querySelectorAll('.chg.safe')[0].getClientRects().length === 0);
  check(onlySafeGone, 'safe fixes are the ones hidden');
  await page.check('#safety input[value=safe]');
  check((await settled(page)).claimed === before.claimed, 'ticking it again shows them all');

  // Reject a safe fix and accept an unsafe one in another file, each alone
  // on its line: overlapping fixes are applied one per pass, and the one
  // left behind may come back with a new key, undecided.
  const [rejected, accepted] = await page.evaluate(() => {
    const d = JSON.parse(document.getElementById('detritus-data').textContent);
    const all = d.files.flatMap((f, file) => f.items.map((it) => ({ ...it, file })));
    const alone = (it) => all.filter((o) => o.file === it.file && o.line === it.line).length === 1;
    const r = all.findIndex((it) => it.safety === 'safe' && alone(it));
    const a = all.findIndex((it) => it.safety === 'unsafe' && alone(it) && it.file !== all[r].file);
    return [r, a];
  });
  await page.click(`.chg[data-i="${rejected}"] button.rej`);
  await page.click(`.chg[data-i="${accepted}"] button.acc`);
  check(await page.getAttribute(`.chg[data-i="${rejected}"] button.rej`, 'aria-pressed') === 'true',
    'the reject button shows as pressed');
  const decided = await page.textContent('#decided');
  console.log('  decisions now: ' + decided);

  // Export through the button, as a download, and through the hook.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const file = copy + '-decisions.jsonl';
  await download.saveAs(file);
  const exported = fs.readFileSync(file, 'utf8');
  check(exported === await page.evaluate(() => window.detritusExport()), 'the download is what the hook returns');
  const lines = exported.trim().split('\n').map((l) => JSON.parse(l));
  const item = (i) => page.evaluate((i) => {
    const d = JSON.parse(document.getElementById('detritus-data').textContent);
    return d.files.flatMap((f) => f.items)[i];
  }, i);
  const r = await item(rejected);
  const a = await item(accepted);
  check(lines.some((l) => l.key === r.key && l.decision === 'reject'), `the export rejects ${r.rule} ${r.key}`);
  check(lines.some((l) => l.key === a.key && l.decision === 'accept'), `the export accepts unsafe ${a.rule} ${a.key}`);
  console.log(`  exported ${lines.length} decisions: ${lines.filter((l) => l.decision === 'accept').length} accept, ` +
    `${lines.filter((l) => l.decision === 'reject').length} reject`);

  // Screenshot: the files holding the two decided fixes open, the rest closed.
  await page.click('#collapse');
  await page.evaluate((ids) => ids.forEach((i) => {
    document.querySelector(`.chg[data-i="${i}"]`).closest('details').open = true;
  }), [rejected, accepted]);
  // The toolbar sticks to the top of the window, so show it from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1800 } });
  await page.click('#side-by-side');
  await page.evaluate((i) => document.querySelector(`.chg[data-i="${i}"]`).scrollIntoView({ block: 'center' }), rejected);
  await page.screenshot({ path: shot.replace(/\.png$/, '-side-by-side.png') });
  check(problems.length === 0, 'no page errors, console errors or network requests' + (problems.length ? ': ' + problems.join('; ') : ''));
  await context.close();

  // Apply the export to a copy of the corpus, and plain `fix` to another.
  execFileSync(bin, ['fix', '--quiet', '--decisions', file, copy]);
  execFileSync(bin, ['fix', '--quiet', safeCopy]);
  const left = proposed(bin, copy, copy + '-after.html');
  const plain = proposed(bin, safeCopy, copy + '-plain.html');
  check(left.has(r.rule + ' ' + r.key), `the rejected ${r.rule} fix was not applied: it is still proposed`);
  check(!left.has(a.rule + ' ' + a.key) && plain.has(a.rule + ' ' + a.key),
    `the accepted unsafe ${a.rule} fix was applied, which plain \`fix\` leaves`);
  const stillThere = lines.filter((l) => l.decision === 'accept' && left.has(l.rule + ' ' + l.key));
  check(stillThere.length === 0, 'every accepted fix was applied' + (stillThere.length ? ': ' + JSON.stringify(stillThere) : ''));
  const differs = fs.readdirSync(copy).filter((n) =>
    fs.readFileSync(copy + '/' + n, 'utf8') !== fs.readFileSync(safeCopy + '/' + n, 'utf8'));
  console.log('  files that differ from plain `fix`: ' + differs.join(', '));
  check(differs.length > 0, 'the decisions file changed the result');
}

async function time([report]) {
  const { context, page, problems, loadMs } = await open(report, fs.mkdtempSync(report + '-profile'));
  const total = (await counts(page)).claimed;
  // Time from the click to the next frame painted, so layout is included.
  const click = (selector) => page.evaluate((selector) => new Promise((done) => {
    const t = performance.now();
    document.querySelector(selector).click();
    requestAnimationFrame(() => setTimeout(() => done(performance.now() - t), 0));
  }), selector);
  const rule = await page.evaluate(() => document.querySelector('#rules input').value);
  const filterMs = await click('#rule-' + rule);
  const shownAfter = (await counts(page)).claimed;
  const safetyMs = await click('#safety input[value=safe]');
  const bulkMs = await click('#accept-visible');
  const openMs = await click('details.file:not([hidden]) > summary');
  console.log(`findings: ${total}; load ${loadMs} ms; untick ${rule} ${filterMs.toFixed(1)} ms ` +
    `(${total} -> ${shownAfter}); untick safe ${safetyMs.toFixed(1)} ms; accept shown ${bulkMs.toFixed(1)} ms; ` +
    `open a file ${openMs.toFixed(1)} ms`);
  check(shownAfter < total, 'the filter hid findings');
  check(loadMs < 10000 && filterMs < 1000 && safetyMs < 1000, 'loading takes under 10 s and a filter under 1 s');
  check(problems.length === 0, 'no page errors' + (problems.length ? ': ' + problems.join('; ') : ''));
  await context.close();
}

const [mode, ...rest] = process.argv.slice(2);
({ review, time })[mode](rest).catch((e) => { console.error(e.message || e); process.exit(1); });
