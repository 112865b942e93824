// Recall/precision of resilience findings on the labelled sample (docs/measurements/issue-14-server-sample.json
// converted to repo|site|timeout|retry|note lines) against two folders of `debt-ledger scan -f json` outputs.
// Usage: node measure.js labels.txt beforeDir afterDir -> per repo recall/precision table (JSON + text)
const fs = require('fs');
const [labelsFile, beforeDir, afterDir] = process.argv.slice(2);
const labels = fs.readFileSync(labelsFile, 'utf8').trim().split('\n').map((l) => { const [repo, site, timeout, retry, note] = l.split('|'); return { repo, site, timeout, retry, note }; });
const load = (dir, repo) => JSON.parse(fs.readFileSync(`${dir}/${repo}.json`, 'utf8')).items.filter((i) => i.kind === 'resilience');
function found(items, site, rule) {
  const direct = items.some((i) => `${i.file}:${i.line}` === site && i.rule === rule);
  const viaWrapper = items.some((i) => i.rule === rule && (i.callers || []).some((c) => c.split(' ')[0] === site));
  return direct ? 'direct' : viaWrapper ? 'wrapper' : null;
}
const out = { sample: labels.length, byRepo: {} };
for (const phase of ['before', 'after']) {
  const dir = phase === 'before' ? beforeDir : afterDir;
  const cache = {};
  const rows = labels.map((l) => {
    const items = (cache[l.repo] ??= load(dir, l.repo));
    return { ...l, t: found(items, l.site, 'resilience/timeout'), r: found(items, l.site, 'resilience/retry') };
  });
  for (const repo of [...new Set(labels.map((l) => l.repo)), 'all']) {
    const rs = rows.filter((r) => repo === 'all' || r.repo === repo);
    const tg = rs.filter((r) => r.timeout === 'gap'), tc = rs.filter((r) => r.timeout === 'covered');
    const rg = rs.filter((r) => r.retry === 'gap'), rc = rs.filter((r) => r.retry === 'covered');
    const tp = tg.filter((r) => r.t).length + rg.filter((r) => r.r).length;
    const fp = tc.filter((r) => r.t).length + rc.filter((r) => r.r).length;
    const s = {
      sites: rs.length,
      timeoutGaps: tg.length, timeoutFound: tg.filter((r) => r.t).length, timeoutFoundDirect: tg.filter((r) => r.t === 'direct').length,
      retryGaps: rg.length, retryFound: rg.filter((r) => r.r).length, retryFoundDirect: rg.filter((r) => r.r === 'direct').length,
      coveredTimeout: tc.length, falseTimeout: tc.filter((r) => r.t).length, coveredRetry: rc.length, falseRetry: rc.filter((r) => r.r).length,
      precision: tp + fp ? +(tp / (tp + fp)).toFixed(3) : null,
      missedTimeout: tg.filter((r) => !r.t).map((r) => r.site), falseAlarms: [...tc.filter((r) => r.t).map((r) => `${r.site} timeout`), ...rc.filter((r) => r.r).map((r) => `${r.site} retry`)],
    };
    ((out.byRepo[repo] ??= {})[phase] = s);
  }
}
for (const [repo, p] of Object.entries(out.byRepo)) for (const ph of ['before', 'after']) {
  const s = p[ph];
  console.log(`${repo.padEnd(11)} ${ph.padEnd(6)} sites ${s.sites}  timeout ${s.timeoutFound}/${s.timeoutGaps} (direct ${s.timeoutFoundDirect})  retry ${s.retryFound}/${s.retryGaps} (direct ${s.retryFoundDirect})  false alarms ${s.falseTimeout + s.falseRetry}/${s.coveredTimeout + s.coveredRetry} covered  precision ${s.precision}`);
}
fs.writeFileSync('/tmp/measure-out.json', JSON.stringify(out, null, 1));
