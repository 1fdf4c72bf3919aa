// Preloaded into the CLI by the throughput script (`node --require`): on exit, writes peak RSS and CPU times as JSON
// to $KUBE_NOTES_CLI_USAGE_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env['KUBE_NOTES_CLI_USAGE_FILE'];
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    try {
      writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 }));
    } catch {
      // Best effort: the measurement then lacks memory and CPU numbers.
    }
  });
}
