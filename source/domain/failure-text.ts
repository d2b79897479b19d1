/**
 * One way to say why something failed from an event's fields: "exit code 3", "killed by SIGTERM", the message, or
 * both joined ("exit code 1: nginx -t failed"). Never "exit code 0": a zero exit with a failure is said by its message.
 */
export function failureText({exitCode, signal, message}: {exitCode?: number | null; signal?: string | null; message?: string}): string {
	const how = signal ? `killed by ${signal}` : exitCode !== undefined && exitCode !== null && exitCode !== 0 ? `exit code ${exitCode}` : '';
	return [how, message].filter(Boolean).join(': ');
}
