import {useRef, useState, type MutableRefObject} from 'react';

/**
 * State that the keys of one burst can read: they arrive before React renders again, so `set` writes the ref first and
 * every later key of the burst sees the value in `ref.current`; `value` is the rendered one.
 */
export function useStateRef<T>(initial: T): [value: T, ref: MutableRefObject<T>, set: (next: T) => void] {
	const [value, setValue] = useState(initial);
	const ref = useRef(value);
	const set = (next: T) => {
		ref.current = next;
		setValue(next);
	};

	return [value, ref, set];
}
