// CRLF files: fixes that insert lines keep CRLF, and CR is a line end for the spacing rules.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../../server/src/service/languageService';
import { normalizeSettings } from '../../../server/src/service/settings';
import { yamlRules } from '../../../server/src/service/yaml/yamlRules';
import { yamlDocument } from '../../helpers/caret';

const service = createLanguageService({ rules: yamlRules });

function fixTexts(text: string, code: string, settings = normalizeSettings({})): string[] {
  const diagnostic = service.validate(yamlDocument(text), settings).find((d) => d.code === code);
  assert.ok(diagnostic, `expected ${code}`);
  const fixes = (diagnostic.data as { fixes?: Array<{ edits: Array<{ newText: string }> }> }).fixes ?? [];
  return fixes.flatMap((f) => f.edits.map((e) => e.newText));
}

describe('CRLF files', () => {
  it('inserts --- and ... lines with CRLF', () => {
    const settings = normalizeSettings({ lint: { documentStart: 'warning', documentEnd: 'warning' } });
    assert.deepEqual(fixTexts('a: 1\r\nb: 2\r\n', 'YAML113', settings), ['---\r\n']);
    assert.deepEqual(fixTexts('---\r\na: 1\r\n', 'YAML114', settings), ['\r\n...']);
  });

  it('adds the final newline as CRLF', () => {
    assert.deepEqual(fixTexts('a: 1\r\nb: 2', 'YAML115'), ['\r\n']);
  });

  it('does not read the CR of a line end as spaces after a comma', () => {
    const codes = (text: string) => service.validate(yamlDocument(text), normalizeSettings({ lint: { commas: 'warning' } })).map((d) => d.code);
    assert.deepEqual(codes('a: [1,  \r\n  2]\r\n').filter((c) => c === 'YAML103'), codes('a: [1,  \n  2]\n').filter((c) => c === 'YAML103'));
  });
});
