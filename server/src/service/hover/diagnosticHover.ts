// Hover participant that explains the kube-notes diagnostics under the cursor, in both languages.
import type { Diagnostic } from 'vscode-languageserver-types';
import { otherLang } from '../l10n/localized';
import { commandLink, escapeMarkdown } from '../markdown/safeMarkdown';
import type { RuleRegistry } from '../diagnostics/ruleRegistry';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/validation';
import { chunkPosition } from '../parser/parsedFile';
import { OPEN_GLOSSARY_COMMAND } from './conceptHover';
import type { HoverContext, HoverParticipant, HoverSection } from './hoverParticipant';

function containsPosition(diagnostic: Diagnostic, line: number, character: number): boolean {
  const { start, end } = diagnostic.range;
  if (line < start.line || line > end.line) return false;
  if (line === start.line && character < start.character) return false;
  if (line === end.line && character > end.character) return false;
  return true;
}

/** Creates the participant; `diagnosticsOf` returns the diagnostics of that version of a file (none when stale). */
export function createDiagnosticHover(registry: RuleRegistry, diagnosticsOf: (uri: string, version: number) => readonly Diagnostic[]): HoverParticipant {
  return {
    id: 'diagnostics',
    provide(context: HoverContext): HoverSection[] {
      const { line, character } = chunkPosition(context.chunk, context.offset);
      const here = diagnosticsOf(context.file.uri, context.file.version).filter((d) => d.source === DIAGNOSTIC_SOURCE && containsPosition(d, line, character));
      const sections: HoverSection[] = [];
      const seen = new Set<string>();
      for (const diagnostic of here) {
        const code = String(diagnostic.code ?? '');
        if (seen.has(code)) continue;
        seen.add(code);
        const info = registry.code(code);
        if (!info) continue;
        const lang = context.lang;
        const other = otherLang(lang);
        const lines = [
          `**${escapeMarkdown(code)}** · ${escapeMarkdown(info.title[lang])} (\`kubeNotes.lint.${info.name}\`)`,
          '',
          escapeMarkdown(info.explanation[lang]),
          '',
          `_${escapeMarkdown(info.explanation[other])}_`,
        ];
        if (info.noteId && context.commandLinks && context.notes.notes.has(info.noteId)) {
          const note = context.notes.notes.get(info.noteId)!;
          const label = lang === 'ko' ? `용어집: ${note.title.ko} →` : `Glossary: ${note.title.en} →`;
          lines.push('', commandLink(label, OPEN_GLOSSARY_COMMAND, [info.noteId]));
        }
        sections.push({ markdown: lines.join('\n'), start: context.offset, end: context.offset, order: 0 });
      }
      return sections;
    },
  };
}
