// Unit tests of operand expansion and limited reading on a temporary tree.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { collectTargets, type CheckTarget } from '../../../server/src/node/cli/walk';
import { readFileLimited } from '../../../server/src/node/cli/readInput';
import { identities, identityOf } from '../../../server/src/node/cli/runCli';
import { ReadAhead } from '../../../server/src/node/cli/checkEnvironment';

describe('collectTargets', () => {
  let root: string;
  const names = (targets: readonly CheckTarget[]): string[] => targets.map((t) => (t.kind === 'stdin' ? '-' : `${t.kind}:${relative(root, t.path)}`));

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kube-notes-walk-'));
    for (const dir of ['b', 'a/deep', '.git', 'node_modules/pkg', '.github/workflows', 'linked-target']) mkdirSync(join(root, dir), { recursive: true });
    for (const file of ['b/2.yaml', 'b/1.yml', 'a/x.YAML', 'a/deep/y.yaml', 'a/notes.md', '.git/c.yaml', 'node_modules/pkg/d.yaml', '.github/workflows/ci.yml', 'linked-target/t.yaml', 'top.yaml']) {
      writeFileSync(join(root, file), 'a: 1\n');
    }
    symlinkSync(join(root, 'missing.yaml'), join(root, 'a', 'dangling.yaml'));
    symlinkSync(join(root, 'linked-target'), join(root, 'a', 'dir-link.yaml'));
    symlinkSync(join(root, 'top.yaml'), join(root, 'a', 'file-link.yaml'));
    try {
      execFileSync('mkfifo', [join(root, 'a', 'pipe.yaml')]);
    } catch {
      // No mkfifo: the FIFO case is skipped below.
    }
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('walks folders recursively in name order, skipping .git and node_modules, never following folder links', () => {
    const walk = collectTargets(['.'], root, 1000);
    const found = names(walk.targets).filter((n) => !n.includes('pipe.yaml'));
    assert.deepEqual(found, [
      'file:.github/workflows/ci.yml',
      'unreadable:a/dangling.yaml',
      'file:a/deep/y.yaml',
      'file:a/file-link.yaml',
      'file:a/x.YAML',
      'file:b/1.yml',
      'file:b/2.yaml',
      'file:linked-target/t.yaml',
      'file:top.yaml',
    ]);
    assert.deepEqual(walk.operandErrors, []);
    assert.equal(walk.exceeded, false);
  });

  it('reports FIFOs found by a walk as unreadable instead of blocking on them', () => {
    const pipe = collectTargets(['a'], root, 1000).targets.find((t) => t.kind !== 'stdin' && t.path.endsWith('pipe.yaml'));
    if (pipe) assert.equal(pipe.kind, 'unreadable');
  });

  it('takes files named on the command line whatever their extension, once each, in operand order', () => {
    const walk = collectTargets(['a/notes.md', 'top.yaml', 'b', 'b/1.yml', '-'], root, 1000);
    assert.deepEqual(names(walk.targets), ['file:a/notes.md', 'file:top.yaml', 'file:b/1.yml', 'file:b/2.yaml', '-']);
  });

  it('expands quoted globs', () => {
    assert.deepEqual(names(collectTargets(['**/*.yml'], root, 1000).targets), ['file:.github/workflows/ci.yml', 'file:b/1.yml']);
    assert.deepEqual(names(collectTargets(['{a,b}/*.{yaml,yml}'], root, 1000).targets).filter((n) => !n.includes('pipe.yaml')), ['unreadable:a/dangling.yaml', 'file:a/file-link.yaml', 'file:b/1.yml', 'file:b/2.yaml']);
    assert.deepEqual(names(collectTargets([`${root}/b/?.yaml`], '/', 1000).targets), ['file:b/2.yaml']);
  });

  it('reports operands that do not exist and globs that match nothing', () => {
    const walk = collectTargets(['nope.yaml', 'zzz/**/*.yaml', 'a/dangling.yaml'], root, 1000);
    assert.deepEqual(walk.operandErrors.map((e) => e.en), ["Cannot find 'nope.yaml': no such file or folder.", "No files match 'zzz/**/*.yaml'."]);
    assert.deepEqual(names(walk.targets), ['unreadable:a/dangling.yaml']);
  });

  it('stops collecting past --max-files', () => {
    const walk = collectTargets(['.'], root, 3);
    assert.equal(walk.exceeded, true);
    assert.equal(walk.targets.length, 3);
  });
});

