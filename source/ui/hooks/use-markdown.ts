import process from 'node:process';
import {useEffect, useState} from 'react';
import {loadMarkdownRenderer} from '../render-markdown.js';
import {stepBody} from '../step-body.js';

/**
 * A step's instructions as terminal text, rendered by marked-terminal once it has loaded (undefined until then), in
 * the screen's own state so that the screen measures itself again when they arrive. `hide`: the texts of files the
 * screen shows as diffs. '' when the step says nothing more than its title.
 */
export function useMarkdown(item: string, width: number, title: string, hide: string[]): string | undefined {
	const markdown = stepBody(item);
	const [rendered, setRendered] = useState<string | undefined>();
	const hideKey = hide.join('\0');
	useEffect(() => {
		let live = true;
		loadMarkdownRenderer(width)
			.then(render => {
				if (live) setRendered(render(markdown, hide));
			})
			.catch((error: unknown) => {
				// The raw markdown stays readable as it is. The reason only when debugging.
				if (live) setRendered(process.env.TOMESH_SETUP_DEBUG ? `${markdown}\n(markdown renderer: ${String(error)})` : markdown);
			});
		return () => {
			live = false;
		};
	}, [markdown, width, hideKey]);
	// A one-sentence step says nothing more than its title: show it once.
	const plain = markdown.replaceAll(/[`*_]/g, '').replaceAll(/\s+/g, ' ').trim();
	if (plain.replace(/[.:]$/, '') === title.replace(/[.:]$/, '')) return '';
	return rendered;
}
