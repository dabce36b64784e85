// `npm run bench:size`: what typical imports weigh in a bundle (./bundle/sizes.ts). Writes
// bench/results/bundle-size.json and the table in docs/loading.md; `npm run bench` puts the same
// table in its report.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR, ROOT } from './config.js';
import { bundleTable, esbuildVersion, measureBundles } from './bundle/sizes.js';
import { updateBlock, type Markers } from './readme.js';

const MARKERS: Markers = {
  start: '<!-- bundle-size:start -->',
  end: '<!-- bundle-size:end -->',
  heading: '## Bundle sizes',
};

const sizes = await measureBundles();
console.log(bundleTable(sizes));
writeFileSync(
  join(RESULTS_DIR, 'bundle-size.json'),
  JSON.stringify({ esbuild: esbuildVersion, sizes }, null, 2) + '\n',
);
updateBlock(join(ROOT, 'docs', 'loading.md'), bundleTable(sizes), MARKERS);
