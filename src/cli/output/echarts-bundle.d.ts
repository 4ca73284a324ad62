// ECharts' prebuilt "common" bundle (UMD, loaded by charts.ts): the same API as echarts/core, with the common charts,
// components and both renderers already registered.
declare module 'echarts/dist/echarts.common.min' {
	const echarts: typeof import('echarts/core');
	export default echarts;
}
