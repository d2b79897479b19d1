/** Turns a title into a lowercase, dash-separated identifier ("Set Up Federation" → `set-up-federation`). */
export function slug(text: string): string {
	return text
		.normalize('NFKD')
		.toLowerCase()
		.replaceAll(/[^\da-z]+/g, '-')
		.replaceAll(/^-+|-+$/g, '');
}
