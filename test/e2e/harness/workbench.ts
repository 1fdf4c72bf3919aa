// Drives the real VS Code workbench in Chromium the way a person does: keyboard shortcuts, the command
// palette, the mouse over editor text; and reads what is on screen (Problems rows, hovers, editor lines,
// webviews). Every wait polls with a deadline; there are no fixed sleeps.
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';

/** Flags verified for Debian's chromium on these machines (shared/e2e/README.md); headless comes from Playwright. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const STEP_TIMEOUT = 30_000;

export async function launchBrowser(executablePath: string, profileDir: string, locale?: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1600, height: 1000 },
    ...(locale ? { locale } : {}),
    timeout: 60_000,
  });
}

/** Polls `probe` until it returns a value that is not undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = STEP_TIMEOUT, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError ? ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface Problem {
  readonly file: string;
  readonly severity: 'error' | 'warning' | 'info' | 'hint' | 'unknown';
  readonly message: string;
  readonly source: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
}

// Callbacks given to page.evaluate run in the browser; this program is compiled without the DOM library.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const NodeFilter: { SHOW_TEXT: number };
type BrowserElement = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const clean = (text: string): string => text.replace(/\u00a0/g, ' ');

export class Workbench {
  /** Console lines of the page (the workbench logs extension host errors there). */
  readonly console: string[] = [];

  constructor(
    readonly page: Page,
    private readonly artifacts: string,
    private readonly prefix: string,
  ) {
    page.on('console', (message) => {
      if (this.console.length < 2_000) this.console.push(`[${message.type()}] ${message.text()}`);
    });
  }

  /** Loads the workbench with its folder and waits until the Explorer shows the folder's files. */
  async load(url: string): Promise<void> {
    await this.page.goto(url, { timeout: 60_000 });
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
  }

  async screenshot(name: string): Promise<string> {
    const path = join(this.artifacts, `${this.prefix}-${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  // ---- quick input: Quick Open, the command palette, Go to Line ----

  private get quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  /** Opens a fresh quick input with `shortcut` (closing one left open) and waits for its `prefix`. */
  private async openQuickInput(shortcut: string, prefix: string): Promise<void> {
    const input = this.quickInput.locator('.quick-input-box input');
    await this.closeQuickInput();
    await waitFor(`the quick input (${shortcut})`, async () => {
      if (!(await input.isVisible())) await this.page.keyboard.press(shortcut);
      await input.waitFor({ state: 'visible', timeout: 2_000 });
      return (await input.inputValue()) === prefix;
    });
  }

  /** Labels of the quick input's visible rows. */
  async quickInputRows(): Promise<string[]> {
    return this.quickInput.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) => rows.map((r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').trim()));
  }

  async closeQuickInput(): Promise<void> {
    await waitFor('the quick input to close', async () => {
      if (!(await this.quickInput.isVisible())) return true;
      await this.page.keyboard.press('Escape');
      return false;
    });
  }

  /** Opens a workspace file with Quick Open (Ctrl+P), the way people do. */
  async openFile(relativePath: string): Promise<void> {
    const name = relativePath.split('/').pop()!;
    const row = this.quickInput.locator('.quick-input-list .monaco-list-row').filter({ hasText: name }).first();
    await waitFor(`Quick Open to offer ${relativePath}`, async () => {
      await this.openQuickInput('Control+P', '');
      await this.page.keyboard.type(relativePath);
      return row.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    }, STEP_TIMEOUT, 0);
    await row.click();
    await this.restMouse();
    await this.activeTab(name);
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  }

  /** Closes every editor (View: Close All Editors) and waits until no tab is left. */
  async closeAllEditors(): Promise<void> {
    await this.runCommand('View: Close All Editors');
    await waitFor('all editors to close', async () => (await this.page.locator('.editor-group-container .tab').count()) === 0);
  }

  /** Waits until the active tab shows `name`. */
  async activeTab(name: string): Promise<void> {
    await waitFor(`the active tab "${name}"`, async () => {
      const names = await this.page.locator('.editor-group-container.active .tab.active').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-resource-name')));
      return names.includes(name);
    });
  }

  /**
   * Types into the command palette (F1) and returns the labels it offers once `expect` holds. The palette
   * lists the commands known when it opened, so while the extensions are still being registered it is
   * closed and typed into again.
   */
  async paletteEntries(query: string, expect: (labels: string[]) => boolean): Promise<string[]> {
    let last: string[] = [];
    try {
      return await waitFor(`palette entries for "${query}"`, async () => {
        await this.openQuickInput('F1', '>');
        await this.page.keyboard.type(query);
        const found = await waitFor('', async () => {
          last = await this.quickInputRows();
          return expect(last) ? last : undefined;
        }, 3_000).catch(() => undefined);
        return found;
      }, STEP_TIMEOUT, 0);
    } catch (error) {
      throw new Error(`${(error as Error).message}; offered: ${last.join(' | ') || 'nothing'}`);
    }
  }

  /** Runs a command from the palette by its title (e.g. "Kube Notes: Open Concept Glossary"). */
  async runCommand(title: string): Promise<void> {
    await this.paletteEntries(title, (rows) => rows.some((r) => r.startsWith(title)));
    const row = this.quickInput.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first();
    await row.click();
    await this.restMouse();
    await this.quickInput.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
  }

  /** Parks the mouse on the empty part of the activity bar, so that no tooltip covers a screenshot. */
  async restMouse(): Promise<void> {
    const viewport = this.page.viewportSize();
    await this.page.mouse.move(8, Math.round((viewport?.height ?? 800) * 0.6));
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based like the status bar. */
  async goTo(line: number, column: number): Promise<void> {
    await this.openQuickInput('Control+G', ':');
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
    await waitFor(`the cursor at ${line}:${column}`, async () => {
      const text = await this.page.locator('[id="status.editor.selection"]').textContent();
      return text !== null && new RegExp(`\\b${line}\\D+${column}\\b`).test(text);
    });
  }

  // ---- editor text ----

  /** The visible lines of the active editor (or of the editor group at `groupIndex`), top to bottom. */
  async editorLines(groupIndex?: number): Promise<string[]> {
    const group = groupIndex === undefined ? this.page.locator('.editor-group-container.active') : this.page.locator('.editor-group-container').nth(groupIndex);
    const lines = await group.locator('.monaco-editor .view-lines .view-line').evaluateAll((els) =>
      els.map((el) => ({ top: parseFloat((el as BrowserElement).style.top || '0'), text: el.textContent ?? '' })).sort((a, b) => a.top - b.top).map((l) => l.text),
    );
    return lines.map(clean);
  }

  async editorGroupCount(): Promise<number> {
    return this.page.locator('.editor-group-container').count();
  }

  /** Centre of `word` on the first visible line of the active editor that contains `lineText`. */
  private async wordPoint(lineText: string, word: string): Promise<{ x: number; y: number } | undefined> {
    return this.page.evaluate(
      ({ lineText, word }) => {
        const editor = document.querySelector('.editor-group-container.active .monaco-editor');
        if (!editor) return undefined;
        const lines: BrowserElement[] = Array.from(editor.querySelectorAll('.view-lines .view-line'));
        for (const line of lines) {
          const text = (line.textContent ?? '').replace(/\u00a0/g, ' ');
          const at = text.indexOf(lineText);
          if (at < 0) continue;
          const start = text.indexOf(word, at);
          if (start < 0) continue;
          // Find the text node and offset of the word's middle character.
          const target = start + Math.floor(word.length / 2);
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          let seen = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = node.textContent?.length ?? 0;
            if (target < seen + length) {
              const range = document.createRange();
              range.setStart(node, target - seen);
              range.setEnd(node, target - seen + 1);
              const box = range.getBoundingClientRect();
              return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
            }
            seen += length;
          }
        }
        return undefined;
      },
      { lineText, word },
    );
  }

  /** Text of the hover widgets on screen. */
  async hoverTexts(): Promise<string[]> {
    return this.page.locator('.monaco-hover-content').evaluateAll((els) =>
      els.filter((el) => (el as BrowserElement).offsetParent !== null && (el as BrowserElement).innerText.trim() !== '').map((el) => (el as BrowserElement).innerText),
    );
  }

  /**
   * Rests the mouse on `word` in the line containing `lineText` (which must be on screen) until a hover
   * whose text matches `expected` shows; returns that text. The word's position is measured again on
   * every try (the layout may still move), and every few tries the mouse leaves the editor and comes
   * back, as a hand would.
   */
  async hover(lineText: string, word: string, expected: RegExp): Promise<string> {
    let attempt = 0;
    return waitFor(
      `a hover matching ${expected} over "${word}"`,
      async () => {
        const texts = await this.hoverTexts();
        const found = texts.find((t) => expected.test(clean(t)));
        if (found) return clean(found);
        const point = await this.wordPoint(lineText, word);
        if (!point) throw new Error(`"${word}" is not on a visible line with "${lineText}"`);
        if (attempt % 4 === 3) await this.restMouse();
        await this.page.mouse.move(point.x + (attempt % 2 === 0 ? 1 : -1), point.y, { steps: 2 });
        attempt++;
        return undefined;
      },
      STEP_TIMEOUT,
      500,
    );
  }

  /** Moves the mouse away and presses Escape so that no hover or widget stays open. */
  async dismissWidgets(): Promise<void> {
    await this.restMouse();
    await this.page.keyboard.press('Escape');
    await waitFor('hovers to close', async () => (await this.hoverTexts()).length === 0);
  }

  // ---- Problems panel ----

  async showProblems(): Promise<void> {
    await waitFor('the Problems panel', async () => {
      if (await this.page.locator('.markers-panel').isVisible()) return true;
      await this.page.keyboard.press('Control+Shift+M');
      await this.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 2_000 });
      return true;
    });
  }

  /** The rows of the Problems panel as shown (file rows followed by their markers). */
  async problems(): Promise<Problem[]> {
    await this.showProblems();
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => {
      const sorted = rows
        .map((row) => ({ row, top: parseFloat((row as BrowserElement).style.top || '0') }))
        .sort((a, b) => a.top - b.top)
        .map((r) => r.row);
      let file = '';
      const result: Problem[] = [];
      for (const row of sorted) {
        if (row.getAttribute('aria-level') === '1') {
          file = (row.querySelector('.label-name')?.textContent ?? '').trim();
          continue;
        }
        const icon = row.querySelector('.marker-icon');
        const severity = icon?.classList.contains('error')
          ? 'error'
          : icon?.classList.contains('warning')
            ? 'warning'
            : icon?.classList.contains('info')
              ? 'info'
              : 'unknown';
        const position = /Ln (\d+), Col (\d+)/.exec(row.querySelector('.marker-line')?.textContent ?? '');
        result.push({
          file,
          severity,
          message: (row.querySelector('.marker-message')?.textContent ?? '').trim(),
          source: (row.querySelector('.marker-source')?.textContent ?? '').trim(),
          code: (row.querySelector('.marker-code')?.textContent ?? '').trim(),
          line: position ? Number(position[1]) : 0,
          column: position ? Number(position[2]) : 0,
        });
      }
      return result;
    });
  }

  /** Polls the Problems panel until `accept` holds for the rows of `file`; returns those rows. */
  async waitForProblems(file: string, what: string, accept: (rows: Problem[]) => boolean, timeoutMs = STEP_TIMEOUT): Promise<Problem[]> {
    let last: Problem[] = [];
    try {
      return await waitFor(`Problems of ${file}: ${what}`, async () => {
        last = (await this.problems()).filter((p) => p.file === file);
        return accept(last) ? last : undefined;
      }, timeoutMs, 250);
    } catch (error) {
      const shown = last.map((p) => `${p.code}@${p.line}:${p.column}`).join(', ') || 'none';
      throw new Error(`${(error as Error).message}; rows shown: ${shown}`);
    }
  }

  // ---- code actions and completion ----

  /** Opens the Quick Fix menu (Ctrl+.) at the cursor and returns the titles it offers. */
  async quickFixTitles(): Promise<string[]> {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    return waitFor('the Quick Fix menu', async () => {
      if (!(await rows.first().isVisible())) {
        await this.page.keyboard.press('Control+.');
        await rows.first().waitFor({ state: 'visible', timeout: 3_000 });
      }
      const titles = await rows.locator('.title').allTextContents();
      return titles.length > 0 ? titles.map((t) => t.trim()) : undefined;
    });
  }

  async applyQuickFix(title: string): Promise<void> {
    await this.quickFixTitles();
    const row = this.page.locator('.action-widget .monaco-list-row.action').filter({ hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await row.click();
    await this.restMouse();
    await this.page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
  }

  /** Opens the suggest widget (Ctrl+Space) and waits until its labels satisfy `accept`. */
  async suggestions(what: string, accept: (labels: string[]) => boolean): Promise<string[]> {
    const widget = this.page.locator('.editor-widget.suggest-widget');
    let last: string[] = [];
    try {
      return await waitFor(`suggestions: ${what}`, async () => {
        if (!(await widget.isVisible())) {
          await this.page.keyboard.press('Control+Space');
          await widget.waitFor({ state: 'visible', timeout: 3_000 });
        }
        last = await widget.locator('.monaco-list-row').evaluateAll((rows) =>
          rows.map((r) => (r.querySelector('.label-name')?.textContent ?? r.getAttribute('aria-label') ?? '').trim()),
        );
        return accept(last) ? last : undefined;
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}; offered: ${last.join(', ') || 'nothing'}`);
    }
  }

  // ---- webviews ----

  /**
   * Types `query` into the search box `box` of a webview until `accept` holds for the ids of the
   * visible `items`. Types again when the page was still loading its script (or re-rendered) meanwhile.
   */
  async searchWebview(box: string, items: string, query: string, accept: (ids: string[]) => boolean): Promise<string[]> {
    let last: string[] = [];
    try {
      return await waitFor(`the search "${query}"`, async () => {
        // Found again on each try: VS Code swaps the content frame when the webview's HTML is replaced.
        const frame = await this.webviewFrame(box);
        await waitFor('the webview page to load', async () => (await frame.evaluate(() => document.readyState)) === 'complete');
        await frame.locator(box).fill('');
        await frame.locator(box).pressSequentially(query);
        return waitFor('', async () => {
          last = await frame.locator(items).evaluateAll((els: BrowserElement[]) => els.filter((e) => !e.hasAttribute('hidden')).map((e) => String(e.id)));
          return accept(last) ? last : undefined;
        }, 3_000).catch(() => undefined);
      }, STEP_TIMEOUT, 0);
    } catch (error) {
      throw new Error(`${(error as Error).message}; shown: ${last.length > 8 ? `${last.length} items` : last.join(', ')}`);
    }
  }

  /** The content frame of a webview whose document has `selector` (webviews are nested iframes). */
  async webviewFrame(selector: string): Promise<Frame> {
    return waitFor(`a webview with ${selector}`, async () => {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        try {
          if ((await frame.locator(selector).count()) > 0) return frame;
        } catch {
          // frame navigated or detached while looking
        }
      }
      return undefined;
    });
  }
}
