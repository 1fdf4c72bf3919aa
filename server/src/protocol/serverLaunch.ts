// How our client starts the language server process, declared once for the client and the benchmark.

/**
 * Node flags the extension passes to the server. A young generation of 2 MB keeps the peak memory of big
 * files low at no measurable cost in speed (docs/performance.md); other editors start the server without them.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
