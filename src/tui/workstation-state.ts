/** Which pane the movement keys drive. */
export type Focus = 'queue' | 'thread';

/** The queue and ticket panes' UI state, kept above the screens so it survives a trip to the composer. */
export type WorkstationState = {
	readonly cursor: number;
	/** The id under the cursor, so a reload that reorders the queue keeps the agent on the same ticket. */
	readonly cursorId: string | null;
	readonly selected: ReadonlySet<string>;
	readonly focus: Focus;
	/** The open ticket and when it was opened (handle time starts here). */
	readonly opened: {readonly id: string; readonly atMs: number} | null;
	readonly scroll: number;
	readonly expanded: ReadonlySet<string>;
	readonly filter: string;
	/** Index into the profile's saved views; -1: the filter line is the agent's own. */
	readonly viewIndex: number;
};

export type WorkstationAction =
	| {
			readonly type: 'move';
			readonly to: number;
			readonly ids: (index: number) => string | undefined;
			readonly count: number;
	  }
	/** After a send or an action: the cursor on the next ticket in queue order, the focus back on the queue. */
	| {readonly type: 'advance'; readonly to: number; readonly id: string}
	| {readonly type: 'toggleSelect'; readonly id: string}
	| {readonly type: 'clearSelection'}
	/** Opening the open ticket again keeps its clock unless `restartClock` (after an action was done). */
	| {readonly type: 'open'; readonly id: string; readonly atMs: number; readonly restartClock?: boolean}
	| {readonly type: 'focus'; readonly focus: Focus}
	| {readonly type: 'scroll'; readonly to?: number; readonly by?: number; readonly max: number}
	| {readonly type: 'toggleFold'; readonly id: string}
	| {readonly type: 'filter'; readonly text: string; readonly viewIndex: number};

export const initialWorkstationState: WorkstationState = {
	cursor: 0,
	cursorId: null,
	selected: new Set(),
	focus: 'queue',
	opened: null,
	scroll: 0,
	expanded: new Set(),
	filter: '',
	viewIndex: -1,
};

const clamp = (value: number, max: number): number => Math.max(0, Math.min(value, max));

export function workstationReducer(state: WorkstationState, action: WorkstationAction): WorkstationState {
	switch (action.type) {
		case 'move': {
			const cursor = clamp(action.to, action.count - 1);
			const cursorId = action.ids(cursor) ?? null;
			// The preview of another ticket starts at its top.
			return {...state, cursor, cursorId, scroll: cursorId === state.cursorId ? state.scroll : 0};
		}
		case 'advance':
			return {...state, cursor: action.to, cursorId: action.id, focus: 'queue', opened: null, scroll: 0};
		case 'toggleSelect': {
			const selected = new Set(state.selected);
			if (selected.has(action.id)) selected.delete(action.id);
			else selected.add(action.id);
			return {...state, selected};
		}
		case 'clearSelection':
			return {...state, selected: new Set()};
		case 'open':
			return {
				...state,
				opened:
					state.opened?.id === action.id && action.restartClock !== true
						? state.opened
						: {id: action.id, atMs: action.atMs},
				focus: 'thread',
				scroll: 0,
				expanded: state.opened?.id === action.id ? state.expanded : new Set(),
			};
		case 'focus':
			return {...state, focus: action.focus};
		case 'scroll':
			return {...state, scroll: clamp(action.to ?? Math.min(state.scroll, action.max) + (action.by ?? 0), action.max)};
		case 'toggleFold': {
			const expanded = new Set(state.expanded);
			if (expanded.has(action.id)) expanded.delete(action.id);
			else expanded.add(action.id);
			return {...state, expanded};
		}
		case 'filter':
			return {
				...state,
				filter: action.text,
				viewIndex: action.viewIndex,
				cursor: 0,
				cursorId: null,
				selected: new Set(),
			};
	}
}

/**
 * The cursor row in this ticket list: where the ticket it was on is now (a reload may reorder the queue), else the
 * same row. Derived while rendering, so no frame ever shows the cursor on a ticket it was not on.
 */
export function cursorIn(tickets: readonly {readonly id: string}[], state: WorkstationState): number {
	if (tickets[state.cursor]?.id === state.cursorId) return state.cursor;
	const found = state.cursorId === null ? -1 : tickets.findIndex((ticket) => ticket.id === state.cursorId);
	return clamp(found >= 0 ? found : state.cursor, tickets.length - 1);
}
