import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {buildPlan} from '../../../source/domain/plan/build-plan.js';
import {parseDocument} from '../../../source/domain/parse/parse-document.js';
import {InputError} from '../../../source/domain/types.js';
import {loadYamlLibrary} from '../../../source/domain/edit/yaml-library.js';
import {corpusDir, shippedPath} from '../seed-paths.js';

// Planning a YAML edit needs the yaml library, which the engine and `plan` load first (domain/edit/yaml-library.ts).
await loadYamlLibrary();

// A small deterministic generator, so a failure can be reproduced from its seed.
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state / 2_147_483_648;
	};
}

const lines = [shippedPath, ...readdirSync(corpusDir).filter((name) => name.endsWith('.md')).map((name) => path.join(corpusDir, name))].flatMap((file) =>
	readFileSync(file, 'utf8').split('\n'),
);

// TOMESH_SETUP_FUZZ_COUNT runs more seeds (10000 for a long run).
const seeds = Number(process.env.TOMESH_SETUP_FUZZ_COUNT) || 150;

test('documents made of shuffled runs of real lines either parse and plan, or fail with an InputError', (t) => {
	let parsed = 0;
	for (let seed = 1; seed <= seeds; seed++) {
		const next = random(seed);
		const picked: string[] = [];
		while (picked.length < 120) {
			const start = Math.floor(next() * lines.length);
			picked.push(...lines.slice(start, start + 1 + Math.floor(next() * 12)));
		}

		try {
			const document = parseDocument(picked.join('\n'), `fuzz-${seed}.md`);
			buildPlan([document], {}, {readFile: () => 'a: 1\n', origin: () => ({cwd: '/', home: '/root', env: {}})});
			parsed++;
		} catch (error) {
			if (!(error instanceof InputError)) t.fail(`seed ${seed}: ${(error as Error).stack}`);
			t.regex((error as Error).message, /^fuzz-\d+\.md:\d+: /);
		}
	}

	t.true(parsed > 50);
});
