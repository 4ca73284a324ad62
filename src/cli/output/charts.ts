/**
 * Server-side SVG charts for `csr report --html`, drawn by Apache ECharts' SSR renderer (no DOM, no browser, no
 * network). ECharts is imported only when a report is written.
 * Labels are customer/agent/desk text: ECharts escapes the text it writes into the SVG, and csr passes only plain
 * strings (no rich-text or HTML formatters).
 */

export type Series = {
	readonly name: string;
	readonly values: readonly (number | null)[];
	readonly kind?: 'bar' | 'line';
};

export type ChartSpec = {
	readonly categories: readonly string[];
	readonly series: readonly Series[];
	/** Formats y-axis values: percentages for rates. */
	readonly unit?: 'count' | 'percent' | 'minutes';
	readonly width?: number;
	readonly height?: number;
	readonly horizontal?: boolean;
};

type ECharts = typeof import('echarts/core');
let loaded: Promise<ECharts> | null = null;

/**
 * ECharts' prebuilt "common" bundle: one minified file with bar, line, the grid, legend and the SVG renderer among
 * others. The tree-shaken ESM core is hundreds of small files (echarts/lib, zrender); the bundle loads several times
 * faster and draws the same SVG (same version, same code).
 */
async function loadECharts(): Promise<ECharts> {
	loaded ??= import('echarts/dist/echarts.common.min').then((module) => module.default);
	return loaded;
}

const palette = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2'];

function axisLabel(unit: ChartSpec['unit']): {formatter?: (value: number) => string} {
	if (unit === 'percent') return {formatter: (value: number) => `${Math.round(value * 100)}%`};
	return {};
}

/**
 * One chart as an SVG string (width × height px, 1180 × 300 unless told: the report's content width), with its
 * legend when it has more than one series. The page scales it to the full width through its viewBox.
 */
export async function renderChart(spec: ChartSpec): Promise<string> {
	const echarts = await loadECharts();
	const width = spec.width ?? 1180;
	const height = spec.height ?? 300;
	const chart = echarts.init(null, null, {renderer: 'svg', ssr: true, width, height});
	try {
		const categoryAxis = {type: 'category' as const, data: [...spec.categories], axisLabel: {hideOverlap: true}};
		const valueAxis = {
			type: 'value' as const,
			axisLabel: axisLabel(spec.unit),
			...(spec.unit === 'percent' ? {max: 1, min: 0} : {}),
		};
		chart.setOption({
			animation: false,
			color: palette,
			textStyle: {fontFamily: 'sans-serif'},
			legend: spec.series.length > 1 ? {top: 0, data: spec.series.map((s) => s.name)} : {show: false},
			grid: {left: spec.horizontal ? 150 : 56, right: 24, top: spec.series.length > 1 ? 32 : 16, bottom: 32},
			xAxis: spec.horizontal ? valueAxis : categoryAxis,
			yAxis: spec.horizontal ? {...categoryAxis, inverse: true} : valueAxis,
			series: spec.series.map((s) => ({
				name: s.name,
				type: s.kind ?? 'bar',
				data: [...s.values],
				connectNulls: false,
				showSymbol: false,
			})),
		});
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}
