// Unit tests of command-line parsing and the glob matcher.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, parseSize, DEFAULT_MAX_FILE_SIZE } from '../../../server/src/node/cli/args';
import { globBase, globToRegExp, isGlob, maxGlobDepth } from '../../../server/src/node/cli/glob';
import { environmentLocale, useColor } from '../../../server/src/node/cli/runCli';

const ok = (argv: string[]) => {
  const result = parseArgs(argv);
  if (!result.ok) throw new Error(result.error.en);
  return result.options;
};
const error = (argv: string[]): string => {
  const result = parseArgs(argv);
  if (result.ok) throw new Error(`expected a usage error for ${argv.join(' ')}`);
  return result.error.en;
};

describe('parseArgs', () => {
  it('has sensible defaults', () => {
    const options = ok(['check']);
    assert.equal(options.command, 'check');
    assert.deepEqual(options.operands, []);
    assert.equal(options.format, 'human');
    assert.equal(options.severityThreshold, 'error');
    assert.equal(options.maxFileSize, DEFAULT_MAX_FILE_SIZE);
    assert.equal(options.quiet, false);
    assert.equal(options.color, undefined);
  });

  it('reads every option, in both --opt value and --opt=value spellings', () => {
    const options = ok([
      'check', 'a.yaml', '--kubernetes-version', '1.33', '--lang=ko', '-f', 'sarif', '--severity-threshold=warning',
      '--rule', 'YAML105=off', '--rule=imageTag=info', '-c', 'cfg.json', '--no-color', '-q', '--max-files', '10', '--max-file-size=1MB',
      '--stdin-filename', 'x.yaml', '-', '--', '--weird-name.yaml',
    ]);
    assert.deepEqual(options.operands, ['a.yaml', '-', '--weird-name.yaml']);
    assert.equal(options.kubernetesVersion, '1.33');
    assert.equal(options.lang, 'ko');
    assert.equal(options.format, 'sarif');
    assert.equal(options.severityThreshold, 'warning');
    assert.deepEqual(options.rules, [{ rule: 'YAML105', severity: 'off' }, { rule: 'imageTag', severity: 'info' }]);
    assert.equal(options.config, 'cfg.json');
    assert.equal(options.color, false);
    assert.equal(options.quiet, true);
    assert.equal(options.maxFiles, 10);
    assert.equal(options.maxFileSize, 1024 * 1024);
    assert.equal(options.stdinFilename, 'x.yaml');
  });

  it('answers --help, --version and --list-rules without a command', () => {
    assert.equal(ok(['--help']).command, 'help');
    assert.equal(ok(['-h']).command, 'help');
    assert.equal(ok(['--version']).command, 'version');
    assert.equal(ok(['check', '--help']).command, 'help');
    assert.equal(ok(['--list-rules']).command, 'list-rules');
  });

  it('reports usage errors', () => {
    assert.match(error([]), /No command given/);
    assert.match(error(['deploy.yaml']), /Unknown command 'deploy\.yaml'.*kube-notes check deploy\.yaml/);
    assert.match(error(['check', '--format', 'xml']), /--format must be one of human, json, sarif, junit/);
    assert.match(error(['check', '--lang', 'fr']), /--lang must be ko or en/);
    assert.match(error(['check', '--severity-threshold', 'fatal']), /--severity-threshold must be/);
    assert.match(error(['check', '--rule', 'YAML105']), /--rule must look like CODE=severity/);
    assert.match(error(['check', '--max-files', '0']), /--max-files must be a positive integer/);
    assert.match(error(['check', '--max-file-size', 'huge']), /--max-file-size must be a size/);
    assert.match(error(['check', '--bogus']), /Unknown option '--bogus'/);
    assert.match(error(['check', '--format']), /--format needs a value/);
    assert.match(error(['check', '--quiet=yes']), /--quiet does not take a value/);
  });

  it('parses sizes', () => {
    assert.equal(parseSize('50MB'), 50 * 1024 * 1024);
    assert.equal(parseSize('512k'), 512 * 1024);
    assert.equal(parseSize('1.5 MiB'), 1.5 * 1024 * 1024);
    assert.equal(parseSize('100'), 100);
    assert.equal(parseSize('0'), undefined);
    assert.equal(parseSize('-1MB'), undefined);
  });
});

