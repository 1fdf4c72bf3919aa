// Command factories: each command is built from the context and knows whether the server is running.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Ctx } from '../ctx';

export type CommandHandler = (...args: unknown[]) => unknown;

export interface CommandFactory {
  /** Runs even when the server is not running (e.g. restart, show output). */
  readonly enabled?: (ctx: Ctx) => CommandHandler;
  /** Runs only with a running server; otherwise the user is told and offered a restart. */
  readonly running?: (ctx: Ctx, client: LanguageClient) => CommandHandler;
}

/** Registers every factory as `kubeNotes.<name>`. */
export function registerCommands(ctx: Ctx, factories: Readonly<Record<string, CommandFactory>>): void {
  for (const [name, factory] of Object.entries(factories)) {
    const id = `kubeNotes.${name}`;
    const handler: CommandHandler = async (...args: unknown[]) => {
      if (factory.enabled) return factory.enabled(ctx)(...args);
      let client = ctx.runningClient;
      if (!client && ctx.client) {
        // The server may still be starting: give it a moment (polling, bounded).
        const deadline = Date.now() + 10_000;
        while (!ctx.runningClient && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
        client = ctx.runningClient;
      }
      if (!client) {
        const restart = vscode.l10n.t('Restart server');
        const choice = await vscode.window.showErrorMessage(vscode.l10n.t('The Kube Notes language server is not running.'), restart);
        if (choice === restart) await vscode.commands.executeCommand('kubeNotes.restartServer');
        return undefined;
      }
      return factory.running!(ctx, client)(...args);
    };
    ctx.pushCleanup(vscode.commands.registerCommand(id, handler));
  }
}
