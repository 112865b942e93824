import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';

const REPO = path.resolve(__dirname, '../../..');

it('every walkthrough step shows its own screenshot, a PNG under media/ (which ships whole)', () => {
  const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes: { walkthroughs: { steps: { id: string; media: { image: string; altText: string } }[] }[] } };
  const steps = manifest.contributes.walkthroughs.flatMap((w) => w.steps);
  assert.deepEqual(steps.map((s) => s.id), ['ledger', 'highlights', 'branch', 'dod', 'ci']);
  const images = steps.map((s) => s.media.image);
  assert.equal(new Set(images).size, images.length, 'no step reuses another step\'s image');
  for (const s of steps) {
    assert.match(s.media.image, /^media\/walkthrough\/[\w-]+\.png$/);
    const png = readFileSync(path.join(REPO, s.media.image));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${s.media.image} is a PNG`);
    // Width and height from the IHDR chunk: a real screenshot, not a placeholder.
    assert.ok(png.readUInt32BE(16) >= 400 && png.readUInt32BE(20) >= 300, `${s.media.image} is ${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`);
    assert.ok(s.media.altText.length > 20);
  }
});