describe('environment', () => {
  it('takes the locale from LC_ALL, then LC_MESSAGES, then LANG', () => {
    assert.equal(environmentLocale({ LANG: 'ko_KR.UTF-8' }), 'ko_KR.UTF-8');
    assert.equal(environmentLocale({ LC_ALL: 'en_US.UTF-8', LANG: 'ko_KR.UTF-8' }), 'en_US.UTF-8');
    assert.equal(environmentLocale({ LC_ALL: '', LC_MESSAGES: 'ko', LANG: 'C' }), 'ko');
    assert.equal(environmentLocale({}), undefined);
  });

  it('colours only a terminal, never with NO_COLOR or TERM=dumb, unless forced', () => {
    assert.equal(useColor(undefined, { write: () => true, isTTY: true }, {}), true);
    assert.equal(useColor(undefined, { write: () => true, isTTY: false }, {}), false);
    assert.equal(useColor(undefined, { write: () => true, isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(useColor(undefined, { write: () => true, isTTY: true }, { TERM: 'dumb' }), false);
    assert.equal(useColor(true, { write: () => true, isTTY: false }, { NO_COLOR: '1' }), true);
    assert.equal(useColor(false, { write: () => true, isTTY: true }, {}), false);
  });
});

describe('glob', () => {
  const matches = (pattern: string, path: string): boolean => globToRegExp(pattern).test(path);

  it('matches *, ?, ** and {a,b}', () => {
    assert.ok(matches('*.yaml', 'a.yaml'));
    assert.ok(!matches('*.yaml', 'dir/a.yaml'), '* does not cross /');
    assert.ok(matches('**/*.yaml', 'a.yaml'), '**/ matches zero folders');
    assert.ok(matches('**/*.yaml', 'a/b/c.yaml'));
    assert.ok(matches('k8s/**', 'k8s/a/b.yml'));
    assert.ok(matches('a/**/b/*.yml', 'a/b/x.yml'));
    assert.ok(matches('a/**/b/*.yml', 'a/x/y/b/x.yml'));
    assert.ok(!matches('a/**/b/*.yml', 'a/x/yb/x.yml'));
    assert.ok(matches('file?.yaml', 'file1.yaml'));
    assert.ok(!matches('file?.yaml', 'file10.yaml'));
    assert.ok(matches('*.{yaml,yml}', 'a.yml'));
    assert.ok(matches('{dev,prod/{eu,us}}/*.yaml', 'prod/us/x.yaml'));
    assert.ok(!matches('{dev,prod}/*.yaml', 'test/x.yaml'));
    assert.ok(matches('[ab].yaml', 'b.yaml'));
    assert.ok(!matches('[!ab].yaml', 'a.yaml'));
    assert.ok(matches('a.b+c(d).yaml', 'a.b+c(d).yaml'), 'regex characters are literal');
    assert.ok(matches('\\*.yaml', '*.yaml'));
    assert.ok(!matches('\\*.yaml', 'x.yaml'));
    assert.ok(matches('{a.yaml', '{a.yaml'), 'an unclosed brace is literal');
  });

  it('finds the folder to walk and how deep', () => {
    assert.deepEqual(globBase('k8s/**/*.yaml'), { base: 'k8s', rest: '**/*.yaml' });
    assert.deepEqual(globBase('./a/b/*.yml'), { base: 'a/b', rest: '*.yml' });
    assert.deepEqual(globBase('*.yaml'), { base: '.', rest: '*.yaml' });
    assert.deepEqual(globBase('/tmp/x/{a,b}/*.yaml'), { base: '/tmp/x', rest: '{a,b}/*.yaml' });
    assert.deepEqual(globBase('../up/*.yaml'), { base: '../up', rest: '*.yaml' });
    assert.equal(maxGlobDepth('*.yaml'), 1);
    assert.equal(maxGlobDepth('*/*.yaml'), 2);
    assert.equal(maxGlobDepth('**/*.yaml'), Number.POSITIVE_INFINITY);
    assert.ok(isGlob('a/*.yaml') && isGlob('{a,b}') && !isGlob('plain/path.yaml'));
  });
});
