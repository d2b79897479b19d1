/** As-you-type validation of parameter values by type; the controller's setValues has the final word. */
import type {ParameterType} from '../domain/types.js';

const label = String.raw`[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?`;
const hostname = new RegExp(String.raw`^(?=.{1,253}$)${label}(?:\.${label})*$`);

/** A message saying what is wrong with `value`, or undefined when it is acceptable for `type`. */
export function parameterProblem(type: ParameterType, value: string): string | undefined {
	const v = value.trim();
	if (v === '') return 'a value is required';
	switch (type) {
		case 'domain': {
			return hostname.test(v) && v.includes('.') ? undefined : 'not a hostname (e.g. chat.example.org)';
		}

		case 'email': {
			return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? undefined : 'not an e-mail address (e.g. admin@example.org)';
		}

		case 'version': {
			return /^v?\d+(?:\.\d+)*(?:[-+][\w.]+)?$/.test(v) ? undefined : 'not a version (e.g. 1.2.3)';
		}

		case 'ip': {
			const parts = v.split('.');
			return parts.length === 4 && parts.every(p => /^\d{1,3}$/.test(p) && Number(p) <= 255) ? undefined : 'not an IPv4 address (e.g. 192.0.2.10)';
		}

		case 'ipv6': {
			return /^[\da-fA-F:]+(?:\/\d{1,3})?$/.test(v) && v.includes(':') ? undefined : 'not an IPv6 address (e.g. 2001:db8::1)';
		}

		case 'text': {
			return /[\n\r]/.test(value) ? 'must be one line' : undefined;
		}
	}
}
