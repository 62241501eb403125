// Checks of what the tarball holds besides code: its file list, the metadata npm shows beside the
// package, and the README's links, which npm renders on the package page outside the repository.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPOSITORY = 'https://github.com/retention-metrics/retention-metrics';

/**
 * The packed paths (as `tar -t` lists them, under `package/`) are the README, license, manifest and a
 * `dist` with both builds and both declaration files of each entry (the root, `calendar`, `sql`, `charts` and
 * `notebook`), the browser build of the first four, and the bundled licenses.
 */
export function checkPackedFiles(paths) {
  const files = paths.map((path) => path.replace(/^package\//, ''));
  const top = [...new Set(files.map((path) => path.split('/')[0]))].sort();
  if (top.join(',') !== 'LICENSE,README.md,dist,package.json') throw new Error(`unexpected files in the package: ${top}`);
  const entries = ['index', 'calendar', 'sql', 'charts', 'notebook'].flatMap((entry) => ['.js', '.cjs', '.d.ts', '.d.cts'].map((extension) => `${entry}${extension}`));
  const browser = ['index', 'calendar', 'sql', 'charts'].map((entry) => `browser/${entry}.js`);
  for (const file of [...entries, ...browser, 'THIRD-PARTY-LICENSES.md', 'browser/THIRD-PARTY-LICENSES.md']) {
    if (!files.includes(`dist/${file}`)) throw new Error(`dist/${file} is missing from the package (files: ${files.join(', ')})`);
  }
}

/** The packed manifest links the repository, its issues and its README, and builds before packing. */
export function checkMetadata(manifest) {
  const expected = [
    ['repository.type', manifest.repository?.type, 'git'],
    ['repository.url', manifest.repository?.url, `git+${REPOSITORY}.git`],
    ['homepage', manifest.homepage, `${REPOSITORY}#readme`],
    ['bugs.url', manifest.bugs?.url, `${REPOSITORY}/issues`],
  ];
  for (const [field, actual, wanted] of expected) {
    if (actual !== wanted) throw new Error(`package.json ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
  }
  if (!/\bnpm run build\b/.test(manifest.scripts?.prepack ?? '')) {
    throw new Error(`package.json scripts.prepack must build (it is ${JSON.stringify(manifest.scripts?.prepack)})`);
  }
}

/**
 * Every link of the README is absolute or an anchor (npm's page and other registries do not resolve
 * paths of the repository), and each link to a file of the repository's main branch names a file that
 * exists in the tree being packed.
 */
export function checkReadmeLinks(readme, root) {
  const targets = [...readme.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)|^\[[^\]]+\]:\s*(\S+)/gm)].map((match) => match[1] ?? match[2]);
  if (targets.length === 0) throw new Error('README: no links found; is the link pattern still right?');
  for (const target of targets) {
    if (target.startsWith('#')) continue;
    if (!/^https:\/\//.test(target)) throw new Error(`README links to ${target}: a relative link breaks on the npm page; use ${REPOSITORY}/blob/main/…`);
    const inRepository = /^https:\/\/github\.com\/retention-metrics\/retention-metrics\/(?:blob|tree)\/main\/([^#?]+)/.exec(target);
    if (inRepository !== null && !existsSync(join(root, decodeURIComponent(inRepository[1])))) {
      throw new Error(`README links to ${target}, but ${inRepository[1]} is not in the repository`);
    }
  }
}
