// VS Code itself (code-server 4.100.3 = VS Code 1.100.3, in Debian's headless Chromium via
// playwright-core) with the packaged factcheck.vsix installed, used as a writer would:
// open a draft, see the squiggles, the Problems count and the status bar, hover a flagged
// word (what is wrong once, values first, the sources' quotes whole or cut at a word, the
// link to the fact, no scrolling), apply the quick fix with Ctrl+. Enter, save with Ctrl+S,
// fix all the others from the lightbulb's menu, see no lightbulb on a line with nothing
// flagged, then add a fact from a selection — a person, with their office, citing a new
// source whose article holds the name — and see it in force. `npm run test:e2e` packages
// the .vsix and installs the tools first (test/e2e/setup.sh). Screenshots:
// test/e2e/.work/screenshots/.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { WORK_DIR, makeRunDir, writeUserSettings, DEFAULT_USER_SETTINGS, installExtension, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';
import { Workbench, sleep, until, waitForFile } from './lib/workbench.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VSIX = path.join(ROOT, 'factcheck.vsix');
const SEED = path.join(ROOT, 'facts', 'sources', '000_d5b0eb1f19cd9f4f.txt');
const SHOTS = path.join(WORK_DIR, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const NOTES = [
  '# Raid in Atmeh',
  '',
  'The raid in Baghdad killed 12 people, residents said.',
  '',
  'Charles Lester, a doctor in Atmeh, said the raid began at night.',
  '',
  'Hassan Youssef, a volunteer in Atmeh, said rescuers worked through the night.',
  '',
].join('\n');
/** An article of the workspace that no source names yet: the new source of "Add Fact". */
const RESCUERS = [
  'Rescuers in Atmeh',
  '',
  'Hassan Youssef, a volunteer with the White Helmets civil defence group, said his team pulled survivors from the house after the raid. The group said it had no figures yet.',
  '',
].join('\n');
const YOUSSEF_SENTENCE = 'Hassan Youssef, a volunteer with the White Helmets civil defence group, said his team pulled survivors from the house after the raid.';

/** What the command line finds in a file of the workspace: the editor must show the same. */
function cliFindings(folder, file) {
  return cliCheck(folder, file).findings;
}

/** The command line's findings in a file, and the problems it reports in the fact files (on stderr). */
function cliCheck(folder, file) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'factcheck.js'), 'check', '--format', 'json', file], { cwd: folder, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`factcheck check ${file} exited ${run.status}: ${run.stderr}`);
  return { findings: JSON.parse(run.stdout).files[0].diagnostics, factProblems: run.stderr.split('\n').filter((l) => /fact file (error|warning)/.test(l)) };
}

