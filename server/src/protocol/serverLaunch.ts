// How our client starts the language server process, declared once for the client and the benchmark.

/**
 * Node flags the extension passes to the server (measured in docs/performance.md on Node 20 and 24):
 * - `--max-semi-space-size=8`: a young generation of 8 MB. Chunks are parsed, checked and released one after the
 *   other, so their trees die young; with 2 MB semi-spaces many were promoted before they died and opens of
 *   10,000 lines were 20–30 % slower, with larger semi-spaces the peak grows.
 * - `--heap-growing-percent=100`: the old generation may grow to 2× its live size between full collections
 *   (V8 lets it grow up to 4× on small heaps); what a closed file left behind is collected sooner.
 * Both exist in every V8 of Node ≥ 20 (an unknown flag would stop the process from starting). Other editors start
 * the server without them unless they pass them to `node` themselves.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--heap-growing-percent=100'];