describe('readFileLimited and identities', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kube-notes-read-'));
    writeFileSync(join(root, 'small.yaml'), 'a: 1\n');
    writeFileSync(join(root, 'big.yaml'), 'x'.repeat(2048));
    mkdirSync(join(root, 'dir.yaml'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads, refuses oversized files without reading them, and reports errors', () => {
    const small = readFileLimited(join(root, 'small.yaml'), 1024);
    assert.equal(small.kind, 'bytes');
    assert.equal(small.kind === 'bytes' && Buffer.from(small.bytes).toString(), 'a: 1\n');
    assert.deepEqual(readFileLimited(join(root, 'big.yaml'), 1024), { kind: 'tooLarge', size: 2048 });
    const dir = readFileLimited(join(root, 'dir.yaml'), 1024);
    assert.equal(dir.kind === 'error' && dir.reason.en, 'it is a directory (EISDIR)');
    const missing = readFileLimited(join(root, 'missing.yaml'), 1024);
    assert.equal(missing.kind === 'error' && /ENOENT/.test(missing.reason.en), true);
  });

  it('reads exactly up to the limit, small files through the shared buffer and large ones beyond it', () => {
    const text = (n: number): string => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    for (const size of [0, 1, 1023, 1024, 1025, 256 * 1024 - 1, 256 * 1024, 256 * 1024 + 1, 700_000]) {
      const path = join(root, `sized-${size}.yaml`);
      writeFileSync(path, text(size));
      for (const limit of [1024, 256 * 1024, 1_000_000]) {
        const result = readFileLimited(path, limit);
        if (size > limit) assert.deepEqual(result, { kind: 'tooLarge', size }, `${size} bytes, limit ${limit}`);
        else {
          assert.equal(result.kind, 'bytes', `${size} bytes, limit ${limit}`);
          assert.equal(result.kind === 'bytes' && Buffer.from(result.bytes).toString(), text(size), `${size} bytes, limit ${limit}`);
        }
      }
    }
    // Each result owns its bytes: a later read does not change an earlier one.
    const first = readFileLimited(join(root, 'small.yaml'), 1024);
    readFileLimited(join(root, 'big.yaml'), 4096);
    assert.equal(first.kind === 'bytes' && Buffer.from(first.bytes).toString(), 'a: 1\n');
  });

  it('reads files whose size says less than they hold (/proc) until their end, past the first buffer', (t) => {
    const path = '/proc/self/status';
    if (!existsSync(path)) {
      t.skip('no /proc here');
      return;
    }
    // fstat gives 0 for /proc files; with a 64-byte first read the size cannot be trusted and the rest is read to EOF.
    const read = readFileLimited(path, 1_000_000, 64);
    assert.equal(read.kind, 'bytes');
    const text = read.kind === 'bytes' ? Buffer.from(read.bytes).toString() : '';
    assert.match(text, /^Name:/);
    assert.match(text, /\nPid:\s+\d+/);
    assert.ok(text.length > 64, `${text.length} bytes`);
    const tooLarge = readFileLimited(path, 100, 64);
    assert.equal(tooLarge.kind, 'tooLarge');
    // A regular file larger than the first read is sized by fstat and read exactly.
    const sized = join(root, 'sized-small-buffer.yaml');
    writeFileSync(sized, 'k: v\n'.repeat(100));
    const again = readFileLimited(sized, 1_000_000, 64);
    assert.equal(again.kind === 'bytes' && Buffer.from(again.bytes).toString(), 'k: v\n'.repeat(100));
  });

  it('reads a FIFO until its end and refuses one that sends more than the limit', async (t) => {
    const fifo = join(root, 'pipe.yaml');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      t.skip('no mkfifo here');
      return;
    }
    const viaFifo = async (bytes: number, limit: number): Promise<ReturnType<typeof readFileLimited>> => {
      // The writer runs in its own process: opening the FIFO here blocks until it opens the other end.
      const writer = spawn('sh', ['-c', `head -c ${bytes} /dev/zero | tr '\\0' x > "$1"`, 'sh', fifo], { stdio: 'ignore' });
      const exited = new Promise((resolve) => writer.on('exit', resolve));
      const result = readFileLimited(fifo, limit);
      await exited;
      return result;
    };
    const under = await viaFifo(300_000, 1_000_000);
    assert.equal(under.kind === 'bytes' && under.bytes.length, 300_000);
    assert.deepEqual(await viaFifo(2000, 1000), { kind: 'tooLarge', size: 1001 });
  });

  it('names files relative to the working folder, with encoded URIs, and absolute outside it', () => {
    const inside = identityOf(join(root, 'sub dir', 'a#1.yaml'), root);
    assert.deepEqual({ path: inside.path, uri: inside.uri, relative: inside.relative }, { path: 'sub dir/a#1.yaml', uri: 'sub%20dir/a%231.yaml', relative: true });
    assert.match(inside.documentUri, /^file:\/\/\/.*\/sub%20dir\/a%231\.yaml$/);
    const outside = identityOf('/elsewhere/x.yaml', root);
    assert.deepEqual({ path: outside.path, uri: outside.uri, relative: outside.relative }, { path: '/elsewhere/x.yaml', uri: 'file:///elsewhere/x.yaml', relative: false });
  });

  it('names many files per folder exactly as identityOf does', () => {
    const names = ['a.yaml', 'b-1_x.yml', '.hidden.yaml', 'a#1.yaml', 'sp ace.yaml', '한글.yaml', '100%.yaml', 'q?.yaml', '..', '.', 'x'];
    const folders = [root, join(root, 'sub'), join(root, 'sub dir', 'deeper'), `${root}/a/./b`, `${root}/x//y`, `${root}/sub/..`, join(root, '..'), '/elsewhere', '/elsewhere/a b', '/'];
    for (const cwd of [root, `${root}/`, '/']) {
      const identityFor = identities(cwd);
      for (let round = 0; round < 2; round++) {
        for (const folder of folders) {
          for (const name of names) {
            const path = folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
            assert.deepStrictEqual(identityFor(path), identityOf(path, cwd), `${path} from ${cwd}`);
          }
        }
      }
    }
  });

  it('keeps read-ahead bytes within its budget and hands each out once, as a read with the limit would', () => {
    const readAhead = new ReadAhead(10);
    const six = new Uint8Array(6);
    readAhead.keep('/a', six);
    readAhead.keep('/b', new Uint8Array(6));
    assert.deepStrictEqual(readAhead.take('/b', 100), undefined, 'over the budget: not kept');
    assert.deepStrictEqual(readAhead.take('/a', 5), { kind: 'tooLarge', size: 6 });
    assert.deepStrictEqual(readAhead.take('/a', 100), undefined, 'handed out once');
    readAhead.keep('/c', six);
    readAhead.keep('/d', new Uint8Array(4));
    assert.equal((readAhead.take('/c', 100) as { bytes: Uint8Array }).bytes, six, 'the budget came back when /a was taken');
    assert.equal((readAhead.take('/d', 100) as { bytes: Uint8Array }).bytes.length, 4);
  });
});
