// Drives the VS Code workbench (code-server in headless Chromium) as a writer would: Quick
// Open, the command palette, the keyboard. Every wait is on concrete DOM state and bounded;
// a timeout says what was awaited and what the page showed instead.
// Selectors are those of VS Code 1.100 (see ../NOTES.md).
import fs from 'node:fs';
import path from 'node:path';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms).unref());

/** Waits until fn() returns a truthy value; fails with describe()'s account of the state. */
export async function until(what, fn, { timeout = 10_000, interval = 100, describe } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      const state = describe ? await describe().catch((e) => `(cannot describe: ${e.message})`) : last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; ${state}`);
    }
    await sleep(interval);
  }
}

export class Workbench {
  constructor(page, shotsDir) {
    this.page = page;
    this.shotsDir = shotsDir;
    this.editor = page.locator('.editor-instance .monaco-editor').first();
    this.quickInput = page.locator('.quick-input-widget');
  }

  async screenshot(name) {
    fs.mkdirSync(this.shotsDir, { recursive: true });
    const file = path.join(this.shotsDir, `${name}.png`);
    await this.page.screenshot({ path: file, timeout: 10_000 });
    return file;
  }

  /** Loads the workbench on a folder and waits for the explorer to list `fileName`. */
  async open(url, fileName) {
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
    // The explorer lists the folder once the connection to the server is up.
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 30_000 });
    // Keyboard shortcuts reach the workbench only once the page has focus.
    await this.page.locator('.part.editor').click({ position: { x: 200, y: 200 } });
  }

  /** Quick Open (Ctrl+P) a file by name; waits for its tab to be active. */
  async openFile(name) {
    await this.page.keyboard.press('Control+P');
    await this.quickInput.locator('input').waitFor({ state: 'visible' });
    await this.page.keyboard.type(name);
    // The focused row, not just any: until the filter applies, recently opened files lead the list.
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await this.editor.waitFor();
    await this.quickInput.waitFor({ state: 'hidden' });
  }

  /** Runs a command by its title from the command palette (F1). */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    const input = this.quickInput.locator('input');
    await until('the command palette', async () => (await input.isVisible()) && (await input.inputValue()) === '>');
    await this.page.keyboard.type(title);
    await this.choose(title, `the command '${title}'`);
  }

  /** The labels of the quick input's rows, and which one has the keyboard focus. */
  async quickInputChoices() {
    return this.page.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) =>
      rows.map((r) => ({ label: (r.querySelector('.label-name')?.textContent ?? '').trim(), focused: r.classList.contains('focused') })));
  }

  /** Moves the keyboard focus to the row labelled exactly `label` (arrow keys) and presses Enter. */
  async choose(label, what) {
    const focusedIsIt = async () => (await this.quickInputChoices()).some((c) => c.focused && c.label === label);
    await until(`${what} among the choices`, async () => (await this.quickInputChoices()).some((c) => c.label === label), {
      describe: async () => `the choices are ${JSON.stringify((await this.quickInputChoices()).map((c) => c.label))}`,
    });
    for (let i = 0; i < 20 && !(await focusedIsIt()); i++) await this.page.keyboard.press('ArrowDown');
    if (!(await focusedIsIt())) throw new Error(`cannot move the focus to ${what}: ${JSON.stringify(await this.quickInputChoices())}`);
    await this.page.keyboard.press('Enter');
  }

  async quickInputRows() {
    return JSON.stringify(await this.page.locator('.quick-input-list .monaco-list-row').allInnerTexts());
  }

  /** Go to line:column (Ctrl+G), 1-based, as a writer jumps to a place. */
  async goTo(line, column) {
    await this.page.keyboard.press('Control+G');
    await this.quickInput.locator('input').waitFor({ state: 'visible' });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden' });
    await until(`the cursor at ${line}:${column}`, async () => (await this.cursorPosition()) === `${line}:${column}`, {
      describe: async () => `the status bar says ${await this.cursorPosition()}`,
    });
  }

  /** "Ln 3, Col 7" from the status bar, as "3:7". */
  async cursorPosition() {
    const text = await this.page.locator('#status\\.editor\\.selection').innerText().catch(() => '');
    const m = text.match(/Ln (\d+), Col (\d+)/);
    return m ? `${m[1]}:${m[2]}` : text;
  }

  /** The text of the line the cursor is on in the active editor (the rendered line at the current-line highlight). */
  async currentLine() {
    return this.editor.evaluate((ed) => {
      const current = ed.querySelector('.view-overlays .current-line');
      const top = current?.parentElement?.style.top;
      const line = [...ed.querySelectorAll('.view-lines .view-line')].find((l) => l.style.top === top);
      return (line?.textContent ?? '').replace(/\u00a0/g, ' ');
    });
  }

  /** The Problems counts in the status bar; a zero count is left out of its label. */
  async problems() {
    const label = (await this.page.locator('#status\\.problems a').first().getAttribute('aria-label').catch(() => '')) ?? '';
    const n = (re) => Number((label.match(re) || [])[1] || 0);
    return { errors: n(/Errors: (\d+)/), warnings: n(/Warnings: (\d+)/), label };
  }

  async waitProblems(what, pred, timeout = 15_000) {
    return until(`the Problems count to show ${what}`, async () => {
      const p = await this.problems();
      return pred(p) ? p : undefined;
    }, { timeout, describe: async () => `the status bar says '${(await this.problems()).label}'` });
  }

  /** Squiggles drawn in the active editor. */
  squiggles(kind = 'warning') {
    return this.editor.locator(`.squiggly-${kind}`);
  }

  async editorText() {
    return (await this.editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  }

  /** The visible hover widget's text, once it holds `expected` (string or RegExp) and has faded in. */
  async hoverText(expected, timeout = 10_000) {
    const hover = this.page.locator('.monaco-hover:visible').first();
    const text = await until(`a hover showing ${expected}`, async () => {
      const t = await hover.innerText({ timeout: 500 }).catch(() => '');
      return (typeof expected === 'string' ? t.includes(expected) : expected.test(t)) ? t : undefined;
    }, { timeout, describe: async () => `hover text: ${JSON.stringify(await hover.innerText({ timeout: 500 }).catch(() => '(none)'))}` });
    await until('the hover to finish fading in', () => hover.evaluate((el) =>
      !document.getAnimations().some((a) => a.playState === 'running' && a.effect?.target && (a.effect.target.contains(el) || el.contains(a.effect.target)))), { timeout: 3_000 });
    return text;
  }

  /** Rests the mouse at (x, y) until a hover holding `expected` shows; moves away and back once if none does. */
  async hoverAt(x, y, expected) {
    await this.page.mouse.move(x, y);
    try {
      return await this.hoverText(expected, 6_000);
    } catch {
      await this.page.mouse.move(5, 5);
      await this.page.keyboard.press('Escape');
      await this.page.mouse.move(x, y);
      return this.hoverText(expected, 10_000);
    }
  }

  /** The Quick Fix menu's rows and the focused one, or undefined when it is not open. */
  async quickFixMenu() {
    const menu = this.page.locator('.action-widget');
    if (!(await menu.isVisible().catch(() => false))) return undefined;
    const rows = await menu.locator('.monaco-list-row.action').evaluateAll((els) => els.map((e) => ({ title: e.getAttribute('aria-label') ?? e.textContent, focused: e.classList.contains('focused') })));
    return rows.length ? rows : undefined;
  }

  /**
   * The lightbulb of the active editor, if drawn: beside the text (`.lightBulbWidget`) or, on a
   * line the text fills (wrapped prose), in the gutter (a glyph-margin widget).
   */
  lightbulb() {
    return this.editor
      .locator('.lightBulbWidget, .glyph-margin-widgets [class*="lightbulb"], .glyph-margin-widgets .codicon-light-bulb')
      .filter({ visible: true })
      .first();
  }

  /** The visible hover's content: how tall it is, and how tall it would be without scrolling. */
  async hoverSize() {
    return this.page.locator('.monaco-hover:visible').first().evaluate((el) => {
      const content = el.querySelector('.monaco-hover-content') ?? el;
      return { scrollHeight: content.scrollHeight, clientHeight: content.clientHeight, height: el.getBoundingClientRect().height };
    });
  }

  /** A status bar item's text, by the id the extension gave it (`factcheck.status`). */
  async statusBarText(id) {
    const item = this.page.locator(`[id$="${id}"]`).first();
    return (await item.innerText({ timeout: 2_000 }).catch(() => '')).replace(/\s+/g, ' ').trim();
  }

  /**
   * Opens the code actions at the cursor — with Ctrl+. or by clicking the lightbulb — then
   * Enter on the action titled `title` (moved to with the arrow keys if it is not the focused
   * one). Tries once more if the menu did not open (the code actions may still be on their way).
   */
  async applyQuickFix(title, { via = 'keyboard' } = {}) {
    let rows;
    for (let attempt = 1; attempt <= 2 && !rows; attempt++) {
      if (via === 'lightbulb') await this.lightbulb().click();
      else await this.page.keyboard.press('Control+.');
      rows = await until('the Quick Fix menu', () => this.quickFixMenu(), { timeout: attempt === 1 ? 5_000 : 10_000 }).catch((e) => {
        if (attempt === 2) throw e;
        return undefined;
      });
      if (!rows) await this.page.keyboard.press('Escape');
    }
    if (!rows.some((r) => r.title === title)) throw new Error(`no quick fix '${title}'; the menu offers ${JSON.stringify(rows.map((r) => r.title))}`);
    // While the menu is open an overlay swallows clicks: choose with the keyboard.
    for (let i = 0; i < rows.length && !(await this.quickFixMenu())?.find((r) => r.focused && r.title === title); i++) {
      await this.page.keyboard.press('ArrowDown');
    }
    const screenshot = await this.screenshot(via === 'lightbulb' ? 'lightbulb-fix-all' : 'quickfix');
    await this.page.keyboard.press('Enter');
    await until('the Quick Fix menu to close', async () => !(await this.quickFixMenu()));
    return { rows, screenshot };
  }

  /** Waits for the quick input to ask `prompt` (a quick pick's placeholder or an input box's prompt). */
  async waitForQuestion(prompt, timeout = 10_000) {
    return until(`the question '${prompt}'`, async () => {
      if (!(await this.quickInput.isVisible())) return false;
      const placeholder = (await this.quickInput.locator('input').getAttribute('placeholder')) ?? '';
      const message = await this.quickInput.locator('.quick-input-message').innerText().catch(() => '');
      return placeholder.includes(prompt) || message.includes(prompt);
    }, {
      timeout,
      describe: async () => `the quick input shows placeholder ${JSON.stringify(await this.quickInput.locator('input').getAttribute('placeholder').catch(() => null))}, message ${JSON.stringify(await this.quickInput.locator('.quick-input-message').innerText().catch(() => null))}, rows ${await this.quickInputRows()}`,
    });
  }

  /** Answers a quick pick by typing to filter, then choosing the row labelled `label`. */
  async pick(prompt, label) {
    await this.waitForQuestion(prompt);
    await this.page.keyboard.type(label);
    await this.choose(label, `'${label}' (for '${prompt}')`);
  }

  /** Accepts an input box as prefilled, after checking what it holds. */
  async acceptInput(prompt, expected) {
    await this.waitForQuestion(prompt);
    const value = await this.quickInput.locator('input').inputValue();
    if (expected !== undefined && value !== expected) throw new Error(`'${prompt}' holds ${JSON.stringify(value)}, expected ${JSON.stringify(expected)}`);
    await this.page.keyboard.press('Enter');
    return value;
  }

  /** Answers an input box with `text` (replacing what it holds). */
  async answerInput(prompt, text) {
    await this.waitForQuestion(prompt);
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  async notification(text, timeout = 10_000) {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
    await toast.waitFor({ timeout }).catch(async () => {
      throw new Error(`no notification '${text}'; shown: ${JSON.stringify(await this.page.locator('.notifications-toasts .notification-toast').allInnerTexts())}`);
    });
    return toast.innerText();
  }
}

/** Polls a file on disk until pred(text) holds. */
export async function waitForFile(file, what, pred, timeout = 10_000) {
  return until(`${path.basename(file)} on disk to ${what}`, () => {
    const text = fs.readFileSync(file, 'utf8');
    return pred(text) ? text : undefined;
  }, { timeout, describe: async () => `it holds:\n${fs.readFileSync(file, 'utf8').slice(0, 600)}…` });
}