/** Sentences of a text that are said more than once (a hover must say each thing once). */
function repeatedSentences(text) {
  const seen = new Map();
  for (const s of text.replace(/“[^”]*”/g, '“”').split(/(?<=[.!?])\s+|\s+—\s+|\n+/).map((x) => x.trim()).filter((x) => x.split(/\s+/).length >= 4)) {
    seen.set(s, (seen.get(s) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([s]) => s);
}

function offsetOf(text, { line, character }) {
  const lines = text.split('\n');
  return lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
}

let chromium;
try {
  ({ chromium } = createRequire(path.join(WORK_DIR, 'package.json'))('playwright-core'));
} catch {
  chromium = undefined;
}

describe('VS Code (code-server) with the packaged factcheck.vsix', function () {
  this.timeout(60_000);
  this.bail(true);

  const dirs = makeRunDir();
  const folder = path.join(dirs.root, 'workspace');
  const draft = path.join(folder, 'draft.txt');
  const notes = path.join(folder, 'notes.md');
  const entities = path.join(folder, 'facts', 'entities.facts.yaml');
  const sourcesFile = path.join(folder, 'facts', 'sources.facts.yaml');
  let original;
  let expected; // the CLI's findings for draft.txt
  let baghdad;
  let server;
  let browser;
  let wb;
  let failed = false;
  let t0 = Date.now();
  const log = (msg) => console.log(`      [${((Date.now() - t0) / 1000).toFixed(1)} s] ${msg}`);

  before(async function () {
    this.timeout(120_000);
    t0 = Date.now();
    assert.ok(chromium, 'playwright-core is not installed in test/e2e/.work: run bash test/e2e/setup.sh');
    assert.ok(fs.existsSync(VSIX), 'factcheck.vsix is missing: run npm run package');
    const built = fs.statSync(path.join(ROOT, 'dist', 'server.js')).mtimeMs;
    assert.ok(fs.statSync(VSIX).mtimeMs >= built - 1000, 'factcheck.vsix is older than dist/: run npm run package');

    // The workspace: the seed article as a plain-text draft, a Markdown draft, and a copy of
    // the shipped facts/ with their source articles (the server then takes the workspace's
    // own facts, which is where "Add Fact" writes).
    fs.cpSync(path.join(ROOT, 'facts'), path.join(folder, 'facts'), { recursive: true });
    fs.copyFileSync(SEED, draft);
    fs.chmodSync(draft, 0o644); // the shipped article may be read-only
    fs.writeFileSync(notes, NOTES);
    fs.writeFileSync(path.join(folder, 'facts', 'sources', 'rescuers.txt'), RESCUERS);
    original = fs.readFileSync(draft, 'utf8');
    expected = cliFindings(folder, 'draft.txt');
    baghdad = expected.find((d) => d.code === 'wrong-place' && original.slice(offsetOf(original, d.range.start), offsetOf(original, d.range.end)) === 'Baghdad');
    assert.ok(baghdad, `the CLI does not flag Baghdad in the draft: ${JSON.stringify(expected.map((d) => d.code))}`);

    // Copied first: a build elsewhere in the tree may rewrite factcheck.vsix meanwhile.
    const vsix = path.join(dirs.root, 'factcheck.vsix');
    fs.copyFileSync(VSIX, vsix);
    const installed = await installExtension(dirs, vsix, { timeoutMs: 60_000 });
    assert.ok(installed.installed.some((l) => l.startsWith('factcheck.factcheck@')), `factcheck not installed:\n${installed.output}\n${installed.installed.join('\n')}`);
    log(`installed ${installed.installed.join(', ')} (${installed.ms} ms)`);

    // Word wrap, as for prose; the rest keeps the workbench quiet.
    writeUserSettings(dirs, { ...DEFAULT_USER_SETTINGS, 'editor.wordWrap': 'on', 'editor.minimap.enabled': false });
    server = await startCodeServer(dirs);
    log(`code-server up at ${server.url} (${server.ms} ms)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, timeout: 30_000, args: ['--disable-gpu', '--disable-quic'] });
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.setDefaultTimeout(15_000);
    wb = new Workbench(page, SHOTS);
    await wb.open(workbenchUrl(server.url, folder), 'draft.txt');
    log('workbench loaded');
  });

  afterEach(async function () {
    if (this.currentTest.state !== 'failed') return;
    failed = true;
    if (wb) {
      const shot = await Promise.race([wb.screenshot('failure').catch(() => undefined), sleep(10_000)]);
      if (shot) console.error(`      screenshot of the failure: ${path.relative(process.cwd(), shot)}`);
    }
  });

  after(async function () {
    this.timeout(30_000);
    if (browser) await Promise.race([browser.close().catch(() => {}), sleep(10_000)]);
    if (server) await server.stop();
    if (failed || process.env.E2E_KEEP) console.error(`      run folder kept: ${dirs.root} (code-server log: ${dirs.log}; extension logs under user-data/logs)`);
    else fs.rmSync(dirs.root, { recursive: true, force: true });
  });

  it('flags the draft: squiggles under the conflicts, and the Problems count', async () => {
    await wb.openFile('draft.txt');
    // The first check waits for the extension host to start the server: give it time.
    await until('squiggles in draft.txt', async () => (await wb.squiggles().count()) >= expected.length, {
      timeout: 30_000,
      describe: async () => `${await wb.squiggles().count()} squiggles drawn, ${expected.length} expected`,
    });
    const problems = await wb.waitProblems(`${expected.length} warnings`, (p) => p.warnings === expected.length && p.errors === 0);
    log(`draft.txt: ${problems.label}`);
  });

  it('shows what is wrong once, then the sources, when the mouse rests on a flagged word — without scrolling', async () => {
    await wb.goTo(baghdad.range.start.line + 1, baghdad.range.start.character + 1);
    const cursor = await wb.editor.locator('.cursors-layer .cursor').first().boundingBox();
    assert.ok(cursor, 'no cursor drawn in the editor');
    const text = await wb.hoverAt(cursor.x + 12, cursor.y + cursor.height / 2, /Sources/);
    await wb.screenshot('hover');
    log(`hover: ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 400))}…`);
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    // First the diagnostic (VS Code's part), values first; then the server's part, said once.
    assert.match(lines[0].slice(0, 40), /Atmeh.*Baghdad/, `the hover does not open with the values: ${lines[0]}`);
    assert.match(text, /factcheck\(wrong-place\)/);
    assert.equal(text.match(/Sources/g)?.length, 1, text);
    assert.doesNotMatch(text, /What the facts hold|Fact Check ·/);
    assert.deepEqual(repeatedSentences(text), [], `said twice in the hover:\n${text}`);
    // The link to the fact's line, and each source's quote whole or cut at a word.
    assert.match(text, /atmeh-raid\.facts\.yaml:\d+/);
    assert.match(text, /AFP \(via Barron's\): “the helicopter-borne forces/);
    assert.match(text, /gives Baghdad: “/);
    for (const [, quote] of text.matchAll(/“(.*?)”/g)) assert.doesNotMatch(quote, /[\p{L}\p{N}]…$/u, `a quote cut inside a word: “${quote}”`);
    const size = await wb.hoverSize();
    assert.ok(size.scrollHeight <= size.clientHeight + 1, `the hover scrolls: ${JSON.stringify(size)}`);
    await wb.page.keyboard.press('Escape');
    await wb.page.mouse.move(5, 5);
  });

  it("applies the quick fix from the keyboard (Ctrl+. then Enter), and the conflict goes", async () => {
    // The cursor is still on "Baghdad" (the hover moved only the mouse).
    assert.equal(await wb.cursorPosition(), `${baghdad.range.start.line + 1}:${baghdad.range.start.character + 1}`);
    const { rows } = await wb.applyQuickFix("Replace with 'Atmeh'");
    log(`quick fixes offered: ${JSON.stringify(rows.map((r) => r.title))}`);
    await until('the editor to show the fixed sentence', async () => (await wb.editorText()).includes('northern Syrian city of Atmeh'), {
      describe: async () => `the editor shows ${JSON.stringify((await wb.editorText()).slice(0, 300))}`,
    });
    await wb.waitProblems(`${expected.length - 1} warnings`, (p) => p.warnings === expected.length - 1);
  });

  it('saves the fix to disk (Ctrl+S)', async () => {
    assert.equal(fs.readFileSync(draft, 'utf8'), original, 'the draft changed on disk before saving');
    await wb.page.keyboard.press('Control+S');
    const start = offsetOf(original, baghdad.range.start);
    const end = offsetOf(original, baghdad.range.end);
    const want = original.slice(0, start) + 'Atmeh' + original.slice(end);
    await waitForFile(draft, 'hold the fix', (text) => text === want);
    await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
  });

  it("fixes all the other conflicts from the lightbulb's menu (Fix all factual conflicts in this file)", async () => {
    const saved = fs.readFileSync(draft, 'utf8');
    const before = cliFindings(folder, 'draft.txt');
    const fixable = before.filter((d) => d.fixes.some((f) => f.preferred));
    assert.ok(fixable.length >= 2, `too few fixable conflicts left for a Fix all: ${JSON.stringify(before.map((d) => d.code))}`);
    const at = fixable[fixable.length - 1].range.start;
    await wb.goTo(at.line + 1, at.character + 1);
    // The lightbulb shows on the flagged word; its menu holds the fix of this span and Fix all.
    await wb.lightbulb().waitFor({ state: 'visible', timeout: 10_000 });
    const { rows } = await wb.applyQuickFix('Fix all factual conflicts in this file', { via: 'lightbulb' });
    log(`lightbulb menu: ${JSON.stringify(rows.map((r) => r.title))}`);
    assert.ok(rows.some((r) => r.title.startsWith('Replace with')), 'the span\'s own fix is not offered');
    await wb.page.keyboard.press('Control+S');
    await waitForFile(draft, 'hold the fixes', (t) => t !== saved);
    await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
    const after = cliFindings(folder, 'draft.txt');
    assert.ok(!after.some((d) => d.fixes.some((f) => f.preferred)), `a fixable conflict is left: ${JSON.stringify(after)}`);
    const problems = await wb.waitProblems(`${after.length} warnings`, (p) => p.warnings === after.length && p.errors === 0);
    log(`after Fix all: ${problems.label}; the command line finds ${after.length}`);
    // The status bar counts this file's conflicts, and no fact-file problem.
    await until('the status bar to count the conflicts', async () => (await wb.statusBarText('factcheck.status')).includes(`${after.length} conflict${after.length === 1 ? '' : 's'}`), {
      describe: async () => `it says ${JSON.stringify(await wb.statusBarText('factcheck.status'))}`,
    });
  });

  it('adds a fact from a selection (Fact Check: Add Fact from Selection): a person, their office, a new source whose article holds the name', async function () {
    const inNotes = cliFindings(folder, 'notes.md');
    assert.deepEqual(inNotes.map((d) => d.code).sort(), ['misspelled-name', 'wrong-number', 'wrong-place'], 'the CLI flags notes.md differently than this test expects');
    await wb.openFile('notes.md');
    await until(`${inNotes.length} squiggles in notes.md`, async () => (await wb.squiggles().count()) === inNotes.length, {
      timeout: 15_000,
      describe: async () => `${await wb.squiggles().count()} squiggles drawn`,
    });
    // No lightbulb on a line with nothing flagged (the heading): it comes on a flagged word, and goes.
    await wb.goTo(3, 13);
    await wb.lightbulb().waitFor({ state: 'visible', timeout: 10_000 });
    await wb.goTo(1, 5);
    await wb.lightbulb().waitFor({ state: 'hidden', timeout: 10_000 });
    // The editor asks for actions as the cursor rests: it must not light up again once they come.
    await sleep(1_500);
    assert.equal(await wb.lightbulb().isVisible(), false, 'a lightbulb on a line with nothing flagged');

    // Select "Hassan Youssef" as a writer would: to the start of its line, then two words.
    await wb.goTo(7, 1);
    await wb.page.keyboard.press('Control+Shift+ArrowRight');
    await wb.page.keyboard.press('Control+Shift+ArrowRight');
    await until('"Hassan Youssef" to be selected', async () => /\(14 selected\)/.test(await wb.page.locator('#status\\.editor\\.selection').innerText()));

    await wb.runCommand('Fact Check: Add Fact from Selection');
    await wb.pick('What kind of fact?', 'Person');
    await wb.acceptInput('The name as the sources write it', 'Hassan Youssef');
    await wb.pick('Which fact file?', 'entities.facts.yaml');
    await wb.pick('Which source says so?', 'New source…');
    await wb.pick("The new source's article", 'facts/sources/rescuers.txt');
    await wb.answerInput("The new source's outlet", 'White Helmets');
    await wb.answerInput("The article's title", 'Rescuers in Atmeh');
    await wb.acceptInput('An id for the source', 'white-helmets');
    // The quote is the article's sentence that holds the name — not the draft's.
    await wb.acceptInput('The words of White Helmets that support the fact', YOUSSEF_SENTENCE);
    await wb.answerInput('Their role or office', 'volunteer');
    await wb.pick('Whose volunteer?', 'None');
    const message = await wb.notification("Added 'hassan-youssef' and the source 'white-helmets'");
    log(`notification: ${JSON.stringify(message.split('\n').find((l) => l.includes('Added')))}`);

    // The fact is an edit in the editor (undo-able, unsaved): open it from the notification, save all.
    await wb.page.locator('.notifications-toasts .notification-toast .monaco-button', { hasText: 'Open' }).first().click();
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'entities.facts.yaml' }).waitFor();
    await until('the new fact under the cursor', async () => /hassan-youssef/.test(await wb.currentLine()), {
      describe: async () => `the cursor is at ${await wb.cursorPosition()} on ${JSON.stringify(await wb.currentLine())}`,
    });
    await wb.runCommand('File: Save All Files');
    const facts = await waitForFile(entities, 'hold the new fact', (text) => /name: Hassan Youssef/.test(text));
    const sourcesText = await waitForFile(sourcesFile, 'hold the new source', (text) => /id: white-helmets/.test(text));
    assert.match(facts, /roles:\n\s+- title: volunteer/);
    assert.match(facts, /source: white-helmets/);
    assert.match(sourcesText, /file: sources\/rescuers\.txt/);

    // In force: the name is known in the draft (a hover on it says who it is).
    await wb.openFile('notes.md');
    await wb.goTo(7, 3);
    const cursor = await wb.editor.locator('.cursors-layer .cursor').first().boundingBox();
    const who = await wb.hoverAt(cursor.x + 4, cursor.y + cursor.height / 2, /Hassan Youssef/);
    assert.match(who, /person — volunteer/);
    await wb.screenshot('fact-added');
    await wb.page.keyboard.press('Escape');
    await wb.page.mouse.move(5, 5);
    // And the command line agrees: the fact files hold no problem (the quote is the article's), notes.md is as before.
    const after = cliCheck(folder, 'notes.md');
    assert.deepEqual(after.factProblems, []);
    assert.deepEqual(after.findings.map((d) => d.code).sort(), ['misspelled-name', 'wrong-number', 'wrong-place']);
  });

  it('fixes a whole file from the command palette (Fact Check: Fix All Conflicts in This File)', async () => {
    await wb.runCommand('Fact Check: Fix All Conflicts in This File');
    await until('the fixes in notes.md', async () => /killed 13 people/.test(await wb.editorText()) && /Charles Lister,/.test(await wb.editorText()), {
      describe: async () => `the editor shows ${JSON.stringify((await wb.editorText()).slice(0, 300))}`,
    });
    await wb.waitProblems('no problems', (p) => p.warnings === 0 && p.errors === 0);
    await until('the status bar to say 0 conflicts', async () => (await wb.statusBarText('factcheck.status')).includes('0 conflicts'), {
      describe: async () => `it says ${JSON.stringify(await wb.statusBarText('factcheck.status'))}`,
    });
  });

  it("counts a fact file's YAML error apart from the conflicts in the status bar", async () => {
    await wb.openFile('entities.facts.yaml');
    // A key written twice under the new person: one YAML error.
    const line = fs.readFileSync(entities, 'utf8').split('\n').findIndex((l) => l.includes('name: Hassan Youssef')) + 1;
    await wb.goTo(line, 1);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.type('name: Hassan Yusuf');
    const problems = await until('the fact-file error in the status bar', async () => {
      const text = await wb.statusBarText('factcheck.factFileProblems');
      return /1 fact-file error/.test(text) ? text : undefined;
    }, { timeout: 15_000, describe: async () => `it says ${JSON.stringify(await wb.statusBarText('factcheck.factFileProblems'))}` });
    const main = await wb.statusBarText('factcheck.status');
    assert.doesNotMatch(main, /conflict/, `a fact file's error counted as a conflict: ${main}`);
    await wb.screenshot('fact-file-error');
    // Back in the draft: its own conflicts (none left), the fact file's error apart.
    await wb.openFile('notes.md');
    await until('the draft\'s count', async () => (await wb.statusBarText('factcheck.status')).includes('0 conflicts'), {
      describe: async () => `it says ${JSON.stringify(await wb.statusBarText('factcheck.status'))}`,
    });
    assert.match(await wb.statusBarText('factcheck.factFileProblems'), /1 fact-file error/);
    log(`status bar: ${JSON.stringify(await wb.statusBarText('factcheck.status'))} and ${JSON.stringify(problems)}`);
  });
});
