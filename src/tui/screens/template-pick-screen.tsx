import {Text} from 'ink';
import {useCallback, useMemo} from 'react';
import type {Ticket} from '../../domain/ticket.js';
import {toDisplayLine} from '../../text/display-text.js';
import {ListPicker, type PickerItem} from '../components/list-picker.js';
import {fuzzyFilter} from '../fuzzy.js';
import {useLeaving, useLiveState} from '../hooks/use-live-state.js';
import {useTemplatesFor} from '../hooks/use-templates.js';
import {actionOf} from '../keymap.js';
import {useKeys} from '../keys.js';
import {applyKey} from '../text-editing.js';
import {theme} from '../theme.js';

type Props = {
	readonly title: string;
	/** For a note, note templates come first; for a reply, reply templates. */
	readonly forNote: boolean;
	/** The ticket replied to: templates that fit its customer messages come first. */
	readonly ticket?: Ticket | undefined;
	/** The template's name, or null for a message without a template. */
	readonly onPick: (name: string | null) => void;
	readonly onCancel: () => void;
	readonly width: number;
	readonly height: number;
};

const blank: PickerItem = {key: '', label: '(no template)', hint: 'write the message yourself'};

/**
 * Type to search the templates (fuzzy, on name and title), arrows to move, enter to pick. The kind of message being
 * written comes first; within it, the templates suggested for the ticket's customer messages.
 */
export function TemplatePickScreen({title, forNote, ticket, onPick, onCancel, width, height}: Props) {
	const {state} = useTemplatesFor(ticket);
	const [query, setQuery, readQuery] = useLiveState('');
	const [cursor, setCursor, readCursor] = useLiveState(0);
	const {leave, hasLeft} = useLeaving();
	const itemsFor = useCallback(
		(query: string) => {
			const listed = state.kind === 'ready' ? state.value : [];
			// A stable sort: the kind of message being written first, each kind in the library's order.
			const templates = [...listed].sort((a, b) => Number(a.internal !== forNote) - Number(b.internal !== forNote));
			const all: PickerItem[] = [
				...templates.map((template) => ({
					key: template.name,
					label: template.name,
					hint: `${template.suggested ? 'suggested · ' : ''}${toDisplayLine(template.title)}${template.internal ? ' (internal note)' : ''} · ${template.locales.join(' ')}`,
				})),
				blank,
			];
			return fuzzyFilter(all, query, (item) => `${item.label} ${item.hint ?? ''}`);
		},
		[state, forNote],
	);
	const items = useMemo(() => itemsFor(query), [itemsFor, query]);
	useKeys((input, key) => {
		if (hasLeft()) return 'later';
		// What was typed so far, whether or not its frame is drawn: enter picks from that list.
		const cursor = readCursor();
		const items = itemsFor(readQuery());
		const move = actionOf(['listUp', 'listDown'], input, key);
		if (move === 'listUp') setCursor(Math.max(0, cursor - 1));
		else if (move === 'listDown') setCursor(Math.max(0, Math.min(items.length - 1, cursor + 1)));
		else if (key.return) {
			const item = items[cursor];
			if (item) leave(() => onPick(item.key === '' ? null : item.key));
		} else if (key.escape) leave(onCancel);
		else {
			setQuery(applyKey(readQuery(), input, key).value);
			setCursor(0);
		}
	});
	if (state.kind === 'loading') return <Text color={theme.muted}>Loading templates…</Text>;
	if (state.kind === 'failed')
		return <Text color={theme.danger}>Could not list the templates: {toDisplayLine(state.message)} (esc)</Text>;
	return (
		<ListPicker
			title={`${title}: pick a template (type to search · ↑↓ · enter · esc)`}
			items={items}
			cursor={cursor}
			query={query}
			width={width}
			height={height}
		/>
	);
}
