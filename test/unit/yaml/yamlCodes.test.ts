// The YAML code registry: stable, well-formed, documented codes, and docs/diagnostics.md in sync with the registry.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../../server/src/service/languageService';
import { RuleRegistry } from '../../../server/src/service/diagnostics/ruleRegistry';
import { yamlRules } from '../../../server/src/service/yaml/yamlRules';
import { renderCodesDoc } from '../../../scripts/codesDoc';

const NOTE_IDS = new Set(['yaml', 'yaml-comment', 'yaml-document-start', 'yaml-document-end', 'yaml-key-value', 'yaml-scalar-types', 'yaml-objects', 'yaml-lists', 'yaml-block-scalars']);

/** Codes are never reused or renumbered: this list only grows. */
const STABLE = [
  'YAML001 badIndentation', 'YAML002 tabIndentation', 'YAML003 missingSpaceAfterColon', 'YAML004 missingColon', 'YAML005 multilineKey',
  'YAML006 nestedMappingOnSameLine', 'YAML007 blockInFlow', 'YAML008 unclosedQuote', 'YAML009 unclosedFlow', 'YAML010 flowSyntax',
  'YAML011 reservedCharacter', 'YAML012 badEscape', 'YAML013 badAnchorAlias', 'YAML014 badTag', 'YAML015 badDirective',
  'YAML016 keyTooLong', 'YAML017 blockScalarHeader', 'YAML018 commentNeedsSpace', 'YAML019 propertyNeedsSpace',
  'YAML020 contentOnDocumentStart', 'YAML021 unexpectedContent', 'YAML022 undefinedAlias', 'YAML023 tooDeep', 'YAML024 parserFailure',
  'YAML025 textAfterQuote', 'YAML026 sequenceOnKeyLine', 'YAML027 tooLarge', 'YAML100 duplicateKey', 'YAML101 tabs', 'YAML102 colons', 'YAML103 commas',
  'YAML104 indentation', 'YAML105 trailingSpaces', 'YAML106 lineLength', 'YAML107 yaml11Boolean', 'YAML108 truthy', 'YAML109 octalValue',
  'YAML110 yaml11Number', 'YAML112 emptyValue', 'YAML113 documentStart', 'YAML114 documentEnd', 'YAML115 finalNewline',
  'YAML116 emptyLines', 'YAML117 commentSpacing', 'YAML118 keyOrdering', 'YAML119 unusedAnchor', 'YAML120 helmTemplate', 'YAML121 emptyLinesAtEnd',
];

describe('YAML codes', () => {
  const registry = new RuleRegistry(yamlRules);
  const codes = registry.allCodes();

  it('keeps every stable code with its setting name', () => {
    assert.deepEqual(codes.map((c) => `${c.code} ${c.name}`), STABLE);
  });

  for (const code of codes) {
    it(`${code.code} is complete`, () => {
      assert.match(code.code, /^YAML\d{3}$/);
      assert.match(code.name, /^[a-z][A-Za-z0-9]*$/);
      assert.ok(code.title.ko && code.title.en && code.explanation.ko && code.explanation.en);
      assert.match(code.explanation.ko, /(니다|십시오)[.)]?$/, 'Korean explanations end in 합니다 style');
      assert.ok(code.noteId && NOTE_IDS.has(code.noteId), `noteId ${code.noteId}`);
    });
  }

  it('syntax codes default to error (a refused large document is a warning); only documented rules are off by default', () => {
    for (const c of codes) if (c.code < 'YAML100') assert.equal(c.defaultSeverity, c.code === 'YAML027' ? 'warning' : 'error', c.code);
    assert.deepEqual(codes.filter((c) => c.defaultSeverity === 'off').map((c) => c.name), ['lineLength', 'documentStart', 'documentEnd', 'keyOrdering']);
  });
});

describe('docs/diagnostics.md', () => {
  it('is up to date with the registry (run "npm run docs:codes")', () => {
    const path = join(__dirname, '..', '..', '..', '..', 'docs', 'diagnostics.md');
    const expected = renderCodesDoc(createLanguageService().registry.allCodes());
    assert.equal(readFileSync(path, 'utf8'), expected);
  });
});
