// Empties dist/ before a build: the library's and the command's builds write into it at the same time,
// so neither of them may clean it.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

rmSync(fileURLToPath(new URL('../dist', import.meta.url)), { recursive: true, force: true });
