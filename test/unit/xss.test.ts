import assert from 'node:assert/strict';
import { it } from 'node:test';
import { formatMarkdown } from '../../src/cli/formatters/markdownFormatter';
import { defaultConfig } from '../../src/core/config/config';
import { dashboardData } from '../../src/core/intel/dashboardData';
import { emptyScanStats } from '../../src/core/model';
import { scanFileText } from '../../src/core/scan/scanner';
import { renderDashboard } from '../../src/webview/render';

const SOURCE = '// TODO: <img src=x onerror=alert(1)>\n// FIXME(@"><svg onload=alert(2)>): </script><script>alert(3)</script> [2020-01-01]\n';
const items = scanFileText(defaultConfig(), 'src/x"><b>.ts', SOURCE, '2026-11-22').map((i) => ({ ...i, introduced: { commit: 'c', date: '2020-01-01T00:00:00Z' }, team: '<i>team</i>' }));

it('a TODO full of HTML renders as text in the dashboard, attributes included', () => {
  assert.equal(items.length, 2);
  const row = { date: '2026-01-01<b>', marker: 1, suppression: 0, resilience: 0 };
  const trend = { folder: 'ws"<x>', branch: 'feature/<img src=x>', points: [row], base: 'main"><script>', reference: [row], note: '<i>note</i>' };
  const html = renderDashboard(dashboardData([{ name: 'ws"<x>', items }], [trend, { ...trend, folder: 'two' }], null, 'now'));
  assert.ok(html.includes('data-kind="marker"') && html.includes('class="reference marker"'), 'the charts are drawn');
  for (const bad of ['<img', '<script', '</script', '<svg onload', '<i>', '<b>', '"<x>', 'main">']) assert.ok(!html.includes(bad), `no raw ${bad} in:\n${html}`);
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(html.includes('&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;'));
  assert.ok(html.includes('data-file="src/x&quot;&gt;&lt;b&gt;.ts"'));
});

it('and in the Markdown output', () => {
  const md = formatMarkdown({ root: '/r', items, skipped: [], stats: emptyScanStats() });
  for (const bad of ['<img', '<script', '</script', '<svg']) assert.ok(!md.includes(bad), md);
  assert.ok(md.includes('&lt;img src=x onerror=alert(1)&gt;'));
});
