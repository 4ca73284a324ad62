import type {StatsGroup} from '../../kpi/report.js';
import type {ReportData} from '../../services/report.js';
import {type ChartSpec, renderChart} from './charts.js';

/** The report's charts, in page order: id (for tests), caption, and the server-rendered SVG. */
export type RenderedChart = {readonly id: string; readonly title: string; readonly svg: string};

function specs(data: ReportData): {id: string; title: string; spec: ChartSpec}[] {
	const days = data.byDay.map((group) => group.key.slice(5));
	const perDay = (pick: (group: StatsGroup) => number | null) => data.byDay.map(pick);
	const channels = data.byChannel;
	const byChannel = Object.entries(data.overall.report.csat.byChannel);
	const {distributions: d} = data;
	const list: {id: string; title: string; spec: ChartSpec}[] = [
		{
			id: 'volume',
			title: 'Tickets created and solved per day (UTC)',
			spec: {
				categories: days,
				series: [
					{name: 'created', values: perDay((g) => g.tickets.created)},
					{name: 'solved', values: perDay((g) => g.tickets.solved)},
				],
			},
		},
		{
			id: 'backlog',
			title: 'Backlog at the end of each day',
			spec: {
				categories: data.backlog.days.map((day) => day.slice(5)),
				series: [{name: 'unsolved', values: data.backlog.open, kind: 'line'}],
			},
		},
		{
			id: 'sla',
			title: 'SLA breach rate of the tickets created each day',
			spec: {
				categories: days,
				series: [
					{name: "the desk's SLA", values: perDay((g) => g.slaBreachRate), kind: 'line'},
					...(data.overall.report.slaBreachCsr
						? [
								{
									name: 'csr targets, business hours',
									values: perDay((g) => g.slaBreachCsr?.business?.rate ?? null),
									kind: 'line' as const,
								},
								{
									name: 'csr targets, calendar',
									values: perDay((g) => g.slaBreachCsr?.calendar.rate ?? null),
									kind: 'line' as const,
								},
							]
						: []),
				],
				unit: 'percent',
			},
		},
		...waitTrend(data, days, perDay),
		{
			id: 'first-reply-distribution',
			title: 'First reply time: tickets per band',
			spec: {
				categories: d.labels,
				series: [
					{name: 'calendar', values: d.firstReply},
					...(d.firstReplyBusiness ? [{name: 'business hours', values: d.firstReplyBusiness}] : []),
				],
			},
		},
		{
			id: 'resolution-distribution',
			title: 'Resolution time: tickets per band',
			spec: {
				categories: d.labels,
				series: [
					{name: 'calendar', values: d.resolution},
					...(d.resolutionBusiness ? [{name: 'business hours', values: d.resolutionBusiness}] : []),
				],
			},
		},
		{
			id: 'csat-trend',
			title: 'CSAT per day',
			spec: {
				categories: data.overall.report.csat.trend.map((point) => point.date.slice(5)),
				series: [{name: 'CSAT', values: data.overall.report.csat.trend.map((point) => point.score), kind: 'line'}],
				unit: 'percent',
			},
		},
		{
			id: 'csat-channel',
			title: 'CSAT per channel',
			spec: {
				categories: byChannel.map(([channel]) => channel),
				series: [{name: 'CSAT', values: byChannel.map(([, value]) => value.score)}],
				unit: 'percent',
				horizontal: true,
			},
		},
		{
			id: 'nps-channel',
			title: 'NPS per channel (−100 … +100)',
			spec: {
				categories: channels.map((g) => g.key),
				series: [{name: 'NPS', values: channels.map((g) => g.nps?.score ?? null)}],
				horizontal: true,
			},
		},
		{
			id: 'ces-channel',
			title: 'CES per channel (mean)',
			spec: {
				categories: channels.map((g) => g.key),
				series: [{name: 'CES', values: channels.map((g) => g.ces?.mean ?? null)}],
				horizontal: true,
			},
		},
		data.overall.report.team === undefined
			? {
					id: 'agent-solved',
					title: 'Solved tickets per assignee',
					spec: {
						categories: data.byAgent.map((g) => g.key),
						series: [{name: 'solved', values: data.byAgent.map((g) => g.tickets.solved)}],
						horizontal: true,
						height: Math.max(180, 40 + data.byAgent.length * 22),
					},
				}
			: {
					id: 'team',
					title: 'Replies and solves per agent (from the desk)',
					spec: {
						categories: data.overall.report.team.map((member) => member.agent),
						series: [
							{name: 'replies', values: data.overall.report.team.map((member) => member.replies)},
							{name: 'solved', values: data.overall.report.team.map((member) => member.solved)},
						],
						horizontal: true,
						height: Math.max(200, 60 + data.overall.report.team.length * 26),
					},
				},
	];
	return list;
}

/** Next reply and requester wait per day (medians), calendar and business, when the report has them. */
function waitTrend(
	data: ReportData,
	days: string[],
	perDay: (pick: (group: StatsGroup) => number | null) => (number | null)[],
): {id: string; title: string; spec: ChartSpec}[] {
	const {report} = data.overall;
	const series = [
		{name: 'next reply', present: report.nextReplyMinutes, pick: (g: StatsGroup) => g.nextReplyMinutes},
		{
			name: 'next reply, business',
			present: report.nextReplyBusinessMinutes,
			pick: (g: StatsGroup) => g.nextReplyBusinessMinutes,
		},
		{name: 'requester wait', present: report.requesterWaitMinutes, pick: (g: StatsGroup) => g.requesterWaitMinutes},
		{
			name: 'requester wait, business',
			present: report.requesterWaitBusinessMinutes,
			pick: (g: StatsGroup) => g.requesterWaitBusinessMinutes,
		},
	].filter((entry) => entry.present !== undefined);
	if (series.length === 0) return [];
	return [
		{
			id: 'waits',
			title: 'Next reply and requester wait per day (median minutes)',
			spec: {
				categories: days,
				series: series.map((entry) => ({
					name: entry.name,
					values: perDay((g) => entry.pick(g)?.median ?? null),
					kind: 'line' as const,
				})),
			},
		},
	];
}

export async function reportCharts(data: ReportData): Promise<RenderedChart[]> {
	const rendered: RenderedChart[] = [];
	for (const {id, title, spec} of specs(data)) {
		rendered.push({id, title, svg: await renderChart(spec)});
	}
	return rendered;
}
