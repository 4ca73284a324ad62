import type {Key} from 'ink';
import {useState} from 'react';
import {messageOf} from '../../errors.js';
import type {PlannedAttachment} from '../../services/attachments.js';
import type {Flash} from '../components/hint-line.js';
import {useServices} from '../services.js';
import {applyKey} from '../text-editing.js';
import {useLiveState} from './use-live-state.js';

/**
 * The composer's files: `a` asks for a path (tab completes it), the desk's limits are checked as each is added, `x`
 * takes the last one off. What the hook holds goes with the message (`extras.attachments`).
 */
export function useAttachments() {
	const {attachFile, completePath} = useServices();
	const [files, setFiles, readFiles] = useLiveState<readonly PlannedAttachment[]>([]);
	const [path, setPath, readPath] = useLiveState('');
	const [error, setError] = useState<string | null>(null);
	const [isReading, setReading, readReading] = useLiveState(false);

	/** A key while the path is typed; `done` when the file was added (its flash) or the agent went back (null). */
	const onKey = (typed: string, key: Key, done: (flash: Flash | null) => void): void => {
		if (readReading()) return;
		if (key.tab) {
			const partial = readPath();
			void completePath?.(partial).then(
				(completed) => {
					if (readPath() === partial) setPath(completed);
				},
				() => {},
			);
			return;
		}
		const edit = applyKey(readPath(), typed, key);
		if (edit.done === 'cancel') {
			done(null);
			return;
		}
		if (edit.done !== 'submit') {
			setError(null);
			setPath(edit.value);
			return;
		}
		const wanted = edit.value.trim();
		if (wanted === '') {
			setError('Type the path of a file, e.g. ~/labels/return-label.pdf.');
			return;
		}
		if (attachFile === undefined) {
			done({text: 'This desk cannot take attachments from csr.', tone: 'warning'});
			return;
		}
		setReading(true);
		attachFile(wanted, readFiles()).then(
			(file) => {
				setReading(false);
				setFiles([...readFiles(), file]);
				setPath('');
				done({text: `Attached ${file.fileName}.`, tone: 'accent'});
			},
			(failure: unknown) => {
				setReading(false);
				setError(`Not attached: ${messageOf(failure).replace(/ Nothing was sent\.$/, '')}`);
			},
		);
	};
	const start = () => {
		setPath('');
		setError(null);
	};
	/** Takes the last file off; its name, or null when there was none. */
	const removeLast = (): string | null => {
		const now = readFiles();
		const last = now.at(-1);
		if (last === undefined) return null;
		setFiles(now.slice(0, -1));
		return last.fileName;
	};
	return {files, readFiles, path, error, isReading, onKey, start, removeLast} as const;
}
