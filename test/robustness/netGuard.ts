// Preload (`node --require out/test/robustness/netGuard.js`) that records and blocks every network and process-spawn attempt.
// Each attempt is appended as one JSON line to $KUBE_NOTES_NET_GUARD_LOG (synchronously, so nothing is lost if the
// process dies) and then fails: no packet ever leaves the machine, whatever the code under test tries.
// `import x = require()` binds the real module objects (a namespace import would be a frozen copy).
import childProcess = require('node:child_process');
import dgram = require('node:dgram');
import dns = require('node:dns');
import fs = require('node:fs');
import http = require('node:http');
import https = require('node:https');
import net = require('node:net');
import tls = require('node:tls');

const logFile = process.env['KUBE_NOTES_NET_GUARD_LOG'];

function describeArgs(args: readonly unknown[]): string {
  try {
    return JSON.stringify(args, (_key, value: unknown) => (typeof value === 'function' ? '[function]' : value)).slice(0, 500);
  } catch {
    return String(args[0]).slice(0, 500);
  }
}

function record(api: string, args: readonly unknown[]): void {
  const line = JSON.stringify({ api, args: describeArgs(args), pid: process.pid, stack: (new Error().stack ?? '').split('\n').slice(2, 8).join(' | ') });
  try {
    if (logFile) fs.appendFileSync(logFile, `${line}\n`);
  } catch {
    // ignore
  }
  try {
    process.stderr.write(`[netGuard] blocked ${api} ${describeArgs(args)}\n`);
  } catch {
    // ignore
  }
}

function blocked(api: string): Error {
  const error = new Error(`${api} blocked by netGuard (no network access is allowed)`) as NodeJS.ErrnoException;
  error.code = 'ECONNREFUSED';
  return error;
}

// Every TCP/IPC/TLS client connection ends in net.Socket.prototype.connect.
const socketProto = net.Socket.prototype as unknown as { connect: (...args: unknown[]) => net.Socket };
socketProto.connect = function connect(this: net.Socket, ...args: unknown[]): net.Socket {
  record('net.Socket.connect', args);
  process.nextTick(() => this.destroy(blocked('net.Socket.connect')));
  return this;
};

const tlsModule = tls as unknown as Record<string, unknown>;
const originalTlsConnect = tls.connect;
tlsModule['connect'] = (...args: unknown[]) => {
  record('tls.connect', args);
  return (originalTlsConnect as (...a: unknown[]) => tls.TLSSocket)(...args);
};

for (const [name, module] of [['http', http], ['https', https]] as const) {
  const target = module as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ['request', 'get'] as const) {
    const original = target[method]!;
    target[method] = (...args: unknown[]) => {
      record(`${name}.${method}`, args);
      return original(...args);
    };
  }
}

const dnsTarget = dns as unknown as Record<string, unknown>;
for (const method of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveTxt', 'resolveSrv', 'reverse']) {
  if (typeof dnsTarget[method] !== 'function') continue;
  dnsTarget[method] = (...args: unknown[]) => {
    record(`dns.${method}`, args);
    const callback = args[args.length - 1];
    if (typeof callback === 'function') process.nextTick(() => (callback as (e: Error) => void)(blocked(`dns.${method}`)));
  };
}
const dnsPromises = dns.promises as unknown as Record<string, unknown>;
for (const method of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) {
  if (typeof dnsPromises[method] !== 'function') continue;
  dnsPromises[method] = (...args: unknown[]) => {
    record(`dns.promises.${method}`, args);
    return Promise.reject(blocked(`dns.promises.${method}`));
  };
}

const dgramProto = dgram.Socket.prototype as unknown as Record<string, unknown>;
for (const method of ['send', 'connect']) {
  dgramProto[method] = function blockedDgram(...args: unknown[]) {
    record(`dgram.${method}`, args);
    throw blocked(`dgram.${method}`);
  };
}

if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = ((...args: unknown[]) => {
    record('fetch', args);
    return Promise.reject(new TypeError('fetch blocked by netGuard'));
  }) as typeof fetch;
}

// Nothing from a workspace may be executed: any child process is recorded and refused.
const cpTarget = childProcess as unknown as Record<string, unknown>;
for (const method of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  cpTarget[method] = (...args: unknown[]) => {
    record(`child_process.${method}`, args);
    throw blocked(`child_process.${method}`);
  };
}

// ES modules that import these built-ins by name see the patched functions too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require('node:module') as { syncBuiltinESMExports(): void }).syncBuiltinESMExports();
