import {Text} from 'ink';
import {useEffect, useRef, useState} from 'react';
import type {Ticket} from '../../domain/ticket.js';
import type {Flash} from '../components/hint-line.js';
import {formatIds} from '../format.js';
import {type ActionPreview, useServices} from '../services.js';
import {theme} from '../theme.js';
import {ActionScreen} from './action-screen.js';

type Props = {
	/** The ticket, or the selected tickets: all merged into the one typed. */
	readonly targets: readonly Ticket[];
	/** The ticket to keep, when it is known; else it is typed. */
	readonly into?: string | undefined;
	readonly onDone: (flash: Flash | null) => void;
	readonly width: number;
	readonly height: number;
};

/**
 * The desk's answer to "can it": a desk that cannot do it says so at once, naming the desk, before anything is
 * typed (as ctrl-k does for a help center). False while asking.
 */
export function useCannot(what: 'merge' | 'forward', onDone: (flash: Flash | null) => void): boolean {
	const {cannot} = useServices();
	const [known, setKnown] = useState(false);
	const done = useRef(onDone);
	done.current = onDone;
	useEffect(() => {
		let live = true;
		const ask = cannot ? cannot(what) : Promise.resolve(`This desk cannot ${what} tickets from csr.`);
		ask.then(
			(reason) => {
				if (!live) return;
				if (reason === null) setKnown(true);
				else done.current({text: reason, tone: 'warning'});
			},
			() => live && setKnown(true),
		);
		return () => {
			live = false;
		};
	}, [cannot, what]);
	return known;
}

/** `m`: merge the ticket (or the selected ones) into another: target, comment, the plan read from the desk, `y`. */
export function MergeScreen({targets, into, onDone, width, height}: Props) {
	const {planMerge} = useServices();
	const ready = useCannot('merge', onDone);
	const plan = useRef<ActionPreview | null>(null);
	const sourceIds = targets.map((ticket) => ticket.id);
	const which = formatIds(sourceIds);
	if (!ready || planMerge === undefined) return <Text color={theme.muted}>Asking the desk…</Text>;
	return (
		<ActionScreen
			steps={[
				...(into === undefined
					? [
							{
								kind: 'text' as const,
								title: `Merge ${which} into ticket number`,
								placeholder: 'e.g. 4498 (the ticket that stays open)',
								validate: (text: string) => {
									const id = text.replace(/^#/, '');
									if (!/^\d{1,19}$/.test(id)) return 'Type the number of the ticket to keep, e.g. 4498.';
									return sourceIds.includes(id) ? `#${id} is being merged; pick the ticket to keep.` : null;
								},
							},
						]
					: []),
				{
					kind: 'text',
					title:
						into === undefined
							? 'Comment for the kept ticket (optional, enter to skip)'
							: `Merge ${which} into #${into}: comment for #${into} (optional, enter to skip)`,
					placeholder: 'same order',
				},
			]}
			preview={async (values) => {
				const [target = '', comment = ''] = into === undefined ? values : [into, ...values];
				plan.current = await planMerge({
					sourceIds,
					targetId: target.replace(/^#/, ''),
					comment: comment === '' ? null : comment,
				});
				return {title: plan.current.title, lines: plan.current.lines};
			}}
			run={async () => {
				if (plan.current === null) throw new Error('the merge was not read yet');
				return {text: await plan.current.run(), tone: plan.current.alreadyDone ? 'muted' : 'ok'};
			}}
			onDone={onDone}
			width={width}
			height={height}
		/>
	);
}
