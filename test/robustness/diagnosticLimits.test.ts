// The engine bounds what one file can report (diagnostics/validation.ts) and says so in a KN001 notice.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service/languageService';
import { normalizeSettings } from '../../server/src/service/settings';
import { MAX_DIAGNOSTICS_PER_FILE, MAX_FINDINGS_PER_RULE_PER_CHUNK, TOO_MANY_PROBLEMS_CODE } from '../../server/src/service/diagnostics/validation';

const validate = (text: string) => createLanguageService().validate(TextDocument.create('file:///limits.yaml', 'yaml', 1, text), normalizeSettings({}));

describe('diagnostic limits', () => {
  it('caps the findings of one rule in one document and says so', () => {
    // Every comma lacks its space: one finding per comma without the cap.
    const diagnostics = validate(`data: [${Array(5000).fill('1').join(',')}]\n`);
    const notices = diagnostics.filter((d) => d.code === TOO_MANY_PROBLEMS_CODE);
    assert.equal(notices.length, 1);
    assert.match(String(notices[0]!.message), /only the first 1,000/);
    assert.ok(diagnostics.length <= MAX_FINDINGS_PER_RULE_PER_CHUNK + 10, `${diagnostics.length} diagnostics`);
  });

  it('caps the diagnostics of one file and says so', () => {
    const chunks = Array.from({ length: 12 }, () => `data: [${Array(600).fill('1').join(',')}]`);
    const diagnostics = validate(`${chunks.join('\n---\n')}\n`);
    assert.equal(diagnostics.length, MAX_DIAGNOSTICS_PER_FILE + 1);
    assert.equal(diagnostics.at(-1)!.code, TOO_MANY_PROBLEMS_CODE);
    assert.match(String(diagnostics.at(-1)!.message), /only the first 5,000 problems/);
  });
});
