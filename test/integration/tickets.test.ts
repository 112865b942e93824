import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { api, readText, render, waitFor, workspaceUri, writeText } from './helpers';

const FILE = 'src/tickets-demo.ts';
const git = (...args: string[]): string => execFileSync('git', args, { cwd: workspaceUri().fsPath, encoding: 'utf8' });

describe('Create Issue... (debt to issues)', () => {
  const opened: string[] = [];
  let hadOrigin = false;

  before(async () => {
    const ledger = await api();
    ledger.stubOpenExternal((url) => {
      opened.push(url);
      return Promise.resolve(true);
    });
    hadOrigin = git('remote').split('\n').includes('origin');
    if (!hadOrigin) git('remote', 'add', 'origin', 'git@github.com:acme/app.git');
    await writeText(workspaceUri(FILE), 'export const x = 1;\n// TODO(@ann): cache the lookup\n// FIXME: retry on 503\n');
    await waitFor('the demo items', () => ledger.items().filter((i) => i.file === FILE).length === 2);
  });

  after(async () => {
    const ledger = await api();
    ledger.stubOpenExternal(undefined);
    if (!hadOrigin) git('remote', 'remove', 'origin');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(FILE));
    await waitFor('the demo items gone', () => ledger.items().every((i) => i.file !== FILE));
  });

  it('GitHub remote: opens /issues/new with title, body (permalink at HEAD, owner, age) and labels; the marker edit applies and undoes', async () => {
    const ledger = await api();
    git('remote', 'set-url', 'origin', 'git@github.com:acme/app.git');
    const todo = ledger.items().find((i) => i.file === FILE && i.tag === 'TODO')!;
    await vscode.commands.executeCommand('debtLedger.createIssue', todo.id, { issue: '#812' });
    assert.equal(opened.length, 1);
    const url = new URL(opened[0]!);
    const head = git('rev-parse', 'HEAD').trim();
    assert.equal(`${url.origin}${url.pathname}`, 'https://github.com/acme/app/issues/new');
    assert.equal(url.searchParams.get('title'), 'TODO: cache the lookup');
    const body = url.searchParams.get('body')!;
    assert.ok(body.startsWith('cache the lookup\n'), body);
    assert.ok(body.includes(`(https://github.com/acme/app/blob/${head}/src/tickets-demo.ts#L2)`), body);
    assert.ok(body.includes('- Owner: @ann'), body);
    assert.ok(body.includes('- Age: not committed yet'), body);
    assert.ok(body.includes(`<!-- debt-ledger-id: ${todo.id} -->`), body);
    assert.equal(url.searchParams.get('labels'), 'debt-ledger,todo');
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(doc.uri.toString(), workspaceUri(FILE).toString());
    assert.equal(doc.lineAt(1).text, '// TODO(@ann, #812): cache the lookup');
    assert.ok(doc.isDirty, 'a workspace edit, not a write behind the editor');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.lineAt(1).text, '// TODO(@ann): cache the lookup', 'the user can undo it');
    await vscode.commands.executeCommand('redo');
    await waitFor('the redo', () => doc.lineAt(1).text === '// TODO(@ann, #812): cache the lookup');
    await doc.save();
    await waitFor('the saved file', async () => /TODO\(@ann, #812\)/.test(await readText(workspaceUri(FILE))));
  });

  it('GitLab remote: opens /-/issues/new with issue[title], issue[description] and a /label quick action; TODO(#n) inserted', async () => {
    const ledger = await api();
    git('remote', 'set-url', 'origin', 'https://gitlab.com/group/sub/proj.git');
    const fixme = ledger.items().find((i) => i.file === FILE && i.tag === 'FIXME')!;
    await vscode.commands.executeCommand('debtLedger.createIssue', fixme.id, { issue: 'https://gitlab.com/group/sub/proj/-/issues/34' });
    const url = new URL(opened.at(-1)!);
    assert.equal(`${url.origin}${url.pathname}`, 'https://gitlab.com/group/sub/proj/-/issues/new');
    assert.equal(url.searchParams.get('issue[title]'), 'FIXME: retry on 503');
    const description = url.searchParams.get('issue[description]')!;
    assert.ok(description.includes('/-/blob/'), description);
    assert.ok(description.endsWith('/label ~"debt-ledger" ~"fixme"'), description);
    assert.equal(vscode.window.activeTextEditor!.document.lineAt(2).text, '// FIXME(#34): retry on 503');
    await vscode.window.activeTextEditor!.document.save();
  });

  it('with debtLedger.tickets.enabled, the Ledger shows each ticket\'s state from the tracker (a local GitHub)', async () => {
    const ledger = await api();
    git('remote', 'set-url', 'origin', 'git@github.com:acme/app.git');
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const n = Number(/\/repos\/acme\/app\/issues\/(\d+)$/.exec(req.url ?? '')?.[1]);
      res.writeHead(n === 1 || n === 812 ? 200 : 404, { 'content-type': 'application/json', 'x-ratelimit-remaining': '4999' });
      res.end(JSON.stringify(n === 1 ? { number: 1, state: 'closed', closed_at: '2024-01-01T00:00:00Z' } : n === 812 ? { number: 812, state: 'open', closed_at: null } : { message: 'Not Found' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const saved = process.env.GITHUB_API_URL;
    process.env.GITHUB_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await vscode.workspace.getConfiguration('debtLedger').update('tickets.enabled', true, vscode.ConfigurationTarget.Global);
      await waitFor('ticket states in the tree', () => {
        const lines = render(ledger.treeSnapshot());
        return lines.some((l) => l.includes('#1 (closed)')) && lines.some((l) => l.includes('#812 (open)'));
      });
      const tree = render(ledger.treeSnapshot());
      assert.ok(tree.includes('  first item #1 (src/app.ts:3 · @ann · #1 (closed))'), tree.join('\n'));
      assert.ok(tree.some((l) => l.includes('#812 (open)')), tree.join('\n'));
      assert.ok(seen.includes('GET /repos/acme/app/issues/1'), seen.join(', '));
    } finally {
      await vscode.workspace.getConfiguration('debtLedger').update('tickets.enabled', undefined, vscode.ConfigurationTarget.Global);
      if (saved === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = saved;
      server.closeAllConnections();
      server.close();
    }
  });

  it('ticketed items are left alone', async () => {
    const ledger = await api();
    await ledger.whenIdle();
    await waitFor('the rescan of the edited file', () => ledger.items().some((i) => i.file === FILE && i.ticket === '#812'));
    const before = opened.length;
    const ticketed = ledger.items().find((i) => i.file === FILE && i.ticket === '#812')!;
    await vscode.commands.executeCommand('debtLedger.createIssue', ticketed.id, { issue: '1' });
    assert.equal(opened.length, before, 'no page opened for an item that has a ticket');
  });
});
