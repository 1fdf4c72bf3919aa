// Test helpers: in-memory documents with a `|` caret marker, for pure service tests.
import { TextDocument } from 'vscode-languageserver-textdocument';

/** Removes the single `|` caret from `source` and returns the text and the caret offset. */
export function withCaret(source: string, marker = '|'): { text: string; offset: number } {
  const offset = source.indexOf(marker);
  if (offset === -1 || source.indexOf(marker, offset + 1) !== -1) {
    throw new Error(`expected exactly one caret marker "${marker}" in: ${source}`);
  }
  return { text: source.slice(0, offset) + source.slice(offset + marker.length), offset };
}

let counter = 0;

/** Creates an in-memory YAML TextDocument. */
export function yamlDocument(text: string, uri?: string, version = 1): TextDocument {
  counter += 1;
  return TextDocument.create(uri ?? `file:///test/doc${counter}.yaml`, 'yaml', version, text);
}

/** A document plus the caret position, from text with a `|` marker. */
export function documentAtCaret(source: string, uri?: string, marker = '|') {
  const { text, offset } = withCaret(source, marker);
  const document = yamlDocument(text, uri);
  return { document, offset, position: document.positionAt(offset) };
}
