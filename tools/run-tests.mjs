// Placeholder test driver: runs the unit suite. The integration harness extends it.
import { spawnSync } from 'node:child_process';
const r = spawnSync('npx', ['mocha'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
