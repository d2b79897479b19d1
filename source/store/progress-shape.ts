// The shape of the state files, checked by hand: conf's schema option compiles an ajv validator on every start
// (~30 ms of CPU per file, before the TUI's first frame), for two small fixed shapes.

const statuses = new Set(['pending', 'running', 'done', 'failed', 'skipped', 'interrupted', 'awaiting-reboot']);

type Check = (value: unknown, at: string) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const string: Check = (value, at) => (typeof value === 'string' ? undefined : `${at} must be string`);
const integer: Check = (value, at) => (Number.isInteger(value) ? undefined : `${at} must be integer`);
const stringList: Check = (value, at) => (Array.isArray(value) ? value.map((item, index) => string(item, `${at}/${index}`)).find(Boolean) : `${at} must be array`);

// An object with `required` keys and the `properties` it may have checked; other keys are allowed, as in the schema.
function object(properties: Record<string, Check>, required: string[] = []): Check {
	return (value, at) => {
		if (!isObject(value)) return `${at} must be object`;
		const missing = required.find(key => !(key in value));
		if (missing) return `${at} must have required property '${missing}'`;
		return Object.entries(properties)
			.filter(([key]) => value[key] !== undefined)
			.map(([key, check]) => check(value[key], `${at}/${key}`))
			.find(Boolean);
	};
}

// An object every value of which passes `check`.
function mapOf(check: Check): Check {
	return (value, at) => (isObject(value) ? Object.entries(value).map(([key, item]) => check(item, `${at}/${key}`)).find(Boolean) : `${at} must be object`);
}

const stringMap = mapOf(string);

const step = object(
	{
		status: (value, at) => (typeof value === 'string' && statuses.has(value) ? undefined : `${at} must be equal to one of the allowed values`),
		startedAt: string,
		endedAt: string,
		exitCode: (value, at) => (value === null || Number.isInteger(value) ? undefined : `${at} must be integer,null`),
		outputTail: stringList,
		fingerprint: string,
		message: string,
	},
	['status'],
);

const progress = object({
	steps: mapOf(step),
	sessions: mapOf(object({cwd: string, env: stringMap}, ['cwd', 'env'])),
	values: stringMap,
	bootId: string,
	reboot: object({step: string, bootId: string}, ['step', 'bootId']),
	format: integer,
});

const secrets = object({values: stringMap, sessions: mapOf(stringMap)});

/** What is wrong with the content of progress-v1.json (`/steps/x/status must be …`), or undefined when it has the right shape. */
export function progressShapeError(data: unknown): string | undefined {
	return progress(data, '');
}

/** What is wrong with the content of secrets-v1.json, or undefined when it has the right shape. */
export function secretsShapeError(data: unknown): string | undefined {
	return secrets(data, '');
}
