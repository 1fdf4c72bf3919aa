// Preloaded into the CLI under benchmark (`node --require`): on exit, writes the process's peak RSS (kB) to $KUBE_NOTES_BENCH_PEAK_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env['KUBE_NOTES_BENCH_PEAK_FILE'];
if (target) {
  process.on('exit', () => {
    try {
      writeFileSync(target, String(process.resourceUsage().maxRSS));
    } catch {
      // best effort
    }
  });
}
