// Values an operator gives the shipped runbooks, unique enough that any default left on a screen shows.

/** `--set` values for every parameter of the shipped runbooks that names this server. */
export const operatorValues: Record<string, string> = {
	domain: 'zq7-operator.test',
	matrix_host: 'matrix.zq7-operator.test',
	chat_host: 'chat.zq7-operator.test',
	email: 'ops@zq7-operator.test',
	admin_password: 'pw-zq7',
};

/** The same as CLI arguments. */
export const operatorSetArgs: string[] = Object.entries(operatorValues).flatMap(([name, value]) => ['--set', `${name}=${value}`]);

/** The shipped documents' own values that must never be shown once the operator gave theirs. */
const defaults = /(?<![\w.-])(?:(?:matrix|chat|admin|hello)[.@])?(?:example\.org|tomesh\.net)(?![\w-])/g;

/** Every default value still in `text` (empty when none). */
export function shownDefaults(text: string): string[] {
	return [...text.matchAll(defaults)].map(match => match[0]);
}
