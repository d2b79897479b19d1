// Two documents that declare the same parameter with their own literals (the shipped matrix-chat.md says
// `example.org`, the 2016 tomesh-chat.md `tomesh.net`): each document's procedures ask for it, and each document's
// steps take its own default until the operator gives a value, in the previews as when they run.
import {mkdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {parseDocument} from '../../source/domain/parse/parse-document.js';
import {EngineController} from '../../source/engine/controller.js';
import {MaskedController} from '../../source/ui/masked-controller.js';
import {testEngineOptions} from '../helpers/engine-options.js';
import {temporaryDirectory} from '../helpers/temporary.js';

const current = `# Current

<!-- tomesh-setup: param domain example.org type=domain prompt="Server name" -->

## Part

### Name the server

1. Write the name:

	\`\`\`
	# echo example.org > "$WORK/current.txt"
	\`\`\`
`;

const old = `# Old

<!-- tomesh-setup: param domain tomesh.net type=domain prompt="Old server name" -->
<!-- tomesh-setup: param version VERSION type=version default= prompt="Version to update to" -->

## Part

### Name it the old way

1. Write the name, with the distribution's codename (\`$VERSION_CODENAME\`):

	\`\`\`
	# echo tomesh.net $VERSION_CODENAME > "$WORK/old.txt"
	\`\`\`

### Update

1. Update to \`VERSION\`:

	\`\`\`
	# echo VERSION > "$WORK/version.txt"
	\`\`\`
`;

function open(values: Record<string, string> = {}) {
	const root = temporaryDirectory('tomesh-shared-params-');
	const work = path.join(root, 'work');
	mkdirSync(work);
	const documents = [parseDocument(current.replaceAll('$WORK', work), path.join(root, 'current.md')), parseDocument(old.replaceAll('$WORK', work), path.join(root, 'old.md'))];
	const engine = new EngineController(documents, testEngineOptions(root, {values}));
	const [first, , update] = engine.runbooks.map(runbook => runbook.id);
	return {engine, work, ids: {current: first!, oldName: engine.runbooks[1]!.id, update: update!}};
}

test('each document\'s procedure asks for the parameter it uses, found with its own literal', t => {
	const {engine, ids} = open();
	t.deepEqual(engine.unanswered(ids.current).map(parameter => parameter.name), ['domain']);
	t.deepEqual(engine.unanswered(ids.oldName).map(parameter => parameter.name), ['domain'], 'tomesh.net is the old document\'s domain');
});

test('a literal is used where substitution would replace it: VERSION is not in $VERSION_CODENAME', t => {
	const {engine, ids} = open();
	t.false(engine.unanswered(ids.oldName).some(parameter => parameter.name === 'version'), 'the codename does not ask for the version to update to');
	t.deepEqual(engine.unanswered(ids.update).map(parameter => parameter.name), ['version']);
});

test('until a value is given, each document\'s steps and what the screens show take its own default; a given value goes to both', async t => {
	const fresh = open();
	const masked = new MaskedController(fresh.engine);
	const shown = (id: string) => JSON.stringify(masked.runbooks.find(runbook => runbook.id === id));
	t.true(shown(fresh.ids.current).includes('echo example.org'));
	t.true(shown(fresh.ids.oldName).includes('echo tomesh.net'), 'not the first document\'s example.org');
	t.is(await fresh.engine.runStep(fresh.engine.runbooks[1]!.steps[0]!.id), 'done');
	t.is(readFileSync(path.join(fresh.work, 'old.txt'), 'utf8'), 'tomesh.net\n');

	const given = open({domain: 'mine.net'});
	t.true(JSON.stringify(new MaskedController(given.engine).runbooks).includes('echo mine.net $VERSION_CODENAME'));
	t.is(await given.engine.runStep(given.engine.runbooks[0]!.steps[0]!.id), 'done');
	t.is(await given.engine.runStep(given.engine.runbooks[1]!.steps[0]!.id), 'done');
	t.is(readFileSync(path.join(given.work, 'current.txt'), 'utf8'), 'mine.net\n');
	t.is(readFileSync(path.join(given.work, 'old.txt'), 'utf8'), 'mine.net\n');
});
