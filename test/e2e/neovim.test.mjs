// Neovim as the LSP client: Debian's nvim 0.7 runs test/neovim/harness.lua headless, which
// attaches `factcheck-ls --stdio` to a Markdown buffer, reads the pushed diagnostics, asks
// for code actions, applies the preferred quick fix and saves. This test checks the JSON
// lines it prints and the file on disk.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HARNESS = path.join(ROOT, 'test', 'neovim', 'harness.lua');
const SERVER = `${process.execPath} ${path.join(ROOT, 'bin', 'factcheck-ls.js')} --stdio`;
const BUDGET_MS = 20_000;

const DRAFT = [
  '# Raid in Syria',
  '',
  'Café ☕ 🙂 — the raid in Baghdad killed 12 people, residents said.',
  '',
  'The raid in Atmeh was carried out at night.',
  '',
].join('\n');

/** Runs the harness on `file`; resolves with its exit code, JSON events and stderr. Never hangs. */
function runHarness(file, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '--clean', '-u', HARNESS], {
      cwd: path.dirname(file),
      env: { ...process.env, FACTCHECK_LS: SERVER, FACTCHECK_FILE: file, FACTCHECK_ROOT: path.dirname(file), FACTCHECK_TIMEOUT_MS: String(BUDGET_MS), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own group: a kill also ends the language server it started
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // The harness has its own deadline; this one is for a Neovim that would not even start it.
    const guard = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }, BUDGET_MS + 10_000);
    child.on('error', (e) => {
      clearTimeout(guard);
      reject(new Error(`cannot start nvim (bash test/e2e/setup.sh installs Debian's neovim): ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      const events = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
      resolve({ code, signal, events, stdout, stderr });
    });
  });
}

/** What went wrong in a failed run, short enough to read. */
function failure(run) {
  const error = run.events.find((e) => e.event === 'error');
  const seen = run.events.map((e) => e.event + (e.phase ? `(${e.phase}, ${e.count})` : '')).join(', ');
  return `harness failed (exit ${run.code}, signal ${run.signal}): ${error?.message ?? '(no error event)'}\nevents: ${seen}\nstderr: ${run.stderr.slice(-1000)}`;
}

const only = (events, name, phase) => {
  const found = events.filter((e) => e.event === name && (!phase || e.phase === phase));
  assert.equal(found.length, 1, `expected one '${name}'${phase ? ` (${phase})` : ''} event, got ${found.length}`);
  return found[0];
};

describe('Neovim 0.7 with factcheck-ls --stdio', function () {
  this.timeout(BUDGET_MS + 20_000);
  let dir;
  let file;
  let run;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-nvim-'));
    file = path.join(dir, 'draft.md');
    fs.writeFileSync(file, DRAFT);
    run = await runHarness(file, { FACTCHECK_FIX_CODE: 'wrong-place', FACTCHECK_MIN_DIAGNOSTICS: '2' });
    assert.equal(run.code, 0, failure(run));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('attaches to the Markdown buffer, with code actions, in UTF-16', () => {
    const attached = only(run.events, 'attached');
    assert.equal(attached.client, 'factcheck');
    assert.equal(attached.offset_encoding, 'utf-16');
    assert.equal(attached.capabilities.codeAction, true);
  });

  it('shows the conflicts as diagnostics where they are', () => {
    const { lsp } = only(run.events, 'diagnostics', 'initial');
    const place = lsp.find((d) => d.code === 'wrong-place');
    const number = lsp.find((d) => d.code === 'wrong-number');
    assert.ok(place && number, `expected wrong-place and wrong-number, got ${JSON.stringify(lsp.map((d) => d.code))}`);
    // "Café ☕ 🙂 — the raid in " is 24 UTF-16 units: 🙂 counts two, as LSP says.
    assert.deepEqual(place.range, { start: { line: 2, character: 24 }, end: { line: 2, character: 31 } });
    assert.match(place.message, /Atme/);
    assert.equal(place.source, 'factcheck');
    // The clean sentence about Atmeh is not flagged.
    assert.ok(lsp.every((d) => d.range.start.line === 2), JSON.stringify(lsp));
  });

  it('offers the replacement as the preferred quick fix', () => {
    const { diagnostic, actions } = only(run.events, 'codeActions');
    assert.equal(diagnostic.code, 'wrong-place');
    const preferred = actions.filter((a) => a.isPreferred);
    assert.deepEqual(preferred.map((a) => [a.title, a.kind]), [["Replace with 'Atmeh'", 'quickfix']]);
    assert.deepEqual(only(run.events, 'applied').title, "Replace with 'Atmeh'");
  });

  it('sees the conflict gone after the fix, and the others still there', () => {
    const before = only(run.events, 'diagnostics', 'initial');
    const after = only(run.events, 'diagnostics', 'after-fix');
    assert.ok(after.version > before.version, `after-fix diagnostics are for version ${after.version}, not newer than ${before.version}`);
    assert.deepEqual(after.lsp.map((d) => d.code).sort(), before.lsp.map((d) => d.code).filter((c) => c !== 'wrong-place').sort());
  });

  it('writes the fixed text to disk', () => {
    only(run.events, 'written');
    only(run.events, 'done');
    assert.equal(fs.readFileSync(file, 'utf8'), DRAFT.replace('Baghdad', 'Atmeh'));
  });
});

describe('Neovim 0.7 with factcheck-ls on plain text (the seed article as draft.txt)', function () {
  this.timeout(BUDGET_MS + 20_000);
  let dir;
  let file;
  let run;
  let original;
  let cli; // what `factcheck check --format json` says of the draft before the fix

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-nvim-'));
    file = path.join(dir, 'draft.txt');
    fs.copyFileSync(path.join(ROOT, 'facts', 'sources', '000_d5b0eb1f19cd9f4f.txt'), file);
    fs.chmodSync(file, 0o644); // the shipped article may be read-only
    original = fs.readFileSync(file, 'utf8');
    cli = JSON.parse(spawnSync(process.execPath, [path.join(ROOT, 'bin', 'factcheck.js'), 'check', '--format', 'json', file], { cwd: dir, encoding: 'utf8' }).stdout);
    run = await runHarness(file, { FACTCHECK_FIX_CODE: 'misspelled-name', FACTCHECK_MIN_DIAGNOSTICS: String(cli.files[0].diagnostics.length) });
    assert.equal(run.code, 0, failure(run));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('flags what the command line flags, at the same places', () => {
    // Neovim's filetype 'text' goes out as LSP's 'plaintext' (get_language_id in the harness, as in the README).
    const { lsp } = only(run.events, 'diagnostics', 'initial');
    const key = (d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
    assert.deepEqual(lsp.map(key).sort(), cli.files[0].diagnostics.map(key).sort());
  });

  it("fixes 'Mr Leicester' to 'Mr Lister' and writes it", () => {
    assert.equal(only(run.events, 'applied').title, "Replace with 'Lister'");
    const after = only(run.events, 'diagnostics', 'after-fix');
    assert.ok(!after.lsp.some((d) => d.code === 'misspelled-name' && d.range.start.line === 3), JSON.stringify(after.lsp));
    // Neovim ends the last line on writing ('fixendofline'); the article has no final newline.
    assert.equal(fs.readFileSync(file, 'utf8'), `${original.replace('Mr Leicester', 'Mr Lister')}\n`);
  });
});

describe('Neovim harness failures are reported, not hung', function () {
  this.timeout(BUDGET_MS + 20_000);

  it('fails at once with a message when the server cannot start', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-nvim-'));
    try {
      const file = path.join(dir, 'draft.md');
      fs.writeFileSync(file, DRAFT);
      const run = await runHarness(file, { FACTCHECK_LS: `${process.execPath} ${path.join(dir, 'no-such-server.js')} --stdio`, FACTCHECK_TIMEOUT_MS: '8000' });
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(only(run.events, 'error').message, /server exited/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
