/**
 * `talks`: the command line entry (bin/talks.js loads this through tsx; `npm run talks` runs it directly).
 * See docs/cli.md for the contract scripts rely on.
 */
import { runTalks } from './run-talks.js';

// A reader that goes away early (`talks ask ... | head -1`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runTalks(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
